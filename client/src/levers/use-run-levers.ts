import { useCallback, useEffect } from 'react';
import { errorText, leversApi, type LeverChange } from '../api';
import { useKeyedState } from '../hooks';
import { useLiveStore } from '../live';
import { historyFromServer, withChanges, type LeverHistory } from './lever-history';

/** A live run's levers: the history held, why reading it failed, and a way to change levers. */
export interface RunLevers {
  history: LeverHistory | null;
  loadError: string | null;
  /**
   * POST the change; resolves with the virtual second it takes effect at once the server accepted
   * it (202), rejects with its refusal (422 names the path, 409: the run is over).
   */
  apply(set: Record<string, unknown>): Promise<number>;
}

/**
 * Follow a live run's levers: read them (GET levers) when the run is chosen and again whenever the
 * connection comes back (updates sent meanwhile were missed), and take the changes socket updates
 * carry. `connection` is the live store's, passed in so this hook re-reads on reconnect.
 */
export function useRunLevers(runId: string | null, connection: string): RunLevers {
  const store = useLiveStore();
  const [history, setHistory] = useKeyedState<LeverHistory | null>(runId ?? '', null);
  const [loadError, setLoadError] = useKeyedState<string | null>(runId ?? '', null);

  useEffect(() => {
    if (!runId || connection !== 'live') return;
    let live = true;
    // Changes an update brings before the GET answers are applied over its answer too (once).
    let answered = false;
    const early: LeverChange[] = [];
    const off = store.onLeverChanges((changes) => {
      if (!answered) early.push(...changes);
      setHistory((h) => (h ? withChanges(h, changes) : h));
    });
    leversApi.get(runId).then(
      (answer) => {
        if (!live) return;
        answered = true;
        setLoadError(null);
        setHistory((h) => withChanges(historyFromServer(answer, h), early));
      },
      (err: unknown) => live && setLoadError(errorText(err)),
    );
    return () => {
      live = false;
      off();
    };
  }, [runId, connection, store, setHistory, setLoadError]);

  const apply = useCallback(
    async (set: Record<string, unknown>) => {
      if (!runId) throw new Error('no run is followed');
      const accepted = await leversApi.set(runId, set);
      setHistory((h) => (h ? withChanges(h, [{ ...accepted, source: 'instructor' }]) : h));
      return accepted.at;
    },
    [runId, setHistory],
  );

  return { history, loadError, apply };
}
