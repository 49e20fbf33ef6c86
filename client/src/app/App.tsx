import { lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, firstSession, setUnauthorizedHandler, type SessionInfo } from '../api';
import { AppealDetailDialog } from '../appeal';
import { EmptyNote, LazyView } from '../components';
import { NewRunDialog } from '../controls';
import { useI18n } from '../i18n';
import { LiveContext, LiveStore, useLive } from '../live';
import { Header, type ViewName } from './Header';
import { LiveView } from './LiveView';
import { LoginView, SessionContext, useSession } from '../session';
import { useRunSelection } from './use-run-selection';
import { SeatHome } from '../training';

const CompareView = lazy(() => import('../compare/CompareView'));
const TrainingView = lazy(() => import('../training/TrainingView'));
const LessonsView = lazy(() => import('../lessons').then((m) => ({ default: m.LessonsView })));

type SessionState =
  | { kind: 'checking' }
  | { kind: 'unreachable' }
  | { kind: 'anonymous' }
  | { kind: 'in'; session: SessionInfo };

function initialView(): ViewName {
  const view = new URLSearchParams(window.location.search).get('view');
  return view === 'compare' || view === 'training' || view === 'lessons' ? view : 'live';
}

/**
 * The session first (the server answers 401 to everything else without one): a login form, or the
 * dashboard with the live connection opened for the logged-in role.
 */
export function App() {
  const { t } = useI18n();
  const store = useMemo(() => new LiveStore(), []);
  const [state, setState] = useState<SessionState>({ kind: 'checking' });

  const check = useCallback((first = false) => {
    (first ? firstSession() : api.session()).then(
      (session) => setState({ kind: 'in', session }),
      (err: unknown) =>
        setState(
          err instanceof ApiError && err.status === 401 ? { kind: 'anonymous' } : { kind: 'unreachable' },
        ),
    );
  }, []);

  useEffect(() => {
    check(true);
    const loggedOut = () => setState({ kind: 'anonymous' });
    setUnauthorizedHandler(loggedOut);
    store.setUnauthorizedHandler(loggedOut);
    return () => {
      setUnauthorizedHandler(null);
      store.setUnauthorizedHandler(null);
    };
  }, [check, store]);

  // While the server cannot be reached, ask again every two seconds.
  useEffect(() => {
    if (state.kind !== 'unreachable') return;
    const timer = window.setInterval(() => check(), 2000);
    return () => window.clearInterval(timer);
  }, [state.kind, check]);

  // The socket opens at once (a returning user has a session cookie, and the handshake then runs
  // beside the session check); a refusal (no session) shows the login form, and logging in opens it.
  const anonymous = state.kind === 'anonymous';
  useEffect(() => {
    if (anonymous) return;
    store.open();
    return () => store.close();
  }, [store, anonymous]);

  const logout = () => {
    void api.logout().finally(() => setState({ kind: 'anonymous' }));
  };

  return (
    <LiveContext.Provider value={store}>
      <SessionContext.Provider value={state.kind === 'in' ? state.session : null}>
        {state.kind === 'in' ? (
          <Shell store={store} onLogout={logout} />
        ) : (
          <div className="app">
            <Header view="live" onView={() => undefined} />
            {state.kind === 'anonymous' ? (
              <LoginView onLoggedIn={(session) => setState({ kind: 'in', session })} />
            ) : state.kind === 'unreachable' ? (
              <main id="main" className="centre">
                <EmptyNote title={t('serverDownTitle')}>
                  <p>{t('serverDownBody')}</p>
                </EmptyNote>
              </main>
            ) : (
              <main id="main" className="centre">
                <p className="note">{t('checkingSession')}</p>
              </main>
            )}
          </div>
        )}
      </SessionContext.Provider>
    </LiveContext.Provider>
  );
}

function Shell({ store, onLogout }: { store: LiveStore; onLogout(): void }) {
  const [view, setView] = useState<ViewName>(initialView);
  const { selection, follow } = useRunSelection(store);
  const { run } = useLive();
  const session = useSession();
  const [newRun, setNewRun] = useState(false);
  // `?appeal=<id>` opens that appeal of the run (a link a teacher can share).
  const [appeal, setAppeal] = useState<number | null>(() => {
    const id = new URLSearchParams(window.location.search).get('appeal');
    return id && /^\d{1,10}$/.test(id) ? Number(id) : null;
  });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(null), 5000);
    return () => window.clearTimeout(timer);
  }, [message]);

  const onView = (next: ViewName) => {
    setView(next);
    const url = new URL(window.location.href);
    if (next !== 'live') url.searchParams.set('view', next);
    else url.searchParams.delete('view');
    window.history.replaceState(null, '', url);
  };

  return (
    <div className="app">
      <Header view={view} onView={onView} onLogout={onLogout} />
      {session?.role === 'trainee' ? (
        <SeatHome />
      ) : view === 'training' && session?.role === 'instructor' ? (
        <LazyView>
          <TrainingView />
        </LazyView>
      ) : view === 'lessons' ? (
        <LazyView>
          <LessonsView
            selection={selection}
            follow={follow}
            onNewRun={() => setNewRun(true)}
            onOpenAppeal={setAppeal}
            onMessage={(text, error = false) => setMessage({ text, error })}
          />
        </LazyView>
      ) : view === 'live' ? (
        <LiveView
          selection={selection}
          onNewRun={() => setNewRun(true)}
          onOpenAppeal={setAppeal}
          onMessage={(text, error = false) => setMessage({ text, error })}
        />
      ) : (
        <LazyView>
          <CompareView />
        </LazyView>
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
            if (view !== 'lessons') onView('live');
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
