import { appealSite, appealTextSeed, locateAppeal, type AppealSite } from '../../catalogue/appeal-site';
import { hasAppealTemplates, renderAppealTextAs } from '../../catalogue/appeal-text';
import type { AppealCategory } from '../../catalogue/categories';
import type { CityModel } from '../../hotline/city-model';
import { createRng, hashSeed } from '../../random/rng';
import type { SeatOffer } from '../seats';
import { problemName, suggestionFix } from './appeal-types';
import {
  ASK_TERMS,
  ASKS,
  EMERGENCIES,
  FACETS,
  LEADS,
  LEGAL,
  LEGAL_ASK,
  LIVES_IN,
  MULTI,
  OTHER_FACET,
  REPEAT,
  type EmergencyStory,
  type Words,
} from './phrases';

/**
 * A fact the rubric scores, with the phrase of the seat's words that carries it: the appeal's type,
 * the place, the problem and the ask (the three an order's summary must carry: `summary`), the
 * question of a 咨询, the emergency of a redirect, the legal route or repeat, each 协办 department.
 */
export interface ScoredFact {
  kind: 'type' | 'place' | 'problem' | 'ask' | 'question' | 'emergency' | 'legal' | 'repeat' | 'assisting';
  /** The phrase as it stands in the text (Chinese and English). */
  zh: string;
  en: string;
  /** The cue is implicit (ambiguous): the words imply it without saying it (no type word, no department named). */
  implicit: boolean;
  /** An order's summary must carry it (place, problem, ask). */
  summary: boolean;
  /** With `assisting`: the department's unit index. */
  unit?: number;
  /** With a summary fact: the words an order's summary may carry it by (see {@link summaryCarries}). */
  terms?: string[];
}

/** What a seat reads, and the scored facts its words carry. */
export interface SeatWords {
  text: Words;
  facts: ScoredFact[];
  /** The cues are ambiguous: the words read like a sibling category and the type and 协办 are implicit. */
  ambiguous: boolean;
}

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{([a-z]+)\}/g, (m, name: string) => values[name] ?? m);

const fillBoth = (w: Words, zh: Record<string, string>, en: Record<string, string>): Words => ({
  zh: fill(w.zh, zh),
  en: fill(w.en, en),
});

/** Facts said as they are at any ambiguity. */
const STATED = new Set<ScoredFact['kind']>(['place', 'legal', 'repeat']);

/** A template's own opening (市民来电反映： / Caller reports: ), replaced by the type's. */
const OPENING = { zh: /^[^：]{2,8}：/, en: /^[^:]{3,30}: / };

/**
 * The seat's words for an offered appeal and the facts they carry, deterministic per (seed, appeal).
 * At ambiguity 0 every cue is plain; an offer whose words read like a sibling category (seat-desk
 * draws that with the difficulty's `ambiguity`) has its type and 协办 cues implicit too, and an
 * emergency on it is told without naming the line's service.
 */
export function seatWords(offer: SeatOffer, model: CityModel, seed: number): SeatWords {
  const t = offer.truth;
  const site = appealSite(locateAppeal(model.city, offer.street, offer.cell));
  const cat = model.categories[offer.category] as AppealCategory;
  const textCat = model.categories[offer.textCategory] ?? cat;
  const ambiguous = offer.textCategory !== offer.category;
  const tone = ambiguous ? 'implicit' : 'plain';
  const textSeed = appealTextSeed(seed, offer.appealId);
  const n = 1 + createRng(hashSeed(textSeed, 2)).int(30);
  const rural = site.village === true;
  const names = placeNames(site);
  const problem = problemName(textCat);
  const facts: ScoredFact[] = [];
  const fact = (kind: ScoredFact['kind'], w: Words, summary = false, unit?: number, terms?: string[]) =>
    facts.push({
      kind,
      zh: w.zh,
      en: w.en,
      implicit: ambiguous && !STATED.has(kind),
      summary,
      ...(unit === undefined ? {} : { unit }),
      ...(terms === undefined ? {} : { terms }),
    });

  const lead = ambiguous ? LEADS.neutral : LEADS[t.appealType];
  if (!ambiguous) fact('type', { zh: lead.zh.slice(0, -1), en: lead.en.slice(0, -2) });
  const placed = { zh: site.community || site.street, en: site.communityEn || site.streetEn };
  fact('place', placed, true, undefined, [placed.zh, stem(placed.zh), placed.en, stem(placed.en)]);

  const story = t.action === 'redirect' ? emergencyOf(t.channel, cat.id) : undefined;
  if (story) {
    const home = rural ? { zh: `${n}号院`, en: `house ${n}` } : { zh: `${n}号楼`, en: `Building ${n}` };
    const place = {
      zh: site.street + site.community,
      en: [site.communityEn, site.streetEn].filter(Boolean).join(', '),
    };
    const body = fillBoth(
      story[tone],
      { place: place.zh, home: home.zh },
      { place: place.en, home: home.en },
    );
    fact('emergency', story.cue[tone]);
    return { text: { zh: lead.zh + body.zh, en: lead.en + body.en }, facts, ambiguous };
  }

  const kind = t.action === 'answer' ? 'question' : 'problem';
  const body = hasAppealTemplates(textCat.id, kind)
    ? {
        zh: renderAppealTextAs(kind, 'zh', textCat.id, { ...names.zh, rural }, createRng(textSeed)).replace(
          OPENING.zh,
          '',
        ),
        en: renderAppealTextAs(kind, 'en', textCat.id, { ...names.en, rural }, createRng(textSeed)).replace(
          OPENING.en,
          '',
        ),
      }
    : { zh: '', en: '' };
  fact('problem', problem, true, undefined, [
    problem.zh,
    problem.en,
    ...textCat.keywords.zh,
    ...textCat.keywords.en,
  ]);
  const parts: Words[] = [body];
  if (site.community && !body.zh.includes(site.community)) parts.push(fillBoth(LIVES_IN, names.zh, names.en));
  if (t.assisting.length > 0) parts.push(multiUnit(t.assisting, model, rural, ambiguous, fact));

  let before: Words = { zh: '', en: '' };
  let ask: Words;
  if (t.channel === 'legal') {
    before = LEGAL[legalRoute(cat.id)];
    fact('legal', { zh: before.zh.slice(0, -1), en: before.en.slice(0, -2) });
    ask = fillBoth(LEGAL_ASK.sentence, { problem: problem.zh }, { problem: problem.en });
    fact('ask', LEGAL_ASK.ask, true, undefined, [...ASK_TERMS.legal]);
  } else {
    if (t.channel === 'repeat') {
      before = REPEAT;
      fact('repeat', { zh: REPEAT.zh.slice(0, -1), en: REPEAT.en.slice(0, -2) });
    }
    const fix = suggestionFix(textCat.id);
    const a = ASKS[t.appealType];
    ask = fillBoth(a[tone], { problem: problem.zh, fix: fix.zh }, { problem: problem.en, fix: fix.en });
    const askPhrase = fillBoth(a.ask[tone], { fix: fix.zh }, { fix: fix.en });
    if (t.appealType === 'consult') fact('question', askPhrase);
    else
      fact('ask', askPhrase, true, undefined, [
        ...ASK_TERMS[t.appealType],
        ...(t.appealType === 'suggestion' ? clauses(fix) : []),
      ]);
  }
  parts.push(ask);
  const join = (lang: 'zh' | 'en') =>
    lead[lang] +
    before[lang] +
    parts
      .map((p) => p[lang])
      .filter(Boolean)
      .join(lang === 'zh' ? '' : ' ');
  return { text: { zh: join('zh'), en: join('en') }, facts, ambiguous };
}

