import { useEffect, useEffectEvent, useState } from 'react';
import { errorText } from '../api';

const POLL_MS = 500;

/** What the server's experiments queue says of a comparison or a sweep. */
interface Experiment {
  id: string;
  status: 'running' | 'done' | 'failed';
}

/**
 * An experiment on the server's experiments queue: `start` forgets the last one and submits a new
 * one, which is then polled until it is done or failed. `error` is a request that failed (an
 * experiment that failed is `status.status === 'failed'`). `poll` is read when the timer fires,
 * so it need not be stable (e.g. `api.sweep`).
 */
export function useExperiment<S extends Experiment>(poll: (id: string) => Promise<S>) {
  const [status, setStatus] = useState<S | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(errorText(err));
  const pollOnce = useEffectEvent((id: string) => {
    poll(id).then(setStatus, fail);
  });

  // Poll a running experiment until it is done or failed.
  useEffect(() => {
    if (status?.status !== 'running') return;
    const id = status.id;
    const timer = window.setTimeout(() => pollOnce(id), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const start = async (submit: () => Promise<S>) => {
    setError(null);
    setStatus(null);
    try {
      setStatus(await submit());
    } catch (err) {
      fail(err);
    }
  };

  return { status, error, start };
}
