import { CATEGORIES, SLA_CLASSES, seasonalMultiplier, type AppealCategory } from '../catalogue/categories';
import { categorySharesForYear } from '../catalogue/demand-years';
import {
  CITY_UNITS,
  UNIT_KIND_DEFAULTS,
  cityUnitNames,
  UNIT_KIND_INFO,
  type WorkingHours,
} from '../catalogue/units';
import { STREET_TYPES, streetType } from '../city/street-type';
import type { City } from '../city/types';
import { AliasTable } from '../random/alias-table';
import { distributionMean } from '../random/distributions';
import { meanPerHour, type Scenario } from '../scenario/schema';
import { LocalOffices } from './local-offices';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, civilFromDays, dayOfWeek, monthLength } from '../engine/calendar';

/** Unit kinds in the unit table, in table order. */
export type TableUnitKind = 'district' | 'street' | 'department' | 'utility';

/** One unit that receives orders. */
export interface TableUnit {
  readonly index: number;
  readonly kind: TableUnitKind;
  /** Division code (districts, streets) or catalogue id (departments, utilities). */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** District index of streets and districts; -1 for city-level units. */
  readonly district: number;
  handlers: number;
  /** Signs orders around the clock (streets, utilities), or only within `hours` (DOMAIN.md §2.4). */
  readonly signsAlways: boolean;
  readonly hours: WorkingHours;
}

/** Categories that the seasonal pre-emption lever acts on, with their seasons (month ranges, inclusive). */
export const SEASONAL_CATEGORIES: Readonly<Record<string, readonly number[]>> = {
  heating: [11, 12, 1, 2, 3],
  waterlogging: [7, 8],
};

/** Categories that are questions, not problems: proactive work cannot pre-empt them. */
export const CONSULTATION_CATEGORIES: ReadonlySet<string> = new Set([
  'policy-consultation',
  'epidemic-prevention',
  'social-insurance',
  'medical-insurance',
  'school-enrolment',
]);

/**
 * The city as the model sees it: categories, units and demand tables as flat arrays, built once
 * per run from the city data, the catalogue and the scenario.
 */
export class CityModel {
  readonly categories: readonly AppealCategory[] = CATEGORIES;
  readonly units: TableUnit[] = [];
  /** Unit index of each district, street (by position in city.streets) and city unit id. */
  readonly districtUnit: Int32Array;
  readonly streetUnit: Int32Array;
  readonly cityUnit = new Map<string, number>();
  /** Unit index of the first city unit (departments and utilities follow in CITY_UNITS order). */
  readonly firstCityUnit: number;
  /** Unit index by id: division code of districts and streets, catalogue id of city units. */
  readonly unitById = new Map<string, number>();
  /** District index of each street; street index of each cell. */
  readonly streetDistrict: Int32Array;
  readonly cellStreet: Int32Array;
  /** Cumulative demand weights: streets across the city, cells within each street. */
  private streetTable!: AliasTable;
  private readonly cellCdf: Float64Array;
  private readonly cellStart: Int32Array;
  /** Cumulative category weights per day of the run (seasonality), and of street problems grid workers find. */
  private readonly categoryByDay: AliasTable[] = [];
  /** Category shares per day of the run (seasonality), summing to 1. */
  private readonly sharesByDay: Float64Array[] = [];
  /** Streets of each district, and a weighted table to draw among them. */
  private readonly districtStreets: Int32Array[] = [];
  private districtStreetTable: AliasTable[] = [];
  private readonly gridCategoryByDay: AliasTable[] = [];
  /** Month (1-12) of each day of the run. */
  private readonly months: Uint8Array;
  /** SLA limit in seconds, owner kind and owning unit (city units) per category. */
  readonly slaSeconds: Float64Array;
  readonly ownerCityUnit: Int32Array;
  /** City units (departments) whose lines' local offices a category's whistle summons (the live map draws them). */
  readonly whistleUnits: Int32Array[] = [];
  /** The district departments' local offices that answer whistles (吹哨报到). */
  readonly offices: LocalOffices;
  /** Index in STREET_TYPES of each street, and the difficulty its type adds to every category's. */
  readonly streetType: Uint8Array;
  readonly streetDifficulty: Float64Array;
  /** Each street's share of demand: its data weight (residents) times its type's load, summing to 1. */
  readonly streetWeight: Float64Array;
  readonly isConsultation: Uint8Array;
  readonly seasonalMonths: (readonly number[] | undefined)[];
  readonly startDay: number;
  /** Each category's share of contacts in the demand year (lifecycle.demandYear, else the start's year), as the levers stand now. */
  readonly shares: Float64Array;

