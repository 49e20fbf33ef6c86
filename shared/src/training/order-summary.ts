import { appealSite, locateAppeal } from '../catalogue/appeal-site';
import type { CityModel } from '../hotline/city-model';
import type { OrderFact, OrderFactId } from './seats';

/**
 * Writing the work order (写工单, issue 18 point 4): the summary a unit receives must carry the facts
 * of the case: where (place), what (problem) and what the citizen asks (request). The rule is
 * transparent so the review can show it: a fact is present when the summary contains one of its
 * phrases (case-insensitive); the review lists the phrases of every fact, found or not.
 *
 * The facts are fixed when the appeal is offered (they travel in the offer's truth, so a replay scores
 * the same). {@link defaultOrderFacts} derives them from the place and the category; the cues work
 * (shared/src/training/cues, `scoredFacts`) replaces it with the facts written into the citizen's
 * words, through the same {@link OrderFact} shape.
 */

/**
 * What a citizen asks for, as a dispatcher writes it. Assumed (docs/ASSUMPTIONS.md, "Work-order
 * summary"): the verbs of a request in the 12345 work-order style (市民反映…，希望尽快处理).
 */
const REQUEST_PHRASES = [
  '要求',
  '希望',
  '请求',
  '诉求',
  '处理',
  '解决',
  '维修',
  '核实',
  '查处',
  'ask',
  'request',
  'want',
  'please',
  'fix',
  'repair',
  'resolve',
  'handle',
  'check',
  'investigate',
];

/** The default facts of an appeal: its street and community names, its category's names, a request verb. */
export function defaultOrderFacts(
  city: CityModel,
  category: number,
  street: number,
  cell: number,
): OrderFact[] {
  const site = appealSite(locateAppeal(city.city, street, cell));
  const cat = city.categories[category];
  const phrases = (list: string[]) => [...new Set(list.filter((p) => p.trim().length > 0))];
  return [
    { id: 'place', phrases: phrases([site.street, site.community, site.streetEn, site.communityEn]) },
    { id: 'problem', phrases: phrases([cat?.zh ?? '', cat?.en ?? '']) },
    { id: 'request', phrases: [...REQUEST_PHRASES] },
  ];
}

export interface FactCheck {
  id: OrderFactId;
  present: boolean;
  /** The phrase found, or null. */
  matched: string | null;
  phrases: string[];
}

/** Each fact: whether the summary carries it, and by which phrase. */
export function checkSummary(summary: string | undefined, facts: readonly OrderFact[]): FactCheck[] {
  const text = (summary ?? '').toLowerCase();
  return facts.map((f) => {
    const matched = f.phrases.find((p) => text.includes(p.toLowerCase())) ?? null;
    return { id: f.id, present: matched !== null, matched, phrases: f.phrases };
  });
}
