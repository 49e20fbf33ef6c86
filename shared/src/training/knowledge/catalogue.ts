import type { SlaClass } from '../../catalogue/categories';
import { LOCAL_OFFICE_KINDS, officeKindOf } from '../../catalogue/local-offices';
import type { CityModel, TableUnitKind } from '../../hotline/city-model';
import { bestScore, termsOf, tokens, type Terms } from './match';
import { placeIndex } from './places';

/**
 * The 派单目录 (dispatch catalogue) a trainee searches at the seat: matter × place → the owning unit
 * (承办单位), by the model's own ownership rule (CityModel.ownerOf), with the time limit and, for the
 * matters a street leads, the local offices (条) that report when it blows the whistle (协办).
 * Searchable by matter (category names and keywords, zh/en) and by place (district, street or
 * community, in Chinese or pinyin).
 */

/** A unit of the city's unit table, as a row names it. */
export interface UnitRef {
  index: number;
  kind: TableUnitKind;
  id: string;
  zh: string;
  en: string;
}

/** One row of the catalogue. */
export interface CatalogueRow {
  category: { index: number; id: string; zh: string; en: string };
  /** The place asked about; null when none was (a territorial owner is then "the appeal's street"). */
  street: {
    index: number;
    id: string;
    zh: string;
    en: string;
    districtZh: string;
    districtEn: string;
  } | null;
  /** The community the query named in that street, if it named one. */
  community: { zh: string; en: string } | null;
  ownerKind: 'street' | 'district' | 'department' | 'utility';
  /** The owning unit (主办); null for a territorial owner when no place was given. */
  unit: UnitRef | null;
  slaClass: SlaClass;
  /** The time limit as the run's levers set it, in hours. */
  limitHours: number;
  /** The city departments whose local offices report at the street's whistle (协办 candidates). */
  assisting: UnitRef[];
  /** How the matter is split between 条 and 块, or how to pick the owner; zh and en. */
  note: { zh: string; en: string };
}

/** What to look up: words (matter and/or place) and a street (division code or name). */
export interface CatalogueQuery {
  q?: string;
  street?: string;
  /** Most rows returned (default 50). */
  limit?: number;
}

/** The largest `limit` a search accepts. */
export const CATALOGUE_MAX_ROWS = 200;

const matterTerms = new WeakMap<CityModel['categories'], Terms[]>();

/** Each category's matter terms: its names and keywords (built once per catalogue). */
function mattersOf(categories: CityModel['categories']): Terms[] {
  let terms = matterTerms.get(categories);
  if (!terms) {
    terms = categories.map((c) => termsOf([c.zh, ...c.keywords.zh], [c.en, ...c.keywords.en]));
    matterTerms.set(categories, terms);
  }
  return terms;
}

function unitRef(model: CityModel, index: number): UnitRef | null {
  const u = model.units[index];
  return u ? { index, kind: u.kind, id: u.id, zh: u.name, en: u.nameEn } : null;
}

