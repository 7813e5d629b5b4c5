'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

/**
 * A link to pass on by hand, in a read-only field with a "Copy link" button. If the clipboard
 * is not available (an http:// address other than localhost, or permission refused), the link
 * is selected so the person can copy it themselves.
 */
export function CopyLink({ link, label, hint }: { link: string; label: string; hint: string }) {
  const t = useTranslations('Admin.invites');
  const input = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('failed');
    }
  }

  return (
    <div className="copy-link">
      <label className="field-label" htmlFor="invite-link">
        {label}
      </label>
      <p className="hint" id="invite-link-hint">
        {hint}
      </p>
      {/* A text area, so the whole link shows (wrapped) on a phone, not just its start. */}
      <textarea
        ref={input}
        id="invite-link"
        className="text-input copy-link__input"
        rows={3}
        readOnly
        value={link}
        aria-describedby="invite-link-hint"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('copy')}
        </button>
      </div>
      <p role="status" className="copy-link__status">
        {status === 'copied' ? t('copied') : status === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}
