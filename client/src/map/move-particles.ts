import type { AppealMove } from '@hotline-sim/shared';
import { Kind, type Particles } from './particles';

/** The states a move is drawn for; the others (signing, contact, handling …) happen at the unit. */
const ANIMATED: Partial<Record<AppealMove['to'], true>> = {
  received: true,
  dispatched: true,
  returned: true,
  closed: true,
};

/** Whether a move is drawn on the map at all: the others happen at the unit (signing, contact, handling). */
export const isAnimated = (m: AppealMove): boolean => ANIMATED[m.to] === true || m.whistle !== undefined;

/**
 * The particles one appeal move starts at wall time `start` (its route from the cell to the unit, a
 * return, the departments a whistle summons); false when it starts none (the pool is full). `previousUnit` is the unit that held
 * the appeal before the move (-1 for none).
 */
export function addMoveParticles(ps: Particles, m: AppealMove, previousUnit: number, start: number): boolean {
  let added = false;
  switch (m.to) {
    case 'received':
      added = ps.add(Kind.Appear, m.cell, 0, start, m.id);
      break;
    case 'dispatched':
      if (m.source === 'grid' && previousUnit < 0) ps.add(Kind.Grid, m.cell, 0, start, m.id);
      if (m.unit >= 0) added = ps.add(Kind.Dispatch, m.cell, m.unit, start, m.id);
      break;
    case 'returned': {
      const unit = previousUnit >= 0 ? previousUnit : m.unit;
      if (unit >= 0) added = ps.add(Kind.Return, unit, m.cell, start, m.id);
      break;
    }
    case 'closed':
      added = ps.add(Kind.Close, m.cell, 0, start, m.id);
      break;
    default:
      break;
  }
  for (const dept of m.whistle ?? []) added = ps.add(Kind.Whistle, dept, m.cell, start, m.id) || added;
  return added;
}