/** The rows of `query` in the run's city, best first: matter score, then place score. */
export function searchCatalogue(model: CityModel, query: CatalogueQuery): CatalogueRow[] {
  const places = placeIndex(model.city);
  const words = tokens(query.q ?? '');
  const limit = Math.min(query.limit ?? 50, CATALOGUE_MAX_ROWS);

  const terms = mattersOf(model.categories);
  const matterScore = terms.map((t) => words.reduce((sum, w) => sum + bestScore(w, t), 0));
  const hits = places.search(words);
  let streets: [number, number][];
  if (query.street !== undefined && query.street.trim() !== '') {
    streets = places.resolveStreet(query.street).map((s) => [s, 10]);
    if (streets.length === 0) return [];
  } else {
    streets = [...hits.streets].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
  const anyMatter = matterScore.some((s) => s > 0);
  // Words that name neither a matter nor a place find nothing (rather than the whole catalogue).
  if (words.length > 0 && !anyMatter && streets.length === 0) return [];
  const matters = model.categories
    .map((_, i) => i)
    .filter((i) => !anyMatter || (matterScore[i] as number) > 0)
    .sort((a, b) => (matterScore[b] as number) - (matterScore[a] as number) || a - b);

  const rows: { row: CatalogueRow; score: number }[] = [];
  const seen = new Set<string>();
  for (const c of matters) {
    const placed: [number, number][] = streets.length > 0 ? streets : [[-1, 0]];
    for (const [street, placeScore] of placed) {
      const row = catalogueRow(model, c, street, hits.community.get(street));
      // A city-level owner is the same in every street: one row per matter and unit.
      const key = `${c}:${row.unit?.index ?? `street-${street}`}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ row, score: (matterScore[c] as number) * 100 + placeScore });
    }
  }
  rows.sort((a, b) => b.score - a.score);
  return rows.slice(0, limit).map((r) => r.row);
}

/** The catalogue row of a category in a street (-1: no place given). */
export function catalogueRow(
  model: CityModel,
  category: number,
  street: number,
  community?: number,
): CatalogueRow {
  const c = model.categories[category];
  if (!c) throw new Error(`no category ${category}`);
  const city = model.city;
  const s = city.streets[street];
  const districtIndex = s ? (model.streetDistrict[street] as number) : -1;
  const d = city.districts[districtIndex];
  const cell = community === undefined ? undefined : city.cells[community];
  const ownerKind = c.owner.kind;
  const territorial = ownerKind === 'street' || ownerKind === 'district';
  const unit = territorial && !s ? null : unitRef(model, model.ownerOf(category, Math.max(street, 0)));
  const assisting = ownerKind === 'street' ? (model.whistleUnits[category] ?? []) : [];
  return {
    category: { index: category, id: c.id, zh: c.zh, en: c.en },
    street: s
      ? {
          index: street,
          id: s.id,
          zh: s.name,
          en: s.nameEn,
          districtZh: d?.name ?? '',
          districtEn: d?.nameEn ?? '',
        }
      : null,
    community: cell ? { zh: cell.name, en: cell.nameEn } : null,
    ownerKind,
    unit,
    slaClass: c.slaClass,
    limitHours: (model.slaSeconds[category] as number) / 3600,
    assisting: Array.from(assisting, (u) => unitRef(model, u)).filter((u): u is UnitRef => u !== null),
    note: noteOf(c.whistleUnits, ownerKind, s?.name, s?.nameEn, d?.name, d?.nameEn),
  };
}

/** The 条块 note of a row: who leads, and which local offices report when the street whistles. */
function noteOf(
  whistleUnits: readonly string[],
  ownerKind: CatalogueRow['ownerKind'],
  street: string | undefined,
  streetEn: string | undefined,
  district: string | undefined,
  districtEn: string | undefined,
): { zh: string; en: string } {
  if (ownerKind === 'district')
    return street
      ? {
          zh: `区级统筹：派${district ?? ''}政府，由区相关部门承办`,
          en: `Led by the district: dispatched to ${districtEn ?? ''} district government, handled by its departments`,
        }
      : {
          zh: '按属地派单：派诉求所在区的区政府',
          en: "By place: dispatch to the government of the appeal's district",
        };
  if (ownerKind === 'department')
    return {
      zh: '市级部门承办，全市同一承办单位',
      en: 'A city department handles it, the same unit city-wide',
    };
  if (ownerKind === 'utility')
    return {
      zh: '公共服务企业承办，全天候签收',
      en: 'A utility handles it and signs orders around the clock',
    };
  const kinds = whistleUnits
    .map(officeKindOf)
    .filter((k) => k >= 0)
    .map((k) => LOCAL_OFFICE_KINDS[k] as (typeof LOCAL_OFFICE_KINDS)[number]);
  if (!street)
    return {
      zh: `按属地派单：派诉求所在的街道（乡镇）${kinds.length > 0 ? `；需要多部门时街乡吹哨，${kinds.map((k) => k.zh).join('、')}报到协办` : ''}`,
      en: `By place: dispatch to the street or township of the appeal${kinds.length > 0 ? `; when several bodies are needed the street blows the whistle and the ${kinds.map((k) => k.en.toLowerCase()).join(', ')} report to assist` : ''}`,
    };
  const zhStem = street.replace(/(街道|地区|镇|乡)$/u, '');
  const enStem = (streetEn ?? '').replace(/ (Subdistrict|Area|Town|Township)$/u, '');
  const named = kinds.map((k) =>
    k.scope === 'street'
      ? { zh: `${zhStem}${k.zh}`, en: `${enStem} ${k.en.toLowerCase()}` }
      : {
          zh: `${district ?? ''}${k.zh.replace(/^区/u, '')}`,
          en: `${districtEn ?? ''} ${k.en.toLowerCase()}`,
        },
  );
  return named.length > 0
    ? {
        zh: `属地街乡主办（块）；需要多部门时${street}吹哨，${named.map((n) => n.zh).join('、')}报到协办（条）`,
        en: `The street leads (块); when several bodies are needed ${streetEn ?? street} blows the whistle and ${named.map((n) => n.en).join(', ')} report to assist (条)`,
      }
    : { zh: `属地街乡主办：${street}`, en: `The street leads: ${streetEn ?? street}` };
}
