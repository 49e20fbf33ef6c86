import { EmptyNote, ErrorNote } from '../components';
import { useI18n, type MessageKey } from '../i18n';

/**
 * Where an experiment stands, below its form: a progress bar (replications done of the total) while
 * it runs on the server's queue, the error of a request or of the experiment, or, before any has run,
 * what to do.
 */
export function ExperimentProgress({
  status,
  error,
  kind,
}: {
  status: { status: 'running' | 'done' | 'failed'; done: number; total: number; error?: string } | null;
  error: string | null;
  /** Which experiment: names the progress bar's test id (`compare-progress`) and the failed and empty notes. */
  kind: 'compare' | 'sweep' | 'cities';
}) {
  const { t, fmt } = useI18n();
  const failed: MessageKey = `${kind}Failed`;
  const empty: MessageKey = `${kind}Empty`;
  return (
    <>
      {status?.status === 'running' && (
        <div className="progress" role="status">
          <progress value={status.done} max={status.total} data-testid={`${kind}-progress`} />
          <span>
            {t('compareRunning', { done: fmt.number(status.done), total: fmt.number(status.total) })}
          </span>
        </div>
      )}
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      {status?.status === 'failed' && <ErrorNote message={t(failed, { message: status.error ?? '' })} />}
      {!status && !error && <EmptyNote>{t(empty)}</EmptyNote>}
    </>
  );
}
