/**
 * Kinds and English names. Districts have hand-written English (census.ts); streets and communities
 * get machine pinyin (pinyin-pro, tone marks dropped, syllables joined, an apostrophe before a
 * syllable starting with a, o or e) for the proper-name part and an English word for the suffix.
 */
import { pinyin } from 'pinyin-pro';

export type StreetKind = 'street' | 'town' | 'township' | 'area';
export type CellKind = 'community' | 'village';

/** From the name suffix: 街道 → street, 镇 → town, 乡 → township, anything else (地区, 开发区 …) → area. */
export function streetKind(name: string): StreetKind {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  return 'area';
}

/**
 * NBS codes whose township-level digits start with 4 are units "similar to townships" (development
 * zones, the airport): not among the 343 streets/townships Beijing ranks.
 */
export function isDevelopmentZone(code: string): boolean {
  return code.length === 9 && code[6] === '4';
}

/** Hand-written English where pinyin would be unhelpful or a reading is well known. */
const STREET_EN: Readonly<Record<string, readonly [name: string, nameEn: string]>> = {
  '110102013': ['大栅栏街道', 'Dashilar Subdistrict'], // the Beijing reading, not da-zha-lan
  '110112209': ['于家务回族乡', 'Yujiawu Hui Ethnic Township'],
  '110116211': ['长哨营满族乡', 'Changshaoying Manchu Ethnic Township'],
  '110116213': ['喇叭沟门满族乡', 'Labagoumen Manchu Ethnic Township'],
  '110115403': ['北京经济技术开发区', 'Beijing Economic-Technological Development Area'],
  '110115404': [
    '中关村国家自主创新示范区大兴生物医药产业基地',
    'Zhongguancun Daxing Biomedical Industry Base',
  ],
  '110115405': ['大兴经济开发区', 'Daxing Economic Development Zone'],
  '110115406': ['大兴国际机场', 'Daxing International Airport'],
  '110116400': ['北京雁栖经济开发区', 'Beijing Yanqi Economic Development Zone'],
  '110118400': ['中关村科技园区密云园', 'Zhongguancun Science Park Miyun Park'],
};

const STREET_SUFFIX: readonly (readonly [string, string])[] = [
  ['街道', 'Subdistrict'],
  ['地区', 'Area'],
  ['镇', 'Town'],
  ['乡', 'Township'],
];

export function streetNameEn(code: string, name: string, readings: Readings = BEIJING_READINGS): string {
  const fixed = STREET_EN[code];
  if (fixed !== undefined) {
    // WARNING: codes are reused across re-divisions; refuse an override whose name no longer matches.
    if (fixed[0] !== name) throw new Error(`English override for ${code} is for ${fixed[0]}, got ${name}`);
    return fixed[1];
  }
  for (const [suffix, word] of STREET_SUFFIX) {
    if (name.endsWith(suffix)) return `${romanize(stem(name, suffix), readings)} ${word}`;
  }
  return romanize(name, readings);
}

/** Longest first: the first pattern that matches decides the kind and the English word. */
const CELL_SUFFIX: readonly (readonly [string, CellKind, string])[] = [
  ['社区居民委员会', 'community', 'Community'],
  ['社区居民居委会', 'community', 'Community'],
  ['社区居委会', 'community', 'Community'],
  ['居民委员会', 'community', 'Community'],
  ['居委会', 'community', 'Community'],
  ['村民委员会', 'village', 'Village'],
  ['村委会', 'village', 'Village'],
  ['社区', 'community', 'Community'],
  ['村', 'village', 'Village'],
];

const COOPERATIVE = '股份经济合作社';

/**
 * A community's kind and English name. Villages turned into shareholding cooperatives keep a
 * "living area" (…股份经济合作社…生活区) and count as villages.
 */
export function cellKindAndNameEn(
  name: string,
  readings: Readings = BEIJING_READINGS,
): { kind: CellKind; nameEn: string } {
  const coop = name.indexOf(COOPERATIVE);
  if (coop >= 0) {
    const after = name.slice(coop + COOPERATIVE.length).replace(/生活区$/, '');
    const before = name
      .slice(0, coop)
      .replace(/（[^）]*）/g, '')
      .replace(/村$/, '');
    return { kind: 'village', nameEn: `${romanize(after === '' ? before : after, readings)} Living Area` };
  }
  for (const [suffix, kind, word] of CELL_SUFFIX) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      return { kind, nameEn: `${romanize(stem(name, suffix), readings)} ${word}` };
    }
  }
  return { kind: 'community', nameEn: romanize(name, readings) };
}

/** The kind alone, by the same rules as {@link cellKindAndNameEn} (no pinyin: fast). */
export function cellKind(name: string): CellKind {
  if (name.includes(COOPERATIVE)) return 'village';
  for (const [suffix, kind] of CELL_SUFFIX)
    if (name.endsWith(suffix) && name.length > suffix.length) return kind;
  return 'community';
}

/** The name without its suffix; a one-character proper name keeps the suffix's first character (张镇 → 张镇). */
function stem(name: string, suffix: string): string {
  const proper = name.slice(0, -suffix.length);
  return [...proper].length === 1 ? name.slice(0, proper.length + 1) : proper;
}

/** Per character: the reading pinyin-pro gives and the one a place name uses. */
export type Readings = Readonly<Record<string, readonly [wrong: string, right: string]>>;

/** Readings pinyin-pro gets wrong in place names anywhere: 都 "du" (丽都 Lidu), 大 "da", 长 "chang". */
export const PLACE_READINGS: Readings = {
  都: ['dou', 'du'],
  大: ['dai', 'da'],
  长: ['zhang', 'chang'],
};

/** Beijing's, plus 堡 "pu" (十里堡 Shilipu); elsewhere 堡 is often "bao" (崇明 堡镇 Baozhen). */
export const BEIJING_READINGS: Readings = { 堡: ['bao', 'pu'], ...PLACE_READINGS };

const HAN = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

/** Pinyin for runs of Chinese characters; other runs (digits, letters) kept, full-width made ASCII. */
export function romanize(text: string, readings: Readings = BEIJING_READINGS): string {
  const words: string[] = [];
  const prepared = text
    .replace(/三0四/g, '304') // 三0四医院, 三0四所: the 304 hospital/institute
    .replace(
      /([甲乙丙])?(\d+)号(院)?/g,
      (_, branch: string | undefined, n: string, yard: string | undefined) => {
        const number = branch === undefined ? n : `${romanize(branch, readings)} ${n}`;
        return ` No. ${number}${yard === undefined ? '' : ' Compound'} `;
      },
    );
  for (const [run] of prepared.matchAll(HAN)) {
    if (/\p{Script=Han}/u.test(run)) {
      const chars = [...run];
      const raw = pinyin(run, { toneType: 'none', type: 'array' });
      if (raw.length !== chars.length) throw new Error(`pinyin of ${run} is not one syllable per character`);
      const syllables = raw.map((s, i) => {
        const fix = readings[chars[i] ?? ''];
        return fix !== undefined && s === fix[0] ? fix[1] : s;
      });
      const word = syllables
        .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
        .join('')
        .toLowerCase();
      words.push(word.charAt(0).toUpperCase() + word.slice(1));
    } else {
      const ascii = toHalfWidth(run).trim();
      if (ascii !== '') words.push(ascii);
    }
  }
  return words
    .join(' ')
    .replace(/\( /g, '(')
    .replace(/ ([),])/g, '$1');
}

function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[、，]/g, ', ');
}
