import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { AppealDetailDialog } from '../appeal';
import { NewRunDialog } from '../controls';
import { useI18n } from '../i18n';
import { LiveContext, LiveStore, useLive } from '../live';
import { Header, type ViewName } from './Header';
import { LiveView } from './LiveView';
import { useRunSelection } from './use-run-selection';

const CompareView = lazy(() => import('../compare/CompareView'));

function initialView(): ViewName {
  return new URLSearchParams(window.location.search).get('view') === 'compare' ? 'compare' : 'live';
}

export function App() {
  const store = useMemo(() => new LiveStore(), []);
  useEffect(() => {
    store.open();
    return () => store.close();
  }, [store]);
  return (
    <LiveContext.Provider value={store}>
      <Shell store={store} />
    </LiveContext.Provider>
  );
}

function Shell({ store }: { store: LiveStore }) {
  const { t } = useI18n();
  const [view, setView] = useState<ViewName>(initialView);
  const { selection, follow } = useRunSelection(store);
  const { run } = useLive();
  const [newRun, setNewRun] = useState(false);
  const [appeal, setAppeal] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(null), 5000);
    return () => window.clearTimeout(timer);
  }, [message]);

  const onView = (next: ViewName) => {
    setView(next);
    const url = new URL(window.location.href);
    if (next === 'compare') url.searchParams.set('view', 'compare');
    else url.searchParams.delete('view');
    window.history.replaceState(null, '', url);
  };

  return (
    <div className="app">
      <Header view={view} onView={onView} />
      {view === 'live' ? (
        <LiveView
          selection={selection}
          onNewRun={() => setNewRun(true)}
          onOpenAppeal={setAppeal}
          onMessage={(text, error = false) => setMessage({ text, error })}
        />
      ) : (
        <Suspense fallback={<p className="note">{t('loading')}</p>}>
          <CompareView />
        </Suspense>
      )}
      {message && (
        <p
          className={message.error ? 'toast error' : 'toast'}
          role={message.error ? 'alert' : 'status'}
          data-testid="toast"
        >
          {message.text}
        </p>
      )}
      {newRun && (
        <NewRunDialog
          onClose={() => setNewRun(false)}
          onStarted={(r) => {
            follow(r);
            onView('live');
          }}
        />
      )}
      {appeal !== null && run && (
        <AppealDetailDialog
          runId={run.id}
          appealId={appeal}
          start={run.start}
          onClose={() => setAppeal(null)}
        />
      )}
    </div>
  );
}
