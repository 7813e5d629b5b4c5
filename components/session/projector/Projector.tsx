'use client';

import { useTranslations } from 'next-intl';
import './projector.css';
import type { DisclosedTally } from '@/lib/domain/class-tally-disclosure';
import type { GuessBin } from '@/lib/domain/class-tally';
import { formatJoinCode } from '@/lib/domain/join-code';
import type { LiveFigure } from '@/lib/domain/live-tree';
import type { TeacherLiveView } from '@/lib/server/live/snapshots';
import type { StepShow } from '@/lib/server/step-shows';
import { useLiveFigure } from '../teach/use-live-figure';
import { useTeacherLive } from '../teach/use-teacher-live';
import { keepTogether, useDiscussionLabels } from '../discussion-labels';
import { ProjectorBars, barOf, type BarRow } from './ProjectorBars';

export interface ProjectorProps {
  sessionId: string;
  joinCode: string;
  joinLink: string;
  qrSvg: string;
  locale: string;
  shows: StepShow[];
  initial: TeacherLiveView;
}

/**
 * The big screen: no controls, type for the back of the room (decision 015). It follows the
 * same live events as the presenter's laptop: the step, the reveal (a release, already
 * disclosed by the server), the join code shown or hidden, the end.
 */
export function Projector({ sessionId, joinCode, joinLink, qrSvg, locale, shows, initial }: ProjectorProps) {
  const t = useTranslations('Teach.projector');
  const { view, connected } = useTeacherLive(sessionId, initial, locale);
  const { state, counts, reveal } = view;
  const closed = state.status === 'closed';
  const show = shows[state.liveStep];
  const tallies = reveal !== null && reveal.step === state.liveStep ? reveal.tallies : null;
  const lobby = !closed && state.liveStep === 0;
  const screen = closed ? 'end' : lobby ? 'lobby' : show?.kind === 'summary' ? 'end' : (show?.kind ?? 'section');

  return (
    <div className="pj" data-screen={screen} data-live-step={state.liveStep} data-connected={connected}>
      {!lobby && !closed && state.showJoinCode && (
        <p className="pj__corner">
          <span className="visually-hidden">{t('cornerLabel', { code: formatJoinCode(joinCode) })}</span>
          <span aria-hidden="true">{formatJoinCode(joinCode)}</span>
        </p>
      )}
      {lobby ? (
        <Lobby joinCode={joinCode} joinLink={joinLink} qrSvg={qrSvg} joined={counts.joined} showCode={state.showJoinCode} title={show?.kind === 'intro' ? show.title : ''} />
      ) : screen === 'end' ? (
        <EndScreen view={view} shows={shows} closed={closed} />
      ) : show ? (
        <StepScreen show={show} tallies={tallies} view={view} />
      ) : null}
      {!connected && <p className="pj__offline">{t('reconnecting')}</p>}
    </div>
  );
}

