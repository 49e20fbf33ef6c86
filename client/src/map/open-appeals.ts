import { TERMINAL_STATES, type AppealMove } from '@hotline-sim/shared';

/** Most appeals remembered; the oldest are forgotten past it (a 15-day order can stay open for hours of wall time). */
const MAX_TRACKED = 60_000;

interface Open {
  cell: number;
  category: number;
  unit: number;
}

/**
 * Open appeals this page has seen, by cell and category: the map's heat by category, and the unit
 * each appeal is at (so a return bounces from the right place). Built from every move, animated or
 * not; appeals opened before the page joined are not known, so this heat starts cold (heat by open
 * appeals uses the server's exact counts per street instead).
 */
export class OpenAppeals {
  private readonly open = new Map<number, Open>();
  private version = 0;

  /** The unit holding an appeal, as last seen (-1 when unknown). */
  unitOf(id: number): number {
    return this.open.get(id)?.unit ?? -1;
  }

  apply(move: AppealMove): void {
    const known = this.open.get(move.id);
    if (TERMINAL_STATES.has(move.to)) {
      if (known) this.remove(move.id);
      return;
    }
    if (known) {
      if (move.unit >= 0) known.unit = move.unit;
      return;
    }
    if (this.open.size >= MAX_TRACKED) {
      const oldest = this.open.keys().next();
      if (!oldest.done) this.remove(oldest.value);
    }
    this.open.set(move.id, { cell: move.cell, category: move.category, unit: move.unit });
    this.version++;
  }

  clear(): void {
    this.open.clear();
    this.version++;
  }

  get changes(): number {
    return this.version;
  }

  get size(): number {
    return this.open.size;
  }

  /** Open appeals per cell whose category is in `categories`. */
  cellsOf(categories: ReadonlySet<number>, out: Uint32Array): Uint32Array {
    out.fill(0);
    for (const a of this.open.values()) {
      if (categories.has(a.category) && a.cell >= 0 && a.cell < out.length)
        out[a.cell] = (out[a.cell] as number) + 1;
    }
    return out;
  }

  private remove(id: number): void {
    this.open.delete(id);
    this.version++;
  }
}
