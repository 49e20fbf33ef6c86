import { describe, expect, it } from 'vitest';
import { SERVICE_LEVERS, type ServicesInput } from '../src';
import { expectMoves, serviceSamples, type Direction } from './services-helpers';
import type { ServiceKpiName } from '../src';

/**
 * Every service lever's direction (docs/CITIES.md): swung one at a time from a mid-reform hall, on
 * common random numbers (paired replications, the same seeds), each named KPI moves in the direction
 * its one-sentence mechanism says, with the paired 95 % interval excluding zero.
 */
const R = 5;
const BASE: ServicesInput = {
  applicantsPerDay: 200,
  staffing: 1.1,
  dataSharing: 0.3,
  onlineMatters: 0.5,
  onlineAdoption: 0.3,
};

interface Case {
  path: keyof ServicesInput;
  from: ServicesInput[keyof ServicesInput];
  to: ServicesInput[keyof ServicesInput];
  moves: Partial<Record<ServiceKpiName, Direction>>;
  base?: Partial<ServicesInput>;
  days?: number;
}

const CASES: Case[] = [
  // Complaints after a bad case fall too: a good case brings fewer hotline contacts.
  {
    path: 'oneWindow',
    from: false,
    to: true,
    moves: { visitsPerMatter: 'down', atMostOneVisitShare: 'up', matterCalls: 'down' },
  },
  { path: 'dataSharing', from: 0, to: 1, moves: { materialsPerMatter: 'down', visitsPerMatter: 'down' } },
  { path: 'materialsCut', from: 0, to: 0.5, moves: { materialsPerMatter: 'down', visitsPerMatter: 'down' } },
  // The trade-off: shorter promised times release cases sooner, but with staff short more are late.
  {
    path: 'timeLimitCut',
    from: 0,
    to: 0.5,
    base: { staffing: 0.85, backlogDays: 2 },
    moves: { daysPerMatter: 'down', onTimeShare: 'down' },
  },
  {
    path: 'staffing',
    from: 0.95,
    to: 1.5,
    base: { timeLimitCut: 0.5, backlogDays: 2 },
    moves: { onTimeShare: 'up', daysPerMatter: 'down' },
  },
  {
    path: 'onlineMatters',
    from: 0,
    to: 1,
    moves: { onlineShare: 'up', fullyOnlineShare: 'up', visitsPerMatter: 'down' },
  },
  { path: 'onlineAdoption', from: 0, to: 1, moves: { onlineShare: 'up', visitsPerMatter: 'down' } },
  { path: 'bundles', from: false, to: true, moves: { visitsPerMatter: 'down', materialsPerMatter: 'down' } },
  {
    path: 'grantFromData',
    from: 0,
    to: 1,
    moves: { visitsPerMatter: 'down', materialsPerMatter: 'down', fullyOnlineShare: 'up' },
  },
  // A value lever: bad reviews lead to fixes that later applicants feel (four weeks for fixes to accrue).
  {
    path: 'reviewsActedOn',
    from: 0,
    to: 1,
    days: 28,
    moves: { visitsPerMatter: 'down', daysPerMatter: 'down' },
  },
  // Questions move to 12345 (more hotline contacts about matters) and papers come right the first time.
  { path: 'hotlineAnswers', from: false, to: true, moves: { visitsPerMatter: 'down', matterCalls: 'up' } },
];

describe('service levers: each moves its KPIs in the expected direction (paired 95 % CI)', () => {
  it('covers every lever of the catalogue', () => {
    expect(CASES.map((c) => `services.${c.path}`).sort()).toEqual(SERVICE_LEVERS.map((l) => l.path).sort());
  });
  for (const c of CASES) {
    it(`${c.path}: ${String(c.from)} → ${String(c.to)}`, () => {
      const input = { ...BASE, ...c.base };
      const a = serviceSamples({ input: { ...input, [c.path]: c.from }, days: c.days }, R);
      const b = serviceSamples({ input: { ...input, [c.path]: c.to }, days: c.days }, R);
      expectMoves(a, b, c.moves);
    });
  }
  it('time-limit trade-off: with ample staff the cut costs fewer on-time cases than with staff short', () => {
    const drop = (staffing: number) => {
      const a = serviceSamples({ input: { ...BASE, staffing, backlogDays: 2, timeLimitCut: 0 } }, R);
      const b = serviceSamples({ input: { ...BASE, staffing, backlogDays: 2, timeLimitCut: 0.5 } }, R);
      return a.reduce((s, k, i) => s + k.onTimeShare - (b[i]?.onTimeShare ?? NaN), 0) / R;
    };
    expect(drop(1.5)).toBeLessThan(drop(0.85));
  });
});
