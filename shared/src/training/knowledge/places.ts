import type { City } from '../../city/types';
import { bestScore, foldEn, termsOf, type Terms, type Token } from './match';

/*
 * The places of a city as a dispatcher looks them up: districts, streets (街乡镇) and communities
 * (社区/村) by Chinese name, by pinyin (the data's English names), with or without their suffix.
 */

const ZH_SUFFIXES = [
  '社区居委会',
  '村民委员会',
  '村委会',
  '居委会',
  '街道',
  '地区',
  '社区',
  '镇',
  '乡',
  '区',
  '村',
];
const EN_SUFFIXES = ['subdistrict', 'township', 'community', 'district', 'village', 'area', 'town'];

/** A name's terms: the whole name and, when long enough to mean something, the name without its suffix. */
function placeTerms(zh: string, en: string): Terms {
  const zhs = [zh];
  const zhSuffix = ZH_SUFFIXES.find((s) => zh.endsWith(s));
  if (zhSuffix && zh.length - zhSuffix.length >= 2) zhs.push(zh.slice(0, -zhSuffix.length));
  const en0 = foldEn(en);
  const ens = [en0];
  const enSuffix = EN_SUFFIXES.find((s) => en0.endsWith(s));
  if (enSuffix && en0.length - enSuffix.length >= 4) ens.push(en0.slice(0, -enSuffix.length));
  return termsOf(zhs, ens);
}

/** How a `street` parameter is compared: division code or name, Chinese or pinyin, folded. */
const streetKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü/g, 'u')
    .replace(/[^\u3400-\u9fffa-z0-9]+/g, '');

/** Where a place search landed: streets with their score, and the community that led to each. */
export interface PlaceHits {
  /** Street index → score (a street named, or a community of it; its district named adds to it). */
  streets: Map<number, number>;
  /** Street index → the community (cell index) the query named in it. */
  community: Map<number, number>;
  /** District indices the query named. */
  districts: Set<number>;
}

/** The place index of one city: built once ({@link placeIndex}). */
export class PlaceIndex {
  private readonly districtTerms: Terms[];
  private readonly streetTerms: Terms[];
  private readonly cellTerms: Terms[];
  /** Street index of each cell; district index of each street. */
  private readonly cellStreet: Int32Array;
  readonly streetDistrict: Int32Array;
  /** Streets by division code, name (zh, en) and district + name ({@link streetKey}). */
  private readonly streetKeys = new Map<string, number[]>();

  constructor(readonly city: City) {
    const districtIndex = new Map(city.districts.map((d, i) => [d.id, i]));
    const streetIndex = new Map(city.streets.map((s, i) => [s.id, i]));
    this.districtTerms = city.districts.map((d) => placeTerms(d.name, d.nameEn));
    this.streetTerms = city.streets.map((s) => placeTerms(s.name, s.nameEn));
    this.cellTerms = city.cells.map((c) => placeTerms(c.name, c.nameEn));
    this.cellStreet = Int32Array.from(city.cells, (c) => streetIndex.get(c.streetId) ?? -1);
    this.streetDistrict = Int32Array.from(city.streets, (s) => districtIndex.get(s.districtId) ?? -1);
    city.streets.forEach((s, i) => {
      const d = city.districts[this.streetDistrict[i] as number];
      const keys = [s.id, s.name, s.nameEn, `${d?.name ?? ''}${s.name}`, `${d?.nameEn ?? ''}${s.nameEn}`];
      for (const key of new Set(keys.map(streetKey))) {
        const list = this.streetKeys.get(key) ?? [];
        list.push(i);
        this.streetKeys.set(key, list);
      }
    });
  }

  /**
   * The streets a `street` parameter names: its division code, its name in Chinese or pinyin (a name
   * two districts share gives both), or its district's name followed by its own ("朝阳区八里庄街道").
   */
  resolveStreet(text: string): number[] {
    return this.streetKeys.get(streetKey(text)) ?? [];
  }

  /**
   * The places the query's tokens name. A district named outright brings its streets; a street in
   * a district the query also names ranks above its namesakes elsewhere; streets more than a point
   * below the best are dropped (a village that shares a word with the district, say).
   */
  search(queryTokens: readonly Token[]): PlaceHits {
    const found = new Map<number, number>();
    const community = new Map<number, number>();
    const districtScore = new Float64Array(this.districtTerms.length);
    const raise = (street: number, s: number) => {
      if (s > (found.get(street) ?? 0)) found.set(street, s);
    };
    for (const whole of queryTokens) {
      // A district's name is taken out of the token before streets are sought in what is left:
      // "海淀区" names the district, not 海淀街道 (nor the village 朝阳村 in "朝阳区望京").
      let rest = whole.text;
      this.districtTerms.forEach((terms, d) => {
        const s = bestScore(whole, terms);
        districtScore[d] = Math.max(districtScore[d] as number, s);
        if (s >= 2)
          for (const term of whole.zh ? terms.zh : terms.en)
            if (term.length >= 2) rest = rest.split(term).join('');
      });
      if (rest.length === 0) continue;
      const token: Token = { text: rest, zh: whole.zh };
      this.streetTerms.forEach((terms, i) => raise(i, bestScore(token, terms)));
      this.cellTerms.forEach((terms, c) => {
        // A community counts a little less than its street named outright.
        const s = bestScore(token, terms) - 0.5;
        const street = this.cellStreet[c] as number;
        if (s > 0 && street >= 0 && s > (found.get(street) ?? 0)) {
          found.set(street, s);
          community.set(street, c);
        }
      });
    }
    const districts = new Set<number>();
    districtScore.forEach((s, d) => {
      if (s > 0) districts.add(d);
      if (s >= 2) for (const street of this.streetsOf(d)) found.set(street, found.get(street) ?? 0);
    });
    const scored = new Map<number, number>();
    for (const [street, s] of found) {
      scored.set(street, s + (districtScore[this.streetDistrict[street] as number] as number));
    }
    const best = Math.max(0, ...scored.values());
    const streets = new Map([...scored].filter(([, s]) => s > 0 && s >= best - 1));
    for (const street of community.keys()) if (!streets.has(street)) community.delete(street);
    return { streets, community, districts };
  }

  /** The streets of a district, in data order. */
  streetsOf(district: number): number[] {
    const out: number[] = [];
    this.streetDistrict.forEach((d, i) => {
      if (d === district) out.push(i);
    });
    return out;
  }
}

const indexes = new WeakMap<City, PlaceIndex>();

/** The place index of a city, built at the first look-up and kept as long as the city. */
export function placeIndex(city: City): PlaceIndex {
  let index = indexes.get(city);
  if (!index) {
    index = new PlaceIndex(city);
    indexes.set(city, index);
  }
  return index;
}
