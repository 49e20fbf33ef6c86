import type { City } from '@hotline-sim/shared';
import { ROADS, ROADS_CITY } from './roads';

/** How broad a name is: a district, a street/township or road, a community/village. */
type Level = 0 | 1 | 2;

/** What a name stands for: a district or street id, or a cell index (level 2). */
interface Place {
  readonly level: Level;
  readonly id: string;
}

/** Where the named units answer: the community nearest a street's or district's centroid. */
export interface Anchors {
  readonly streetCell: ReadonlyMap<string, number>;
  readonly districtCell: ReadonlyMap<string, number>;
}

const STREET_SUFFIX = /(街道|地区|镇|乡)$/;
const STREET_EN = ['', 'subdistrict', 'jiedao', 'area', 'diqu', 'town', 'zhen', 'township', 'xiang'];
const COMMUNITY_SUFFIX = /(社区)?(居民委员会|居委会)$/;
const VILLAGE_SUFFIX = /(村民委员会|村委会)$/;
/** A road's generic part in pinyin → the words people write for it. */
const ROAD_EN: Record<string, readonly string[]> = {
  lu: ['road', 'rd'],
  jie: ['street', 'st'],
  dajie: ['avenue', 'ave', 'street', 'st'],
  xiang: ['lane', 'hutong'],
};

/** A name's form for matching: lower case, Latin letters and Chinese characters only. */
const compact = (name: string) => name.toLowerCase().replace(/[^a-z\p{Script=Han}]/gu, '');

/**
 * Finds what an address names (districts, streets/townships, roads, communities; Chinese or pinyin,
 * anywhere in the string) and answers the most specific place: a community it names inside the
 * named street or district, else the community nearest the named street's (or road's street's)
 * centroid, else nearest the named district's seat.
 */
export class AddressBook {
  private readonly names = new Map<string, Place[]>();
  /** The longest name's length: a name spans at most this many units (a unit is at least a letter). */
  private longest = 0;

  constructor(
    private readonly city: City,
    private readonly anchors: Anchors,
  ) {
    for (const d of city.districts) {
      const stem = d.name.replace(/区$/, '');
      for (const key of [d.name, stem, d.nameEn, `${d.nameEn}qu`, `${d.nameEn}district`])
        this.add(key, { level: 0, id: d.id });
    }
    for (const s of city.streets) {
      const stem = s.name.replace(STREET_SUFFIX, '');
      const stemEn = s.nameEn.replace(/ (Subdistrict|Area|Town|Township)$/, '');
      this.add(s.name, { level: 1, id: s.id });
      if (stem !== s.name) this.add(stem, { level: 1, id: s.id });
      for (const suffix of STREET_EN) this.add(stemEn + suffix, { level: 1, id: s.id });
    }
    const streetOf = this.streetRefs();
    for (const road of city.id === ROADS_CITY ? ROADS : []) {
      const words = road.pinyin.split(' ');
      const last = (words.at(-1) ?? '').toLowerCase();
      const spellings = [road.name, road.pinyin, ...(road.en ?? [])];
      for (const synonym of ROAD_EN[last] ?? []) spellings.push([...words.slice(0, -1), synonym].join(''));
      for (const ref of road.streets) {
        const id = streetOf(ref);
        for (const key of spellings) this.add(key, { level: 1, id });
      }
    }
    city.cells.forEach((c, i) => {
      const place: Place = { level: 2, id: String(i) };
      this.add(c.name, place);
      const community = c.name.replace(COMMUNITY_SUFFIX, '');
      const village = c.name.replace(VILLAGE_SUFFIX, '').replace(/村$/, '');
      if (community !== c.name) this.add(`${community}社区`, place);
      if (village !== c.name) this.add(`${village}村`, place);
      const stem = community !== c.name ? community : village;
      // Two-character stems (东厂, 银闸) are too often ordinary words: they need their 社区 or 村.
      if (stem !== c.name && stem.length >= 3) this.add(stem, place);
      this.add(c.nameEn, place);
      const en = c.nameEn.match(/^(.*) (Community|Village)$/);
      if (en) this.add(`${en[1] ?? ''}${en[2] === 'Village' ? 'cun' : 'shequ'}`, place);
    });
  }

