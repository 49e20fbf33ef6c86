import type { AppealCategory } from '../../catalogue/categories';
import type { ModelState } from '../../hotline/model-state';
import { PURPOSES } from '../../random/keyed-random';
import { kbEntryId } from '../knowledge/knowledge-base';
import type { SeatTruth } from '../seats';
import { dispatchTypes } from './appeal-types';

/** What seat-desk knows of an offered appeal when it derives the truth of its words. */
export interface OfferedAppeal {
  contact: number;
  /** The true category, and the one its words read like (another of its group when ambiguous). */
  category: number;
  textCategory: number;
  cell: number;
  action: SeatTruth['action'];
  channel: SeatTruth['channel'];
  /** The owning unit (主办) with a dispatch; -1 otherwise. */
  unit: number;
  /** The case needs several units (the model's keyed draw). */
  whistle: boolean;
  /** A batch appeal of an exercise's script (a surge): undefined for a regular call. */
  batch: string | undefined;
}

/**
 * The facts of an offered appeal that its words carry (SeatTruth's appealType, assisting, kbEntry and
 * mergeKey), derived with keyed draws so a replay derives the same:
 * - appealType: 咨询 for a question answered on the spot; 求助 for an emergency; 投诉 for a matter
 *   already before a court or arbitration; else one of the category's types (appeal-types.ts), one
 *   keyed draw (purpose seatText, counter 2) when it admits several. The words then say it.
 * - assisting (协办): for a dispatched multi-unit case, the city departments whose local offices the
 *   category's whistle summons (the owner is the 主办); the words name the problems each one owns.
 * - kbEntry: for a 咨询, `kb:<categoryId>` of the category the question reads like: the knowledge
 *   base (training/knowledge) holds one entry per category under that id.
 * - mergeKey: for a dispatched batch appeal (a surge of the exercise's script), `<categoryId>@<cell>`:
 *   the same problem in the same community, so appeals sharing it may be merged (并单).
 */
export function seatTruthCues(
  s: ModelState,
  a: OfferedAppeal,
): Pick<SeatTruth, 'appealType' | 'assisting' | 'kbEntry' | 'mergeKey'> {
  const cat = s.city.categories[a.category] as AppealCategory;
  const textCat = s.city.categories[a.textCategory] ?? cat;
  const dispatch = a.action === 'dispatch';
  return {
    appealType: appealTypeOf(s, a, cat),
    assisting:
      dispatch && a.whistle
        ? [...new Set(s.city.whistleUnits[a.category] ?? [])].filter((u) => u >= 0 && u !== a.unit)
        : [],
    kbEntry: a.action === 'answer' ? kbEntryId(textCat.id) : null,
    mergeKey: dispatch && a.batch !== undefined ? `${cat.id}@${a.cell}` : null,
  };
}

function appealTypeOf(s: ModelState, a: OfferedAppeal, cat: AppealCategory): SeatTruth['appealType'] {
  if (a.action === 'answer') return 'consult';
  if (a.channel === 'legal') return 'complaint';
  if (a.action === 'redirect' && a.channel !== 'repeat') return 'help';
  const types = dispatchTypes(cat.id);
  const i = types.length > 1 ? Math.floor(s.draw(a.contact, PURPOSES.seatText, 2) * types.length) : 0;
  return types[i] ?? 'complaint';
}
