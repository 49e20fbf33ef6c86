import type { RunInfo } from '@hotline-sim/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, firstRuns } from '../api';
import type { LiveStore } from '../live';
import { loadCity } from '../map/city-data';

export type Selection =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'run'; runId: string };

/** The run to show: `?run=` if given, else the newest live run, else the newest of any. */
function pick(runs: RunInfo[], wanted: string | null): RunInfo | undefined {
  const newest = [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    (wanted ? newest.find((r) => r.id === wanted) : undefined) ??
    newest.find((r) => r.status === 'running' || r.status === 'paused') ??
    newest[0]
  );
}

/**
 * Which run the page follows. Chooses one at start (retrying while the server is down), follows a
 * new run when one is started here, and chooses again when the followed run is gone from the server.
 */
export function useRunSelection(store: LiveStore) {
  const [selection, setSelection] = useState<Selection>({ kind: 'loading' });

  const choose = useCallback(
    (wanted: string | null, runs: () => Promise<RunInfo[]> = api.runs) =>
      runs().then(
        (list) => {
          const run = pick(list, wanted);
          if (!run) {
            setSelection({ kind: 'none' });
            store.follow(null);
            return;
          }
          // The city's geometry is the largest download: ask for it before the map needs it.
          loadCity(run.city).catch(() => undefined);
          store.follow(run.id);
          store.patchRun(run);
          setSelection({ kind: 'run', runId: run.id });
        },
        (err: unknown) =>
          setSelection({ kind: 'unreachable', message: err instanceof ApiError ? err.message : String(err) }),
      ),
    [store],
  );

  useEffect(() => {
    void choose(new URLSearchParams(window.location.search).get('run'), firstRuns);
  }, [choose]);

  // While the server is down (or has no run), look again every two seconds.
  useEffect(() => {
    if (selection.kind !== 'unreachable' && selection.kind !== 'none') return;
    const timer = window.setInterval(() => void choose(null), 2000);
    return () => window.clearInterval(timer);
  }, [selection.kind, choose]);

  useEffect(() => {
    store.setRunGoneHandler(() => void choose(null));
    return () => {
      store.setRunGoneHandler(null);
    };
  }, [store, choose]);

  const follow = useCallback(
    (run: RunInfo) => {
      store.follow(run.id);
      store.patchRun(run);
      setSelection({ kind: 'run', runId: run.id });
      const url = new URL(window.location.href);
      url.searchParams.set('run', run.id);
      window.history.replaceState(null, '', url);
    },
    [store],
  );

  return { selection, follow };
}
