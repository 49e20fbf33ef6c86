import { SECONDS_PER_DAY } from '../../engine/calendar';
import { PURPOSES } from '../../random/keyed-random';
import { appealId } from '../appeal-kind';
import type { IntakeDecision } from '../hooks';
import type { ModelState } from '../model-state';

/**
 * What a batch inject's appeals are: ambiguous cases to dispatch, emergencies to redirect, or
 * duplicates (a mass event: the same problem at the same place, called in by several citizens, 并单).
 */
export type BatchKind = 'ambiguous' | 'emergency' | 'duplicates';

/** Where a batch appeal goes once received: a training seat, or the model's intake when there are none. */
export type TakeAppeal = (
  id: number,
  category: number,
  street: number,
  received: number,
  waitMinutes: number,
) => void;

/**
 * Batch injects of a training exercise: `count` appeals spread over the inject's window, each already
 * taken by an agent (it skips the phone queue), each what the inject says it is.
 */
export class Batches {
  /** Appeals sent so far, and what each one is (by id). */
  private sent = 0;
  private readonly kinds = new Map<number, BatchKind>();
  /** A duplicates batch's appeals, by id: the batch's first appeal, whose draws place them all. */
  private readonly leads = new Map<number, number>();
  /** Categories a batch draws from (built on the first batch). */
  private pools: Record<BatchKind, number[]> | undefined;
  private readonly event: number;

  constructor(
    private readonly s: ModelState,
    private readonly take: TakeAppeal,
  ) {
    this.event = s.sim.defineEvent(this.onArrival.bind(this));
  }

  /** What the batch appeal with this id is; undefined for any other appeal. */
  kindOf(id: number): BatchKind | undefined {
    return this.kinds.get(id);
  }

  /** The appeal whose draws place this one (category, street, cell): a duplicate's batch lead, else itself. */
  placeOf(id: number): number {
    return this.leads.get(id) ?? id;
  }

  /** A batch appeal's decision is what the inject says: an emergency for its line, or a case to dispatch. */
  presetDecision(id: number, category: number): IntakeDecision | undefined {
    // Every call asks: without a batch, spare the lookup.
    const kind = this.kinds.size === 0 ? undefined : this.kinds.get(id);
    if (kind === 'ambiguous' || kind === 'duplicates') return { action: 'dispatch', channel: null };
    const redirect = this.s.city.categories[category]?.redirect;
    if (kind === 'emergency' && redirect) return { action: 'redirect', channel: redirect.channel };
    return undefined;
  }

  /** `count` appeals, one in each equal slice of the window from now to `endAt`, at a keyed moment within it. */
  start(kind: BatchKind, count: number, endAt: number): void {
    const s = this.s;
    const now = s.sim.now;
    const slice = (endAt - now) / count;
    const lead = appealId('batch', this.sent);
    for (let k = 0; k < count; k++) {
      const id = appealId('batch', this.sent++);
      const at = now + (k + s.draw(id, PURPOSES.batch)) * slice;
      if (at >= s.end) break;
      this.kinds.set(id, kind);
      if (kind === 'duplicates') this.leads.set(id, lead);
      s.sim.at(at, this.event, id);
    }
  }

  private onArrival(id: number): void {
    const s = this.s;
    const kind = this.kinds.get(id);
    if (!kind) return;
    const now = s.sim.now;
    const pool = this.pool(kind);
    const day = Math.floor(now / SECONDS_PER_DAY);
    const place = this.placeOf(id);
    const u = s.draw(place, PURPOSES.category);
    const category = pool.length > 0 ? s.city.drawCategoryAmong(pool, u, day) : s.city.drawCategory(u, day);
    const street = s.city.drawStreet(s.draw(place, PURPOSES.street));
    s.contactMove(id, undefined, 'received', now, category, street);
    this.take(id, category, street, now, 0);
  }

  /**
   * Categories of a batch: emergencies are those with an emergency line; ambiguous ones need a work
   * order, exist in the demand year and have a sibling in their group (what the text reads like) that
   * another unit owns; duplicates need a work order, exist in the demand year and are no emergency.
   */
  private pool(kind: BatchKind): number[] {
    const city = this.s.city;
    this.pools ??= {
      emergency: city.categories.flatMap((c, i) => (c.redirect ? [i] : [])),
      ambiguous: city.categories.flatMap((c, i) =>
        city.isConsultation[i] !== 1 &&
        (city.shares[i] as number) > 0 &&
        city.misleadingSiblings(i).length > 0
          ? [i]
          : [],
      ),
      duplicates: city.categories.flatMap((c, i) =>
        city.isConsultation[i] !== 1 && (city.shares[i] as number) > 0 && !c.redirect ? [i] : [],
      ),
    };
    return this.pools[kind];
  }
}
