import { useCallback, useState } from 'react';

/**
 * State that belongs to one key (a run, a seat, a query): it reads as `initial` again as soon as the
 * key changes, without an effect resetting it, and a value set for an older key (a late answer) is
 * never shown under the new one. Give a constant `initial` (null, a module-level object) so that the
 * setter stays the same while the key does.
 */
export function useKeyedState<T>(key: string, initial: T): [T, (next: T | ((previous: T) => T)) => void] {
  const [state, setState] = useState<{ key: string; value: T } | null>(null);
  const value = state !== null && state.key === key ? state.value : initial;
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      setState((s) => {
        const previous = s !== null && s.key === key ? s.value : initial;
        return { key, value: typeof next === 'function' ? (next as (p: T) => T)(previous) : next };
      }),
    [key, initial],
  );
  return [value, set];
}
