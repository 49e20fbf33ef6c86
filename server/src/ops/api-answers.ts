import type * as shared from '@hotline-sim/shared';
import type { AuditResult } from '../live/audit';
import { z } from 'zod';
import { int, num, str, bool, dateTime, array, zhEn, runStatus, appealState, place } from './answer-parts';
/*
 * Zod schemas of the REST API's answers, for the OpenAPI document (openapi.ts): each with an `id`
 * becomes a component. Objects are loose (a later field does not break an older client), and list
 * what a client may rely on.
 */

export { withFields } from './answer-parts';

export const ErrorAnswer = z.looseObject({ error: str }).meta({ id: 'Error' });

export const Session = z
  .looseObject({
    role: z.enum(['instructor', 'trainee', 'observer']),
    runId: str.nullable(),
    seat: str.nullable(),
    expiresAt: dateTime,
  })
  .meta({ id: 'Session' });

export const RunInfo = z
  .looseObject({
    id: str,
    scenario: str,
    city: str.meta({ description: 'key of the city the run takes place in (GET /api/cities)' }),
    seed: int,
    status: runStatus,
    speed: num,
    effectiveSpeed: num,
    virtualTime: num,
    horizon: num,
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    clock: z.enum(['virtual', 'wall']).meta({
      description:
        'wall: virtual time is Beijing time now (×1); virtual: the scenario calendar at its speed, which Open311 maps to the wall time the run reached each moment',
    }),
    createdAt: dateTime,
    appeals: int,
    transitions: int,
  })
  .meta({ id: 'RunInfo' });

/** A KPI's estimate; null where no replication counted anything for it (a rate of no callbacks, no whistles). */
const noValue = num.nullable();
const kpi = z.looseObject({ mean: noValue, ci95: z.tuple([noValue, noValue]) });

export const Report = z
  .looseObject({
    scenario: str,
    seed: int,
    replications: int,
    ciMethod: z.enum(['replications', 'batch-means', 'none']),
    hours: num.optional(),
    warmupHours: num.optional(),
    agents: num.optional(),
    offeredLoad: num.optional(),
    kpis: z.record(z.string(), kpi),
    waitSeconds: z.looseObject({ p50: num, p90: num, p99: num }),
    streets: array(z.looseObject({})).optional(),
    departments: array(z.looseObject({})).optional(),
  })
  .meta({ id: 'Report' });

export const States = z.partialRecord(appealState, int).meta({ id: 'States' });

export const HistoryEntry = z
  .looseObject({
    seq: int,
    from: appealState.nullable(),
    to: appealState,
    at: num,
    unit: int,
    outcome: str.optional(),
    rating: str.optional(),
    clock: num,
    appliedAt: num,
  })
  .meta({ id: 'HistoryEntry' });

export const AppealDetail = z
  .looseObject({
    id: int,
    state: appealState,
    stateLabel: zhEn,
    source: z.enum(['citizen', 'grid']),
    category: z.looseObject({ index: int, id: str, zh: str, en: str, slaClass: str }),
    place,
    unit: z.looseObject({ index: int, name: str, nameEn: str, kind: str }).nullable(),
    deadline: num.nullable(),
    updated: num.nullable(),
    outcome: str.nullable(),
    rating: str.nullable(),
    text: zhEn,
    matter: z
      .looseObject({
        kind: z.enum(['question', 'complaint']),
        id: str,
        zh: str,
        en: str,
        matters: int,
        channel: z.enum(['counter', 'online']),
        visits: int,
        materials: int,
      })
      .nullable()
      .meta({
        description:
          'the government service matter (事项) a caller about matters asked or complained about (service cities), else null',
      }),
    history: array(HistoryEntry),
  })
  .meta({ id: 'AppealDetail' });

export const AuditAnswer = z.looseObject({
  run: str,
  ok: bool,
  virtualTime: num,
  appeals: int,
  created: int,
  transitions: int,
  states: States,
  replayedSteps: int,
  problems: array(str),
  problemCount: int,
});

const leverValue = z.union([num, bool, str]);
const label = z.looseObject({ zh: str, en: str });

/** A lever change that took effect in a live run. */
export const LeverChange = z
  .looseObject({
    at: num,
    set: z.record(z.string(), z.unknown()),
    source: z.enum(['timeline', 'instructor']),
    label: label.optional(),
  })
  .meta({ id: 'LeverChange' });

export const RunLevers = z
  .looseObject({ values: z.record(z.string(), leverValue), changes: array(LeverChange) })
  .meta({ id: 'RunLevers' });

export const LeversAccepted = z.looseObject({ at: num, set: z.record(z.string(), z.unknown()) });

/** An Open311 API key as listed (its secret is shown once, at creation). */
export const ApiKeyInfo = z
  .looseObject({ id: str, name: str, runId: str.nullable(), createdAt: dateTime })
  .meta({ id: 'ApiKeyInfo' });

/** True when what a schema accepts is the shared type the client reads (checked at compile time). */
export type Describes<S extends z.ZodType, T> = z.output<S> extends T ? true : false;
// WARNING: a false here means the document and the type have drifted apart: fix one of them. (The
// schedule and the hot wash are left out: their injects are documented by kind and times only.)
export const ANSWERS_MATCH_TYPES: [
  Describes<typeof RunInfo, shared.RunInfo>,
  Describes<typeof AppealDetail, shared.AppealDetail>,
  Describes<typeof HistoryEntry, shared.HistoryEntry>,
  Describes<typeof AuditAnswer, AuditResult>,
  Describes<typeof RunLevers, shared.RunLevers>,
  Describes<typeof LeversAccepted, shared.LeversAccepted>,
] = [true, true, true, true, true, true];
