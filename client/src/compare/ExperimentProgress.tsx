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
  testId,
  failed,
  empty,
}: {
  status: { status: 'running' | 'done' | 'failed'; done: number; total: number; error?: string } | null;
  error: string | null;
  /** The progress bar's data-testid. */
  testId: string;
  /** Says the experiment failed, with `{message}`. */
  failed: MessageKey;
  /** Says what to do before any experiment has run. */
  empty: MessageKey;
}) {
  const { t, fmt } = useI18n();
  return (
    <>
      {status?.status === 'running' && (
        <div className="progress" role="status">
          <progress value={status.done} max={status.total} data-testid={testId} />
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
