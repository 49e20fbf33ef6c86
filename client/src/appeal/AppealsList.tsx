import { APPEAL_STATES, APPEALS_PAGE_SIZE, STATE_LABELS, type AppealState } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { api, type AppealsPage, errorText } from '../api';
import { EmptyNote, ErrorNote } from '../components';
import { useKeyedState } from '../hooks';
import { useI18n } from '../i18n';

/** A page of the run's appeals, filtered by state; a click opens the appeal's timeline. */
export function AppealsList({ runId, onOpen }: { runId: string; onOpen(id: number): void }) {
  const { t, pick, fmt } = useI18n();
  const [state, setState] = useState<AppealState | ''>('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AppealsPage | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useKeyedState<string | null>(`${runId}/${state}/${page}/${attempt}`, null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.appeals(runId, { state: state || undefined, page }, ctrl.signal).then(setData, (err: unknown) => {
      if (!ctrl.signal.aborted) setError(errorText(err));
    });
    return () => ctrl.abort();
  }, [runId, state, page, attempt, setError]);

  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || APPEALS_PAGE_SIZE))) : 1;
  return (
    <div className="appeals" data-testid="appeals">
      <div className="league-tools">
        <label>
          {t('appealsFilterState')}{' '}
          <select
            value={state}
            onChange={(e) => {
              setState(e.target.value as AppealState | '');
              setPage(1);
            }}
          >
            <option value="">{t('appealsAll')}</option>
            {APPEAL_STATES.map((s) => (
              <option key={s} value={s}>
                {pick(STATE_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => setAttempt((n) => n + 1)}
          aria-label={t('refresh')}
          title={t('refresh')}
        >
          ↻
        </button>
        <span className="muted small">{t('appealOpenHint')}</span>
      </div>
      {error && (
        <ErrorNote message={t('errorPrefix', { message: error })} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {!data && !error && <p className="note">{t('loading')}</p>}
      {data && data.appeals.length === 0 && <EmptyNote>{t('appealsEmpty')}</EmptyNote>}
      {data && data.appeals.length > 0 && (
        <ul className="appeal-list">
          {data.appeals.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="appeal-row"
                onClick={() => onOpen(a.id)}
                data-testid="appeal-row"
              >
                <span className="num">#{a.id}</span>
                <span className="state">{pick(a.stateLabel)}</span>
                <span>
                  {pick(a.category)}
                  {a.matter && (
                    <span className="muted" data-testid="appeal-row-matter">
                      {' '}
                      · {t('matterTag')}: {pick(a.matter)}
                    </span>
                  )}
                </span>
                <span className="muted">{pick({ zh: a.place.street, en: a.place.streetEn })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <div className="pager">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('prev')}
          </button>
          <span>{t('appealsPage', { page: fmt.number(page), pages: fmt.number(pages) })}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('next')}
          </button>
        </div>
      )}
    </div>
  );
}