  constructor(
    readonly city: City,
    scenario: Scenario,
    startDay: number,
    days: number,
  ) {
    this.startDay = startDay;
    const k = this.categories.length;
    this.shares = new Float64Array(k);
    const districtIndex = new Map(city.districts.map((d, i) => [d.id, i]));
    const streetIndex = new Map(city.streets.map((s, i) => [s.id, i]));

    this.districtUnit = new Int32Array(city.districts.length);
    city.districts.forEach((d, i) => {
      this.districtUnit[i] = this.addUnit(
        'district',
        d.id,
        d.name,
        d.nameEn,
        i,
        UNIT_KIND_DEFAULTS.district.hours,
      );
    });
    this.streetUnit = new Int32Array(city.streets.length);
    this.streetDistrict = new Int32Array(city.streets.length);
    city.streets.forEach((s, i) => {
      const d = districtIndex.get(s.districtId) ?? -1;
      this.streetDistrict[i] = d;
      this.streetUnit[i] = this.addUnit('street', s.id, s.name, s.nameEn, d, UNIT_KIND_DEFAULTS.street.hours);
    });
    this.firstCityUnit = this.units.length;
    for (const u of CITY_UNITS) {
      const { zh, en } = cityUnitNames(u, city);
      this.cityUnit.set(u.id, this.addUnit(u.kind, u.id, zh, en, -1, u.hours));
    }

    this.streetType = Uint8Array.from(city.streets, (s) => STREET_TYPES.indexOf(streetType(s, city)));
    this.streetDifficulty = new Float64Array(city.streets.length);
    this.streetWeight = new Float64Array(city.streets.length);
    this.offices = new LocalOffices(city, this.categories, this.streetDistrict);

    this.cellStreet = new Int32Array(city.cells.length);
    city.cells.forEach((c, i) => {
      this.cellStreet[i] = streetIndex.get(c.streetId) ?? 0;
    });
    city.districts.forEach((_, d) => {
      const streets = city.streets.flatMap((_s, i) => (this.streetDistrict[i] === d ? [i] : []));
      this.districtStreets.push(Int32Array.from(streets));
    });
    // Cells are ordered by street in the city data: one cumulative table per street's run of cells.
    this.cellStart = new Int32Array(city.streets.length + 1);
    this.cellCdf = new Float64Array(city.cells.length);
    let cell = 0;
    for (let s = 0; s < city.streets.length; s++) {
      this.cellStart[s] = cell;
      let acc = 0;
      while (cell < city.cells.length && this.cellStreet[cell] === s) {
        acc += city.cells[cell]?.weight ?? 0;
        this.cellCdf[cell] = acc;
        cell++;
      }
    }
    this.cellStart[city.streets.length] = cell;

    this.slaSeconds = new Float64Array(k);
    this.ownerCityUnit = new Int32Array(k).fill(-1);
    this.isConsultation = new Uint8Array(k);
    this.seasonalMonths = [];
    this.categories.forEach((c, i) => {
      if (c.owner.kind === 'department' || c.owner.kind === 'utility') {
        this.ownerCityUnit[i] = this.cityUnit.get(c.owner.unitId) ?? -1;
      }
      this.whistleUnits.push(Int32Array.from(c.whistleUnits.map((id) => this.cityUnit.get(id) ?? -1)));
      this.isConsultation[i] = CONSULTATION_CATEGORIES.has(c.id) ? 1 : 0;
      this.seasonalMonths.push(SEASONAL_CATEGORIES[c.id]);
    });

    this.months = new Uint8Array(Math.max(1, days));
    for (let d = 0; d < this.months.length; d++) this.months[d] = civilFromDays(startDay + d).month;
    this.update(scenario, 0);
  }

