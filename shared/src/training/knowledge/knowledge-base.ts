import { CATEGORIES, type AppealCategory } from '../../catalogue/categories';
import { CITY_UNITS, OFFICE_HOURS, type WorkingHours } from '../../catalogue/units';
import type { SeatTruth } from '../seats';
import { KB_TEXTS, type Bilingual } from './kb-entries';
import { bestScore, foldEn, foldZh, termsOf, tokens, type Token } from './match';

/**
 * The knowledge base (知识库) a trainee answers a 咨询 from: one entry per category of the appeal
 * catalogue, id `kb:<categoryId>` (the id a seat's truth names in `kbEntry`). Each entry carries how
 * callers ask, the answer, and the responsible unit and its hours from the catalogue. Training
 * material: see kb-entries.ts.
 */

/** What the dashboard shows above the answers: they are training material, not official guidance. */
export const KB_NOTICE: Bilingual = {
  zh: '培训用知识库：答复为通用指引，具体政策以官方发布为准；办公时间为模拟假设。',
  en: "Training knowledge base: general guidance, the official sources decide the details; office hours are the simulation's assumptions.",
};

/** One entry of the knowledge base. */
export interface KbEntry {
  /** `kb:<categoryId>`. */
  id: string;
  category: string;
  /** The category's names. */
  categoryName: Bilingual;
  title: Bilingual;
  questions: { zh: readonly string[]; en: readonly string[] };
  answer: Bilingual;
  /** Who is responsible (承办), from the catalogue's owner. */
  unit: Bilingual;
  /** When that unit works (the model's assumed hours, units.ts). */
  hours: Bilingual;
}

/** The knowledge-base entry id of a category (the convention of `SeatTruth.kbEntry`). */
export const kbEntryId = (categoryId: string): string => `kb:${categoryId}`;

function hoursText(h: WorkingHours): Bilingual {
  if (h.days === 'everyday' && h.start === 0 && h.end === 24)
    return { zh: '全天24小时', en: 'Around the clock' };
  const span = `${h.start}:00-${h.end}:00`;
  return h.days === 'weekdays'
    ? { zh: `工作日 ${span}`, en: `Weekdays ${span}` }
    : { zh: `每天 ${span}`, en: `Every day ${span}` };
}

function ownerText(c: AppealCategory): { unit: Bilingual; hours: Bilingual } {
  const owner = c.owner;
  if (owner.kind === 'street')
    return {
      unit: {
        zh: '诉求所在的街道办事处（乡镇政府）',
        en: "The street office or township of the appeal's place",
      },
      hours: hoursText(OFFICE_HOURS),
    };
  if (owner.kind === 'district')
    return {
      unit: {
        zh: '诉求所在区的区政府及区相关部门',
        en: "The district government of the appeal's place and its departments",
      },
      hours: hoursText(OFFICE_HOURS),
    };
  const u = CITY_UNITS.find((x) => x.id === owner.unitId);
  return {
    unit: { zh: u?.zh ?? owner.unitId, en: u?.en ?? owner.unitId },
    hours: hoursText(u?.hours ?? OFFICE_HOURS),
  };
}

/** Every entry, in catalogue order. */
export const KNOWLEDGE_BASE: readonly KbEntry[] = KB_TEXTS.map((t) => {
  const c = CATEGORIES.find((x) => x.id === t.category);
  if (!c) throw new Error(`knowledge base: no category "${t.category}"`);
  return {
    id: kbEntryId(c.id),
    category: c.id,
    categoryName: { zh: c.zh, en: c.en },
    title: t.title,
    questions: t.questions,
    answer: t.answer,
    ...ownerText(c),
  };
});

const byId: ReadonlyMap<string, KbEntry> = new Map(KNOWLEDGE_BASE.map((e) => [e.id, e]));

/** The entry with this id, or undefined. */
export const kbEntryById = (id: string): KbEntry | undefined => byId.get(id);

/** Search terms of each entry: the title and the category's words count more than the questions. */
const searchTerms = KNOWLEDGE_BASE.map((e) => {
  const c = CATEGORIES.find((x) => x.id === e.category) as AppealCategory;
  return {
    strong: termsOf([e.title.zh, c.zh, ...c.keywords.zh], [e.title.en, c.en, ...c.keywords.en]),
    weak: termsOf(e.questions.zh, e.questions.en),
    text: { zh: foldZh([e.title.zh, ...e.questions.zh, e.answer.zh].join('')), en: foldEn(e.answer.en) },
  };
});

/** Two-character words too common in questions to say which one it is. */
const COMMON_PAIRS = new Set([
  '怎么',
  '什么',
  '哪里',
  '哪家',
  '可以',
  '能不',
  '不能',
  '请问',
  '一下',
  '没有',
  '有没',
  '为什',
  '我家',
  '我们',
  '现在',
]);

/**
 * How many of a Chinese token's character pairs the entry's text holds (at most 3): "孩子上学" finds
 * "孩子上小学怎么报名" though neither contains the other.
 */
function pairsFound(token: Token, text: string): number {
  if (!token.zh) return 0;
  let n = 0;
  for (let i = 0; i + 2 <= token.text.length && n < 3; i++) {
    const pair = token.text.slice(i, i + 2);
    if (!COMMON_PAIRS.has(pair) && text.includes(pair)) n++;
  }
  return n;
}

/** The most entries a search returns. */
export const KB_MAX_RESULTS = 20;

/**
 * The entries whose title, category words, questions or answer the query's words name, best first;
 * every entry (catalogue order, up to the limit) for an empty query. A question asked word for word
 * as an entry's question form finds that entry first, stop words and all.
 */
export function searchKnowledge(q: string, limit = KB_MAX_RESULTS): KbEntry[] {
  const words = tokens(q);
  const n = Math.min(limit, KB_MAX_RESULTS);
  const whole = { zh: foldZh(q), en: foldEn(q) };
  if (whole.zh === '' && whole.en === '') return KNOWLEDGE_BASE.slice(0, n);
  return KNOWLEDGE_BASE.map((entry, i) => {
    const t = searchTerms[i] as (typeof searchTerms)[number];
    // One of the entry's own question forms, word for word, beats any word's match.
    let score = t.weak.zh.includes(whole.zh) || t.weak.en.includes(whole.en) ? 100 : 0;
    for (const w of words) {
      score += 3 * bestScore(w, t.strong) + 2 * bestScore(w, t.weak) + pairsFound(w, t.text.zh);
      if (!w.zh && w.text.length >= 4 && t.text.en.includes(w.text)) score += 1;
    }
    return { entry, score, i };
  })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .map((r) => r.entry);
}

/**
 * Whether answering from `kbEntry` is right for an appeal: it is a 咨询 the knowledge base answers
 * (the truth names an entry) and the trainee picked that entry.
 */
export function isRightKbAnswer(
  truth: Pick<SeatTruth, 'action' | 'kbEntry'>,
  kbEntry: string | undefined,
): boolean {
  return truth.action === 'answer' && truth.kbEntry !== null && kbEntry === truth.kbEntry;
}
