'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';

/**
 * "Start again" clears this phone's answers and plan, so it asks first: a modal <dialog> that
 * traps focus, starts on the safe choice (Cancel), closes with Escape, and hands focus back.
 */
export function StartAgainDialog({ disabled, onConfirm }: { disabled: boolean; onConfirm: () => void }) {
  const t = useTranslations('Player.summary');
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  const open = () => {
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      <div className="actions">
        <button ref={opener} type="button" className="button button--secondary" disabled={disabled} onClick={open}>
          {t('startAgain')}
        </button>
      </div>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="start-again-heading"
        aria-describedby="start-again-body"
        onClose={() => opener.current?.focus()}
      >
        <h2 id="start-again-heading">{t('confirmHeading')}</h2>
        <p id="start-again-body">{t('confirmBody')}</p>
        <div className="actions">
          <button ref={cancel} type="button" className="button" onClick={close}>
            {t('confirmNo')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {t('confirmYes')}
          </button>
        </div>
      </dialog>
    </>
  );
}