  /**
   * Build what the scenario's levers decide: the demand year's category mix (tables of day `fromDay`
   * on: earlier days are past), the street types' difficulty and load, the time limits. Called at
   * construction and on each lever change (the units' staffing follows: `sizeUnits`).
   */
  update(scenario: Scenario, fromDay: number): void {
    const city = this.city;
    const lifecycle = scenario.lifecycle;
    const year = lifecycle?.demandYear ?? civilFromDays(this.startDay).year;
    this.shares.set(categorySharesForYear(year, this.categories));

    const types = lifecycle?.streets;
    const typeOf = (i: number) => types?.[STREET_TYPES[this.streetType[i] as number] ?? 'urban'];
    city.streets.forEach((_, i) => {
      this.streetDifficulty[i] = typeOf(i)?.difficulty ?? 0;
    });
    const loaded = city.streets.map((s, i) => s.weight * (typeOf(i)?.load ?? 1));
    const totalLoad = loaded.reduce((a, b) => a + b, 0);
    loaded.forEach((w, i) => {
      this.streetWeight[i] = totalLoad > 0 ? w / totalLoad : 0;
    });
    this.streetTable = new AliasTable(Array.from(this.streetWeight));
    this.districtStreetTable = this.districtStreets.map(
      (streets) => new AliasTable(Array.from(streets, (i) => this.streetWeight[i] ?? 0)),
    );

    const limits = lifecycle?.timeLimits;
    this.categories.forEach((c, i) => {
      this.slaSeconds[i] = (limits ? limits[c.slaClass] : SLA_CLASSES[c.slaClass].hours) * 3600;
    });

    for (let d = Math.max(0, fromDay); d < this.months.length; d++) {
      const { month, day, year: y } = civilFromDays(this.startDay + d);
      const daysInMonth = monthLength(y, month);
      const weights = this.categories.map(
        (c, k) => (this.shares[k] as number) * seasonalMultiplier(c, month, day, daysInMonth),
      );
      this.categoryByDay[d] = new AliasTable(weights);
      const total = weights.reduce((a, b) => a + b, 0);
      this.sharesByDay[d] = Float64Array.from(weights, (w) => w / total);
      this.gridCategoryByDay[d] = new AliasTable(
        weights.map((w, k) =>
          this.categories[k]?.owner.kind === 'street' && !this.isConsultation[k] ? w : 0,
        ),
      );
    }
  }

  /**
   * The unit that owns (承办) an appeal of this category in this street: the street itself, its
   * district, or the city department or utility the catalogue names (the 派单目录's rule).
   */
  ownerOf(category: number, street: number): number {
    const kind = this.categories[category]?.owner.kind;
    if (kind === 'street') return this.streetUnit[street] as number;
    if (kind === 'district') return this.districtUnit[this.streetDistrict[street] as number] as number;
    return this.ownerCityUnit[category] as number;
  }

  private addUnit(
    kind: TableUnitKind,
    id: string,
    name: string,
    nameEn: string,
    district: number,
    hours: WorkingHours,
  ): number {
    const index = this.units.length;
    this.unitById.set(id, index);
    const signsAlways = UNIT_KIND_INFO[kind].signing === 'always';
    this.units.push({ index, kind, id, name, nameEn, district, handlers: 1, signsAlways, hours });
    return index;
  }

  private readonly confusable = new Map<number, Int32Array>();

  /**
   * Units an order for `owner` may reach by mistake: the other streets of its district, the other
   * districts, or the other city units (any other unit when none of its kind exists). Built once per owner.
   */
  confusableWith(owner: number): Int32Array {
    let pool = this.confusable.get(owner);
    if (!pool) {
      const o = this.units[owner];
      const same = this.units.filter(
        (x) => x.kind === o?.kind && x.index !== owner && (o.kind !== 'street' || x.district === o.district),
      );
      const any = same.length > 0 ? same : this.units.filter((x) => x.index !== owner);
      pool = Int32Array.from(any.map((x) => x.index));
      this.confusable.set(owner, pool);
    }
    return pool;
  }

