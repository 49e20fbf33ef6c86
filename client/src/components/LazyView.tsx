import { Component, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ErrorNote } from './Notes';

/**
 * A view loaded on demand (Compare, Lessons, Training): "Loading…" while its code arrives, and if
 * it cannot arrive (the server restarted with a new build, the network dropped) or the view throws,
 * an error that says so with a way on, instead of a blank page.
 */
export function LazyView({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <ViewBoundary>
      <Suspense fallback={<p className="note">{t('loading')}</p>}>{children}</Suspense>
    </ViewBoundary>
  );
}

class ViewBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? <ViewFailed message={this.state.error.message} /> : this.props.children;
  }
}

function ViewFailed({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <main id="main" className="centre" data-testid="view-failed">
      <ErrorNote message={t('viewFailed', { message })} onRetry={() => window.location.reload()} />
    </main>
  );
}
