import { typeKey } from './category-map';

/** How a contact came in, as a trace records it (see the scenario's `traceEntrySchema`). */
export const CHANNELS = ['phone', 'web', 'app', 'grid'] as const;

/** One of {@link CHANNELS}. */
export type Channel = (typeof CHANNELS)[number];

/**
 * A source/channel value from an export → a channel, or `null` for values known to say nothing
 * (NYC's "UNKNOWN"). Keys are matched like types (trimmed, case-folded, spaces collapsed).
 */
export type ChannelTable = Readonly<Record<string, Channel | null>>;

/**
 * The channel values of NYC (`Open Data Channel Type`) and Boston (`source`). A city worker's app or
 * an employee-generated case is a problem staff found on patrol: `grid`, the 网格 discovery of
 * DOMAIN.md §6 and §8, not a citizen's appeal.
 */
export const BUILT_IN_CHANNELS: ChannelTable = {
  // NYC
  PHONE: 'phone',
  ONLINE: 'web',
  MOBILE: 'app',
  UNKNOWN: null,
  OTHER: null,
  // Boston
  'Constituent Call': 'phone',
  'Self Service': 'web',
  Twitter: 'web',
  'Citizens Connect App': 'app',
  'City Worker App': 'grid',
  'Employee Generated': 'grid',
};

/** A lookup over channel tables, later ones winning. */
export class ChannelMap {
  private readonly byKey = new Map<string, Channel | null>();

  constructor(tables: readonly ChannelTable[]) {
    for (const table of tables) {
      for (const [value, channel] of Object.entries(table)) this.byKey.set(typeKey(value), channel);
    }
  }

  /** The channel of a source value: a channel, `null` (known, says nothing), `undefined` (unknown). */
  lookup(value: string): Channel | null | undefined {
    return this.byKey.get(typeKey(value));
  }
}