  /** Other categories of the same group (a text like theirs could be mistaken for this one's). */
  groupSiblings(category: number): number[] {
    const cat = this.categories[category] as AppealCategory;
    return this.categories.flatMap((c, i) => (c.group === cat.group && i !== category ? [i] : []));
  }

  /** Other categories of the same group, present in the demand year, that a different unit owns (a text like theirs misleads). */
  misleadingSiblings(category: number): number[] {
    const cat = this.categories[category] as AppealCategory;
    const owner = JSON.stringify(cat.owner);
    return this.categories.flatMap((c, i) =>
      c.group === cat.group &&
      i !== category &&
      JSON.stringify(c.owner) !== owner &&
      (this.shares[i] as number) > 0
        ? [i]
        : [],
    );
  }

  /** The first moment at or after t when the unit signs orders (its working hours, unless it signs always). */
  nextOpen(unit: number, t: number): number {
    const u = this.units[unit];
    if (!u || u.signsAlways || (u.hours.start === 0 && u.hours.end === 24 && u.hours.days === 'everyday'))
      return t;
    for (let d = Math.floor(t / SECONDS_PER_DAY); ; d++) {
      const weekday = dayOfWeek(this.startDay + d) < 5;
      if (u.hours.days === 'weekdays' && !weekday) continue;
      const open = d * SECONDS_PER_DAY + u.hours.start * SECONDS_PER_HOUR;
      const close = d * SECONDS_PER_DAY + u.hours.end * SECONDS_PER_HOUR;
      if (t < close) return Math.max(t, open);
    }
  }

  /**
   * Staff every unit for its expected load (lifecycle.units.targetUtilisation): expected orders per
   * day × mean handler-hours per order, from the catalogue's shares and likelihoods; streets × their
   * type's staffing. Grid orders load only the streets that adopt the grid (`gridAdopted`), each by
   * its cells. Called by the model when it knows who adopts what, and again after each lever change:
   * staffing follows the expected load (a change of demand re-staffs the units from then on).
   */
  sizeUnits(scenario: Scenario, gridAdopted: (street: number) => boolean): void {
    const lifecycle = scenario.lifecycle;
    if (!lifecycle) return;
    const perDay = meanPerHour(scenario) * 24;
    const grid = lifecycle.grid;
    const streets = this.city.streets;
    const gridOrders = new Float64Array(streets.length);
    if (grid.enabled) {
      this.cellStreet.forEach((street) => {
        if (gridAdopted(street)) addAt(gridOrders, street, grid.perCellPerDay * grid.dispatchedShare);
      });
    }
    const streetProblems = this.categories.reduce(
      (a, c, k) =>
        a + (c.owner.kind === 'street' && !this.isConsultation[k] ? (this.shares[k] as number) : 0),
      0,
    );
    const reportHours = lifecycle.whistle.enabled
      ? distributionMean(lifecycle.whistle.reportMinutes) / 60
      : 0;
    const load = new Float64Array(this.units.length);
    this.categories.forEach((c, k) => {
      const redirect = c.redirect?.probability ?? 0;
      const share = this.shares[k] as number;
      const orders = perDay * share * (1 - redirect) * (1 - c.directAnswer);
      // Grid workers dispatch street problems too, in proportion to their share.
      const gridShare =
        c.owner.kind === 'street' && !this.isConsultation[k] && streetProblems > 0
          ? share / streetProblems
          : 0;
      // A whistle keeps the handler waiting for the departments' reports.
      const hours = distributionMean(lifecycle.units.workHours[c.slaClass]) + c.whistle * reportHours;
      const work = orders * hours;
      if (c.owner.kind === 'street') {
        streets.forEach((_s, i) => {
          const grid = (gridOrders[i] as number) * gridShare * hours;
          addAt(load, this.streetUnit[i] as number, work * (this.streetWeight[i] as number) + grid);
        });
      } else if (c.owner.kind === 'district') {
        this.city.districts.forEach((d, i) => {
          addAt(load, this.districtUnit[i] as number, work * d.weight);
        });
      } else {
        const u = this.ownerCityUnit[k] as number;
        if (u >= 0) addAt(load, u, work);
      }
    });
    const utilisation = lifecycle.units.targetUtilisation;
    // A street's staffing relative to its load is its type's (lifecycle.streets).
    const staffing = new Float64Array(this.units.length).fill(1);
    this.streetType.forEach((type, i) => {
      staffing[this.streetUnit[i] as number] = lifecycle.streets[STREET_TYPES[type] ?? 'urban'].staffing;
    });
    for (const unit of this.units) {
      // A unit that works office hours only (departments, districts) does its load in those hours;
      // its staffing is its kind's capacity times its street type's staffing (lifecycle.streets).
      const h = unit.hours;
      const hoursPerDay = unit.signsAlways ? 24 : ((h.end - h.start) * (h.days === 'weekdays' ? 5 : 7)) / 7;
      const staff = lifecycle.units.capacity[unit.kind] * (staffing[unit.index] as number);
      unit.handlers = Math.max(
        1,
        Math.ceil(((load[unit.index] as number) * staff) / hoursPerDay / utilisation),
      );
    }
  }

