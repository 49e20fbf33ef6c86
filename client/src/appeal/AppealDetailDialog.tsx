import { STATE_LABELS, type AppealDetail } from '@hotline-sim/shared';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, errorText } from '../api';
import { ErrorNote } from '../components';
import { useKeyedState } from '../hooks';
import { useI18n } from '../i18n';

/** The citizen's answers at the callback (shared/src/hotline/ratings.ts, hotline-model.ts). */
const OUTCOMES: Record<string, { zh: string; en: string }> = {
  resolved: { zh: '已解决', en: 'Resolved' },
  partly: { zh: '部分解决', en: 'Partly resolved' },
  not: { zh: '未解决', en: 'Not resolved' },
};
const RATINGS: Record<string, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Basically satisfied' },
  not: { zh: '不满意', en: 'Not satisfied' },
};

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; gone: boolean }
  | { kind: 'done'; appeal: AppealDetail };

const LOADING: Load = { kind: 'loading' };

/**
 * One appeal: what the citizen said, its category, place, holder and full timeline. The text comes
 * from outside the dashboard: it is rendered as text only, never as HTML.
 */
export function AppealDetailDialog({
  runId,
  appealId,
  start,
  onClose,
}: {
  runId: string;
  appealId: number;
  start: string;
  onClose(): void;
}) {
  const { t, pick, fmt } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useKeyedState(`${runId}/${appealId}/${attempt}`, LOADING);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    api.appeal(runId, appealId, ctrl.signal).then(
      (appeal) => setLoad({ kind: 'done', appeal }),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        const gone = err instanceof ApiError && err.status === 404;
        setLoad({ kind: 'error', message: errorText(err), gone });
      },
    );
    return () => ctrl.abort();
  }, [runId, appealId, attempt, setLoad]);

  const a = load.kind === 'done' ? load.appeal : null;
  return (
    <dialog
      ref={ref}
      className="appeal-dialog"
      onClose={onClose}
      aria-labelledby="appeal-title"
      data-testid="appeal-detail"
    >
      <header className="panel-head">
        <h2 id="appeal-title">{t('appealTitle', { id: appealId })}</h2>
        <button type="button" onClick={() => ref.current?.close()} autoFocus>
          {t('appealClose')}
        </button>
      </header>
      {load.kind === 'loading' && <p className="note">{t('loading')}</p>}
      {load.kind === 'error' &&
        (load.gone ? (
          <ErrorNote message={t('appealNotFound')} />
        ) : (
          <ErrorNote
            message={t('errorPrefix', { message: load.message })}
            onRetry={() => setAttempt((n) => n + 1)}
          />
        ))}
      {a && (
        <div className="appeal-body">
          <blockquote className="appeal-text">{pick(a.text)}</blockquote>
          <dl className="facts">
            <dt>{t('appealCategory')}</dt>
            <dd>{pick(a.category)}</dd>
            <dt>{t('appealPlace')}</dt>
            <dd>
              {a.place &&
                pick({
                  zh: `${a.place.district} ${a.place.street} ${a.place.community}`,
                  en: `${a.place.communityEn}, ${a.place.streetEn}, ${a.place.districtEn}`,
                })}
            </dd>
            {a.matter && (
              <>
                <dt>{t('appealMatter')}</dt>
                <dd data-testid="appeal-matter">
                  {pick(a.matter)}
                  {a.matter.matters > 1 && t('matterBundle', { n: fmt.number(a.matter.matters) })}
                  <br />
                  <span className="muted">
                    {t('matterFacts', {
                      kind: t(a.matter.kind === 'question' ? 'matterQuestion' : 'matterComplaint'),
                      channel: t(a.matter.channel === 'online' ? 'matterOnline' : 'matterCounter'),
                      visits: fmt.number(a.matter.visits),
                      materials: fmt.number(a.matter.materials),
                    })}
                  </span>
                </dd>
              </>
            )}
            <dt>{t('appealSource')}</dt>
            <dd>{a.source === 'grid' ? t('sourceGrid') : t('sourceCitizen')}</dd>
            <dt>{t('appealUnit')}</dt>
            <dd>{a.unit ? pick({ zh: a.unit.name, en: a.unit.nameEn }) : t('none')}</dd>
            <dt>{t('appealDeadline')}</dt>
            <dd>{a.deadline === null ? t('none') : fmt.virtual(start, a.deadline)}</dd>
            <dt>{t('appealOutcome')}</dt>
            <dd>{a.outcome ? pick(OUTCOMES[a.outcome] ?? { zh: a.outcome, en: a.outcome }) : t('none')}</dd>
            <dt>{t('appealRating')}</dt>
            <dd>{a.rating ? pick(RATINGS[a.rating] ?? { zh: a.rating, en: a.rating }) : t('none')}</dd>
          </dl>
          <h3>{t('appealTimeline')}</h3>
          <ol className="timeline" data-testid="appeal-timeline">
            {a.history.map((h) => (
              <li key={h.seq}>
                <time>{fmt.virtual(start, h.at)}</time>
                <span className="state">{pick(STATE_LABELS[h.to])}</span>
                {h.outcome && (
                  <span className="muted">
                    {' '}
                    · {pick(OUTCOMES[h.outcome] ?? { zh: h.outcome, en: h.outcome })}
                  </span>
                )}
                {h.rating && (
                  <span className="muted">
                    {' '}
                    · {pick(RATINGS[h.rating] ?? { zh: h.rating, en: h.rating })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </dialog>
  );
}
