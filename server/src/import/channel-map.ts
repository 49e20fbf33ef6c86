import { typeKey } from './category-map';
import { keywordText } from './keywords';

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

/**
 * Channel values no table knows, by keywords (whole words of the value as {@link keywordText} writes
 * it; Chinese anywhere), in order: a city worker's or employee's report is `grid` even in an app;
 * `null` for ways in the model has no channel for (walk-in, letter, fax).
 */
const CHANNEL_KEYWORDS: readonly (readonly [Channel | null, RegExp])[] = [
  ['grid', /\b(?:employee|worker|staff|internal|crew|inspector|patrol|field|city generated)\b|网格|巡查/],
  ['app', /\b(?:app|apps|mobile|iphone|android|ios|smartphone|sms|text|open ?311|api)\b|移动|客户端|小程序/],
  ['phone', /\b(?:phone|telephone|voice|call|calls|called|hotline|tty|311 line)\b|电话|热线|来电/],
  [
    'web',
    /\b(?:web|website|internet|online|self service|portal|e ?mail|twitter|facebook|social|chat|form)\b|网站|网络|邮件|微博|微信/,
  ],
  [null, /\b(?:walk ?in|in person|counter|letter|mail|fax|other|unknown)\b|来访|来信/],
];

/** The channel keywords give a source value; `undefined` when none matches. */
export function channelByKeywords(value: string): Channel | null | undefined {
  const text = keywordText(value);
  const hit = CHANNEL_KEYWORDS.find(([, pattern]) => pattern.test(text));
  return hit ? hit[0] : undefined;
}

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