  /** Whether a street is ranked with the streets (league, 治理类 list): development zones are not. */
  rankedWithStreets(street: number): boolean {
    return STREET_TYPES[this.streetType[street] as number] !== 'devZone';
  }

  /** A category index for a uniform u, on day `day` of the run. */
  drawCategory(u: number, day: number): number {
    return (this.categoryByDay[Math.min(day, this.categoryByDay.length - 1)] as AliasTable).draw(u);
  }

  /** A street-level problem category (what grid workers find) for a uniform u, on day `day`. */
  drawGridCategory(u: number, day: number): number {
    return (this.gridCategoryByDay[Math.min(day, this.gridCategoryByDay.length - 1)] as AliasTable).draw(u);
  }

  /** A street index for a uniform u, by demand weight. */
  drawStreet(u: number): number {
    return this.streetTable.draw(u);
  }

  /** A street of district d for a uniform u, by demand weight. */
  drawStreetIn(d: number, u: number): number {
    const table = this.districtStreetTable[d];
    const streets = this.districtStreets[d];
    return table && streets ? (streets[table.draw(u)] as number) : this.drawStreet(u);
  }

  /** Share of all contacts that fall in the given categories on day `day` (seasonality included). */
  categoryShare(categories: readonly number[], day: number): number {
    const shares = this.sharesByDay[Math.min(day, this.sharesByDay.length - 1)] as Float64Array;
    let total = 0;
    for (const k of categories) total += shares[k] ?? 0;
    return total;
  }

  /** One of the given categories for a uniform u, by their shares on day `day`. */
  drawCategoryAmong(categories: readonly number[], u: number, day: number): number {
    const shares = this.sharesByDay[Math.min(day, this.sharesByDay.length - 1)] as Float64Array;
    let x = u * this.categoryShare(categories, day);
    for (const k of categories) {
      x -= shares[k] ?? 0;
      if (x <= 0) return k;
    }
    return categories[categories.length - 1] ?? 0;
  }

  /** A cell of street s for a uniform u, by weight within the street. */
  drawCell(s: number, u: number): number {
    const lo = this.cellStart[s] as number;
    const hi = this.cellStart[s + 1] as number;
    if (hi <= lo) return -1;
    // cellCdf restarts at each street's first cell.
    const x = u * (this.cellCdf[hi - 1] as number);
    let a = lo;
    let b = hi - 1;
    while (a < b) {
      const m = (a + b) >> 1;
      if ((this.cellCdf[m] as number) < x) a = m + 1;
      else b = m;
    }
    return a;
  }

  /** The month (1-12) of a day of the run. */
  monthOf(day: number): number {
    return day >= 0 && day < this.months.length
      ? (this.months[day] as number)
      : civilFromDays(this.startDay + day).month;
  }
}

/** a[i] += n, for typed arrays under noUncheckedIndexedAccess. */
export function addAt(a: Float64Array | Int32Array | Uint32Array | Uint16Array, i: number, n: number): void {
  a[i] = (a[i] as number) + n;
}
