import { useEffect } from 'react';
import { keyBelongsToTarget, stepKey } from './lesson-steps';

/** Next/previous from the keyboard (or a presenter's clicker), anywhere on the page. */
export function useStepKeys(move: ((by: number) => void) | null): void {
  useEffect(() => {
    if (!move) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const by = stepKey(e.key);
      if (by === 0 || keyBelongsToTarget(e.key, (e.target as HTMLElement | null)?.tagName)) return;
      // Space and PageDown would also scroll the page.
      e.preventDefault();
      move(by);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);
}