function Lobby({ joinCode, joinLink, qrSvg, joined, showCode, title }: { joinCode: string; joinLink: string; qrSvg: string; joined: number; showCode: boolean; title: string }) {
  const t = useTranslations('Teach.projector');
  return (
    <section className="pj-lobby" aria-labelledby="pj-lobby-heading">
      <div className="pj-lobby__text">
        <p className="pj__eyebrow">{title}</p>
        <h2 id="pj-lobby-heading" className="pj__title">
          {t('joinHeading')}
        </h2>
        {showCode ? (
          <>
            <p className="pj-lobby__code" data-join-code={joinCode}>
              {formatJoinCode(joinCode)}
            </p>
            <p className="pj-lobby__link">{t('joinAt', { link: joinLink.replace(/^https?:\/\//, '') })}</p>
          </>
        ) : (
          <p className="pj-lobby__link">{t('codeHidden')}</p>
        )}
        <p className="pj-lobby__joined">
          <span data-count="joined">{joined}</span> {t('joined', { count: joined })}
        </p>
      </div>
      {showCode && (
        // The SVG is drawn on the server by the qrcode library from the link above.
        <div className="pj-lobby__qr" role="img" aria-label={t('qrLabel', { link: joinLink })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      )}
    </section>
  );
}

/** Before the reveal: how many answered, in steps of k. After: nothing (the figures say it). */
function Waiting({ view }: { view: TeacherLiveView }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  return (
    <p className="pj__status">
      {t('answered', { count: figure(view.counts.answeredStep) })} <span className="pj__muted">· {t('joinedShort', { count: view.counts.joined })}</span>
    </p>
  );
}

/** A tally not shown yet, in words: never a raw marker. */
function NotShown({ tally }: { tally: Extract<DisclosedTally, { kind: 'waiting' }> }) {
  const t = useTranslations('Teach.projector');
  return <p className="pj__note">{tally.why === 'unsafe' ? t('unsafe') : tally.at !== null ? t('waitingFor', { at: tally.at }) : t('tooFewReached')}</p>;
}

function StepScreen({ show, tallies, view }: { show: StepShow; tallies: DisclosedTally[] | null; view: TeacherLiveView }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  const tally = tallies?.[0];
  const protectedNote = tallies?.some((x) => x.kind !== 'waiting') ? <p className="pj__note">{t('why', { k: view.k })}</p> : null;

  switch (show.kind) {
    case 'intro':
    case 'section':
      return (
        <section className="pj-card" aria-labelledby="pj-heading">
          <h2 id="pj-heading" className="pj__title pj__title--card">
            {show.title}
          </h2>
          <p className="pj__lead">{show.kind === 'intro' ? show.tagline : show.body}</p>
        </section>
      );
    case 'summary':
      return null;
    case 'plan':
      return (
        <section className="pj-step" aria-labelledby="pj-heading">
          <h2 id="pj-heading" className="pj__title">
            {show.title}
          </h2>
          <p className="pj__lead">{show.prompt}</p>
          <ul className="pj-list">
            {show.examples.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </section>
      );
    case 'attitude':
      return (
        <section className="pj-step" aria-labelledby="pj-heading">
          <p className="pj__eyebrow">{t('opinion')}</p>
          <h2 id="pj-heading" className="pj__title">
            {show.statement}
          </h2>
          {tally?.kind === 'scale' ? (
            <>
              <ProjectorBars
                caption={show.statement}
                rows={tally.points.map((p) => ({ key: String(p.value), label: show.scale.find((s) => s.id === String(p.value))?.label ?? t('skip'), count: p.count, right: false }))}
              />
              {protectedNote}
            </>
          ) : tally?.kind === 'waiting' ? (
            <NotShown tally={tally} />
          ) : (
            <Waiting view={view} />
          )}
        </section>
      );
    case 'question':
    case 'fact': {
      const options = show.kind === 'question' ? show.options : show.options;
      const heading = show.kind === 'question' ? show.prompt : show.question;
      return (
        <section className="pj-step" aria-labelledby="pj-heading">
          {show.kind === 'fact' && <p className="pj__eyebrow">{show.title}</p>}
          <h2 id="pj-heading" className="pj__title">
            {heading}
          </h2>
          {show.kind === 'question' && show.multiple && <p className="pj__hint">{t('tickAll')}</p>}
          {tally?.kind === 'options' && options ? (
            <>
              <ProjectorBars
                caption={t('howTheClassAnswered', { count: figure(tally.reached) })}
                rows={tally.options.map((o) => ({ key: o.id, label: options.find((x) => x.id === o.id)?.label ?? o.id, count: o.count, right: o.correct === true }))}
              />
              {show.kind === 'fact' && <p className="pj__answer">{show.answer}</p>}
              {protectedNote}
            </>
          ) : tally?.kind === 'binary' && show.kind === 'fact' && show.number ? (
            <NumberReveal show={show} tally={tally} k={view.k} />
          ) : (
            <>
              {options && (
                <ol className="pj-options" type="A">
                  {options.map((o) => (
                    <li key={o.id}>{o.label}</li>
                  ))}
                </ol>
              )}
              {show.kind === 'fact' && show.number && <p className="pj__hint">{t('guessNumber', { unit: show.number.unit ?? '' })}</p>}
              {tally?.kind === 'waiting' ? <NotShown tally={tally} /> : <Waiting view={view} />}
            </>
          )}
        </section>
      );
    }
    case 'order':
      return (
        <section className="pj-step" aria-labelledby="pj-heading">
          <h2 id="pj-heading" className="pj__title">
            {show.prompt}
          </h2>
          {tally && tally.kind !== 'waiting' ? (
            <div className="pj-split">
              <div>
                <h3 className="pj__sub">{t('rightOrder')}</h3>
                <ol className="pj-order">
                  {show.options.map((o) => (
                    <li key={o.id}>{o.label}</li>
                  ))}
                </ol>
              </div>
              {tally.kind === 'binary' && (
                <div>
                  <ProjectorBars
                    caption={t('howTheClassAnswered', { count: figure(tally.reached) })}
                    rows={[
                      { key: 'right', label: t('inRightOrder'), count: tally.right, right: true },
                      { key: 'other', label: t('inOtherOrder'), count: tally.other, right: false },
                    ]}
                  />
                  {protectedNote}
                </div>
              )}
            </div>
          ) : (
            <>
              <ul className="pj-options pj-options--plain">
                {/* Before the reveal, alphabetically: the right order is what the class works out. */}
                {[...show.options].sort((a, b) => a.label.localeCompare(b.label)).map((o) => (
                  <li key={o.id}>{o.label}</li>
                ))}
              </ul>
              {tally?.kind === 'waiting' ? <NotShown tally={tally} /> : <Waiting view={view} />}
            </>
          )}
        </section>
      );
    case 'story':
      return <StoryScreen show={show} tallies={tallies} view={view} />;
  }
}

const BINS: readonly (GuessBin | 'right')[] = ['far-under', 'under', 'right', 'over', 'far-over'];

/** A number guess: the real figure, large, against how the class's guesses spread around it. */
function NumberReveal({ show, tally, k }: { show: Extract<StepShow, { kind: 'fact' }>; tally: Extract<DisclosedTally, { kind: 'binary' }>; k: number }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  const count = (bin: GuessBin | 'right'): LiveFigure => (bin === 'right' ? tally.right : (tally.spread?.find((s) => s.bin === bin)?.count ?? { kind: 'fewer-than', k }));
  const bins = tally.spread ? BINS : (['right'] as const);
  const largest = Math.max(1, ...bins.map((b) => count(b)).map((f) => (f.kind === 'count' ? f.value : f.kind === 'range' ? f.to : 0)));
  return (
    <div className="pj-number">
      <p className="pj-number__real">
        <span className="pj-number__label">{t('realFigure')}</span> <strong>{show.answer}</strong>
      </p>
      <table className="pj-spread">
        <caption className="visually-hidden">{t('spreadCaption', { count: figure(tally.reached) })}</caption>
        <thead>
          <tr>
            {bins.map((bin) => (
              <th key={bin} scope="col" className={bin === 'right' ? 'pj-spread__right' : undefined}>
                {bin === 'right' ? `✓ ${t('bins.right')}` : t(`bins.${bin}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {bins.map((bin) => {
              const bar = barOf(count(bin), largest);
              return (
                <td key={bin} className={bin === 'right' ? 'pj-spread__right' : undefined} data-bin={bin}>
                  <span className="pj-spread__column" aria-hidden="true">
                    <span className="pj-spread__faint" style={{ height: `${bar.faint}%` }} />
                    <span className="pj-spread__solid" style={{ height: `${bar.solid}%` }} />
                  </span>
                  <span className="pj-spread__count">{figure(count(bin))}</span>
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      <p className="pj__note">{t('why', { k })}</p>
    </div>
  );
}

/** A story: its title and setup; after the reveal each decision, its choices, what followed each, and how many took it. */
function StoryScreen({ show, tallies, view }: { show: Extract<StepShow, { kind: 'story' }>; tallies: DisclosedTally[] | null; view: TeacherLiveView }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  if (!tallies) {
    return (
      <section className="pj-step" aria-labelledby="pj-heading">
        <p className="pj__eyebrow">{t('story')}</p>
        <h2 id="pj-heading" className="pj__title">
          {show.title}
        </h2>
        <p className="pj__lead">{show.setup}</p>
        <Waiting view={view} />
      </section>
    );
  }
  const shown = show.decisions.flatMap((d) => {
    const tally = tallies.find((x) => x.itemId === d.itemId);
    return tally?.kind === 'options' ? [{ decision: d, tally }] : [];
  });
  const first = tallies[0];
  return (
    <section className="pj-step pj-story" aria-labelledby="pj-heading">
      <h2 id="pj-heading" className="pj__title pj__title--story">
        {show.title}
      </h2>
      {shown.length === 0 && first?.kind === 'waiting' && <NotShown tally={first} />}
      <div className={shown.length > 2 ? 'pj-story__grid pj-story__grid--many' : 'pj-story__grid'}>
        {shown.map(({ decision, tally }) => (
          <div key={decision.itemId} className="pj-story__decision">
            <h3 className="pj__sub">{decision.prompt}</h3>
            <ProjectorBars
              compact={shown.length > 2}
              caption={t('reachedDecision', { count: figure(tally.reached) })}
              rows={tally.options.map((o): BarRow => {
                const choice = decision.choices.find((c) => c.id === o.id);
                return { key: o.id, label: choice?.label ?? o.id, count: o.count, right: false, ...(choice?.followed ? { followed: choice.followed } : {}) };
              })}
            />
          </div>
        ))}
      </div>
      {shown.length > 0 && shown.length < show.decisions.length && <p className="pj__note">{t('fewerReachedOthers', { k: view.k })}</p>}
      {shown.length > 0 && <p className="pj__note">{t('why', { k: view.k })}</p>}
    </section>
  );
}

/** The end: what to discuss (the mistaken answers most of the class gave, and those it gave while very sure, from its releases), and the plan prompt. */
function EndScreen({ view, shows, closed }: { view: TeacherLiveView; shows: StepShow[]; closed: boolean }) {
  const t = useTranslations('Teach.projector');
  const figure = useLiveFigure();
  const labelOf = useDiscussionLabels(shows);
  const plan = shows.find((s): s is Extract<StepShow, { kind: 'plan' }> => s.kind === 'plan');
  const discuss = view.discuss ?? [];
  const sure = view.wrongButSure ?? [];
  return (
    <section className="pj-step pj-end" aria-labelledby="pj-heading">
      <p className="pj__eyebrow">{closed ? t('ended') : t('endEyebrow')}</p>
      <h2 id="pj-heading" className="pj__title">
        {t('discussHeading')}
      </h2>
      <div className={sure.length > 0 ? 'pj-end__lists pj-end__lists--two' : 'pj-end__lists'}>
        <div className="pj-end__list">
          {sure.length > 0 && <h3 className="pj__sub">{t('commonHeading')}</h3>}
          {discuss.length > 0 ? (
            <ol className="pj-discuss">
              {discuss.map((point) => {
                const label = labelOf(point.itemId, point.optionId);
                return (
                  <li key={`${point.itemId}:${point.optionId ?? ''}`}>
                    <span className="pj-discuss__q">{label.question}</span>
                    <span className="pj-discuss__a">{t.rich('mistake', { answer: label.answer, count: figure(point.figure), figure: keepTogether })}</span>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="pj__lead">{t('noCommonMistakes', { k: view.k })}</p>
          )}
        </div>
        {sure.length > 0 && (
          <div className="pj-end__list" data-list="wrong-but-sure">
            <h3 className="pj__sub">{t('sureHeading')}</h3>
            <ol className="pj-discuss">
              {sure.map((point) => {
                const label = labelOf(point.itemId, point.optionId);
                return (
                  <li key={`${point.itemId}:${point.optionId ?? ''}`}>
                    <span className="pj-discuss__q">{label.question}</span>
                    <span className="pj-discuss__a">{t.rich('sureMistake', { answer: label.answer, count: figure(point.figure), figure: keepTogether })}</span>
                    {label.right && <span className="pj-discuss__right">{t('rightAnswer', { answer: label.right })}</span>}
                  </li>
                );
              })}
            </ol>
          </div>
        )}
      </div>
      {plan && (
        <div className="pj-end__plan">
          <h3 className="pj__sub">{plan.title}</h3>
          <p>{t('planPrompt')}</p>
        </div>
      )}
    </section>
  );
}
