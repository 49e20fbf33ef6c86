import { useEffect, useState } from 'react';
import { errorText } from '../../api';

/** How long typing must pause before a look-up is sent, in ms. */
const PAUSE_MS = 250;

/**
 * The answer of a look-up for `key` (the query as typed), fetched once typing pauses; the previous
 * request is aborted when the key changes. `result` is null until the first answer.
 */
export function useLookup<T>(
  key: string,
  fetcher: (signal: AbortSignal) => Promise<T>,
): { result: T | null; error: string | null } {
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetcher(controller.signal).then(
        (r) => {
          if (controller.signal.aborted) return;
          setResult(r);
          setError(null);
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          setError(errorText(err));
        },
      );
    }, PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // The fetcher is recreated each render; the key says when the query changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { result, error };
}
