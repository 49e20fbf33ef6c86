import type { CityUnitId } from './units';

/*
 * The district departments' local offices (条) that answer a street's whistle (吹哨报到, DOMAIN.md §9),
 * one kind per city department whose line they belong to.
 */

/**
 * Where a kind of local office sits: one in every street (police stations, market-supervision
 * offices, the street's law-enforcement team), or one per district at the district seat.
 */
export type OfficeScope = 'street' | 'district';

/**
 * A kind of district-level local office that answers a street's whistle (吹哨报到, DOMAIN.md §9):
 * the 条 (a department's vertical line) reporting to the 块 (the territorial street).
 */
export interface LocalOfficeKind {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** The city department whose line the office belongs to (the unit the categories' whistle lists name). */
  readonly parent: CityUnitId;
  readonly scope: OfficeScope;
}

/**
 * The local offices a whistle summons, one kind per city department a category's whistle names.
 * Scopes are assumed from Beijing's layout: police stations (派出所), market-supervision offices
 * (市场监管所) and law-enforcement teams (城管执法队, sunk into the streets and townships in 2020:
 * 街乡综合执法) work street by street; the others are one district branch each.
 */
export const LOCAL_OFFICE_KINDS = [
  { id: 'police-station', zh: '派出所', en: 'Police station', parent: 'public-security', scope: 'street' },
  {
    id: 'market-office',
    zh: '市场监管所',
    en: 'Market supervision office',
    parent: 'market',
    scope: 'street',
  },
  {
    id: 'enforcement-team',
    zh: '城管执法队',
    en: 'Urban-management law-enforcement team',
    parent: 'urban-law-enforcement',
    scope: 'street',
  },
  {
    id: 'housing-office',
    zh: '房管所',
    en: 'Housing management office',
    parent: 'housing',
    scope: 'district',
  },
  {
    id: 'traffic-brigade',
    zh: '交通大队',
    en: 'Traffic police brigade',
    parent: 'traffic-police',
    scope: 'district',
  },
  {
    id: 'ecology-office',
    zh: '环保所',
    en: 'Environmental protection office',
    parent: 'ecology',
    scope: 'district',
  },
  {
    id: 'planning-branch',
    zh: '规划和自然资源分局',
    en: 'Planning and natural resources branch',
    parent: 'planning',
    scope: 'district',
  },
  {
    id: 'fire-station',
    zh: '消防救援站',
    en: 'Fire and rescue station',
    parent: 'fire-rescue',
    scope: 'district',
  },
  {
    id: 'emergency-office',
    zh: '区应急管理局',
    en: 'District emergency management bureau',
    parent: 'emergency',
    scope: 'district',
  },
  {
    id: 'city-management-office',
    zh: '区城市管理委员会',
    en: 'District urban management commission',
    parent: 'city-management',
    scope: 'district',
  },
  {
    id: 'water-office',
    zh: '区水务局',
    en: 'District water bureau',
    parent: 'water-authority',
    scope: 'district',
  },
  {
    id: 'health-office',
    zh: '卫生健康监督所',
    en: 'Health supervision office',
    parent: 'health',
    scope: 'district',
  },
] as const satisfies readonly LocalOfficeKind[];

const officeKindByParent: ReadonlyMap<string, number> = new Map(
  LOCAL_OFFICE_KINDS.map((k, i) => [k.parent, i]),
);

/** Index in {@link LOCAL_OFFICE_KINDS} of the local office of a city department's line, or -1. */
export function officeKindOf(parent: string): number {
  return officeKindByParent.get(parent) ?? -1;
}
