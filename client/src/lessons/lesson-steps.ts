import type { LessonFocus } from '@hotline-sim/shared';
import type { MapFocus } from '../map';

/**
 * Which way a key moves the presenter: → / PageDown / space forward, ← / PageUp back (a presenter's
 * clicker sends PageDown/PageUp), 0 for any other key.
 */
export function stepKey(key: string): 1 | -1 | 0 {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return 1;
    case 'ArrowLeft':
    case 'PageUp':
      return -1;
    default:
      return 0;
  }
}

/**
 * Whether a key belongs to the element it was pressed in rather than to the presenter: typing in a
 * field, arrows on a slider or select, space on a button (which presses it).
 */
export function keyBelongsToTarget(key: string, tag: string | undefined): boolean {
  const t = (tag ?? '').toLowerCase();
  if (t === 'input' || t === 'textarea' || t === 'select') return true;
  return key === ' ' && (t === 'button' || t === 'a' || t === 'summary');
}

/** The panel a step points at (its `focus.panel`; `compare` is the Compare view, not a live panel). */
export function focusPanel(focus: LessonFocus | undefined): string | undefined {
  return focus?.panel;
}

/**
 * The place a step points the map at: its street, or its unit; a district is its district office's
 * unit (whose id is the district's code), drawn at the district seat.
 */
export function focusPlace(focus: LessonFocus | undefined): MapFocus | null {
  if (focus?.street !== undefined) return { kind: 'street', id: focus.street };
  const unit = focus?.unit ?? focus?.district;
  return unit === undefined ? null : { kind: 'unit', id: unit };
}

/** The step after `step` moved by `by`, kept inside the lesson's `count` steps. */
export function moveStep(step: number, by: number, count: number): number {
  return Math.min(Math.max(step + by, 0), Math.max(count - 1, 0));
}