/**
 * Whether an order's summary carries a fact, by a transparent rule: it contains one of the fact's
 * terms (any language, any case): the place's community (or its name without 社区居委会 / Community),
 * the problem's name or one of its category's keywords, a word of the ask (核实, 查处, 派人 …, or a
 * clause of a 建议's proposal).
 */
export function summaryCarries(summary: string, fact: ScoredFact): boolean {
  const text = summary.toLowerCase();
  return (fact.terms ?? [fact.zh, fact.en]).some((term) => term !== '' && text.includes(term.toLowerCase()));
}

/** A community's name without its committee's suffix (高碑店古街社区居民委员会 → 高碑店古街). */
function stem(name: string): string {
  const bare = name.replace(
    /(社区居民委员会|社区居委会|村民委员会|村委会|居委会|社区|村)$|\s(Community|Village)$/,
    '',
  );
  return bare.length >= 2 ? bare : name;
}

/** The clauses of a 建议's proposal, each a term a summary may carry it by. */
function clauses(fix: Words): string[] {
  return [...fix.zh.split(/[，、]/), ...fix.en.split(/, | and /)].filter((c) => c.length >= 2);
}

/** The scored facts of an offered appeal with the phrases that carry them (for scoring an order's summary). */
export function scoredFacts(offer: SeatOffer, model: CityModel, seed: number): ScoredFact[] {
  return seatWords(offer, model, seed).facts;
}

/** The place's names in each language, for the templates and phrases. */
function placeNames(
  site: AppealSite,
): Record<'zh' | 'en', Record<'district' | 'street' | 'community', string>> {
  return {
    zh: { district: site.district, street: site.street, community: site.community },
    en: { district: site.districtEn, street: site.streetEn, community: site.communityEn },
  };
}

function emergencyOf(channel: string | null, categoryId: string): EmergencyStory | undefined {
  if (channel === '119') return EMERGENCIES[categoryId === 'gas-supply' ? '119-gas' : '119-fire'];
  if (channel === '110' || channel === '120' || channel === '122') return EMERGENCIES[channel];
  return undefined;
}

/** The legal route that fits the matter: labour arbitration for wages, consumer association and court … */
function legalRoute(categoryId: string): keyof typeof LEGAL {
  if (categoryId === 'wage-arrears' || categoryId === 'social-insurance') return 'labour';
  if (categoryId === 'consumer-disputes' || categoryId === 'food-safety') return 'consumer';
  if (categoryId === 'property-management') return 'property';
  if (categoryId === 'real-estate' || categoryId === 'group-rental') return 'housing';
  return 'other';
}

/** The words of a multi-unit case: each assisting department's problem, and (plain) the departments. */
function multiUnit(
  assisting: readonly number[],
  model: CityModel,
  rural: boolean,
  implicit: boolean,
  fact: (kind: 'assisting', w: Words, summary: boolean, unit: number) => void,
): Words {
  const units = assisting.map((u) => model.units[u]);
  const facets = units.map((u) => {
    const f = u ? FACETS[u.id] : undefined;
    return (rural ? f?.rural : undefined) ?? f?.urban ?? OTHER_FACET;
  });
  assisting.forEach((u, i) => {
    const unit = units[i];
    const named = { zh: unit?.name ?? '', en: unit?.nameEn ?? '' };
    fact('assisting', implicit ? (facets[i] as Words) : named, false, u);
  });
  const w = MULTI[implicit ? 'implicit' : 'plain'];
  return fillBoth(
    w,
    { facets: facets.map((f) => f.zh).join('，'), units: units.map((u) => u?.name ?? '').join('、') },
    { facets: facets.map((f) => f.en).join('; '), units: units.map((u) => u?.nameEn ?? '').join(' and ') },
  );
}