  /** The cell the address names most specifically, or -1 when it names no place of the city. */
  locate(address: string): number {
    const found = this.scan(address);
    const districts = new Set(found.filter((p) => p.level === 0).map((p) => p.id));
    let streets = found.filter((p) => p.level === 1).map((p) => p.id);
    // 八里庄 is in two districts: the district named picks one; a street outside it still counts.
    const inDistricts = streets.filter((id) => districts.has(this.city.streetById.get(id)?.districtId ?? ''));
    if (inDistricts.length > 0) streets = inDistricts;
    // A community counts only inside the street and district named with it: elsewhere it is a namesake.
    const cell = found
      .filter((p) => p.level === 2)
      .map((p) => Number(p.id))
      .find((i) => {
        const c = this.city.cells[i];
        return (
          c !== undefined &&
          (streets.length === 0 || streets.includes(c.streetId)) &&
          (districts.size === 0 || districts.has(c.districtId))
        );
      });
    if (cell !== undefined) return cell;
    const street = streets[0];
    if (street !== undefined) return this.anchors.streetCell.get(street) ?? -1;
    const district = [...districts][0];
    return district === undefined ? -1 : (this.anchors.districtCell.get(district) ?? -1);
  }

  /**
   * Every name in the address, in order: the longest known name starting at each position wins
   * (三里屯路 before 三里屯, 朝阳门 before 朝阳), then scanning goes on after it. A name never spans
   * punctuation; Latin words join without spaces (`San Li Tun` = `Sanlitun`).
   */
  private scan(address: string): Place[] {
    const found: Place[] = [];
    for (const units of segments(address)) {
      let i = 0;
      while (i < units.length) {
        let next = i + 1;
        for (let end = Math.min(units.length, i + this.longest); end > i; end--) {
          const places = this.names.get(units.slice(i, end).join(''));
          if (places) {
            found.push(...places);
            next = end;
            break;
          }
        }
        i = next;
      }
    }
    return found;
  }

  /** Adds a name; a name shared by places of different levels stands for the broadest (丰台 = 丰台区). */
  private add(name: string, place: Place): void {
    const key = compact(name);
    const han = /\p{Script=Han}/u.test(key);
    if (key.length < (han ? 2 : 4)) return;
    this.longest = Math.max(this.longest, key.length);
    const places = this.names.get(key);
    if (!places || (places[0]?.level ?? 0) > place.level) this.names.set(key, [place]);
    else if (places[0]?.level === place.level && !places.some((p) => p.id === place.id)) places.push(place);
  }

  /** `<district>/<street>` → street id; throws naming a reference the city does not have. */
  private streetRefs(): (ref: string) => string {
    const ids = new Map<string, string>();
    for (const s of this.city.streets)
      ids.set(`${this.city.districtById.get(s.districtId)?.name ?? ''}/${s.name}`, s.id);
    return (ref) => {
      const id = ids.get(ref);
      if (id === undefined)
        throw new Error(`roads.ts: "${ref}" is no <district>/<street> of ${this.city.name}`);
      return id;
    };
  }
}

/**
 * The address as runs of units (one Chinese character or one Latin word each) between punctuation,
 * without what names no place: 北京市/中国 and a trailing Beijing/China, house and postal numbers.
 */
function segments(address: string): string[][] {
  const text = address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/北京市|中国/g, ',')
    .replace(/\b(beijing|peking)(\s+(shi|city))?\s*(?=[,;.]|\d|$)|\b(china|prc)\b/g, ',')
    .replace(/\d+\s*(号院|号楼|号|栋|单元|室|层|楼)|\b(no\.?|number)\s*\d+|#\s*\d+/g, ',')
    .replace(/[’']/g, '');
  return text
    .split(/[^a-z\p{Script=Han}\s-]+/u)
    .map((part) => part.match(/\p{Script=Han}|[a-z]+/gu) ?? [])
    .filter((units) => units.length > 0);
}
