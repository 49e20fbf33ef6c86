import {
  APPEAL_STATES,
  DIFFICULTY,
  SCORE_ITEMS,
  SEAT_CHANNELS,
  SPEED_MAX,
  SPEED_MIN,
} from '@hotline-sim/shared';
import { RUN_ID_PATTERN } from '../http/run-id';

/*
 * The OpenAPI 3.1 document of the REST API under /api (served at /api/openapi.json). Schemas are JSON
 * Schema 2020-12; the tests request every documented operation and validate the real answers against
 * them (server/test/ops.test.ts), so the document cannot drift from the code unnoticed.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const num = { type: 'number' };
const int = { type: 'integer' };
const str = { type: 'string' };
const bool = { type: 'boolean' };
const dateTime = { type: 'string', format: 'date-time' };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const obj = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});
const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string) => json(ref('Error'), description);
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const runId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: `^${RUN_ID_PATTERN}$` },
};
const auth = { 401: error('no session (log in: POST /api/session)'), 403: error('the role may not') };
const runOp = (summary: string, ok: object, extra: Record<string, object> = {}) => ({
  summary,
  parameters: [runId],
  responses: { 200: ok, ...auth, 404: error('no such run'), ...extra },
});

const kpi = obj({ mean: num, ci95: { type: 'array', items: num, minItems: 2, maxItems: 2 } });
/** A label or a text in Chinese and English. */
const zhEn = obj({ zh: str, en: str });
const runStatus = { enum: ['running', 'paused', 'finished', 'stopped'] };
const place = obj({
  district: str,
  street: str,
  community: str,
  districtEn: str,
  streetEn: str,
  communityEn: str,
  lon: num,
  lat: num,
});
const joinCode = { type: 'string', pattern: '^[A-Z2-9]{4}-[A-Z2-9]{4}$' };
const seatName = { type: 'string', pattern: '^[A-Za-z0-9-]{1,24}$' };
/** An inject of an exercise's script, at its virtual hour (the kinds of POST /runs/{id}/injects). */
const inject = {
  type: 'object',
  properties: { kind: str, atHours: num, hours: num },
  required: ['kind', 'atHours'],
};
const exerciseFields = {
  name: { type: 'string', minLength: 1, maxLength: 120 },
  scenario: { anyOf: [str, { type: 'object' }] },
  difficulty: { enum: Object.keys(DIFFICULTY) },
  seats: { type: 'array', items: seatName, minItems: 1, maxItems: 40, uniqueItems: true },
  script: { type: 'array', items: inject, maxItems: 200 },
};
const decisionFields = {
  appealId: { type: 'integer', minimum: 0 },
  action: { enum: ['answer', 'redirect', 'dispatch'] },
  channel: { enum: [...SEAT_CHANNELS] },
  unit: { type: 'integer', minimum: 0 },
  multiUnit: bool,
  whistle: bool,
};
const exerciseId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-f0-9]{8}$' },
};
const scheduleEntry = {
  name: 'entry',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-f0-9]{8}$' },
};
const seatParam = { name: 'seat', in: 'path', required: true, schema: seatName };
const seatQuery = { name: 'seat', in: 'query', schema: seatName };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'hotline-sim live server',
    version: '0.1.0',
    description:
      'Live runs of the Beijing 12345 接诉即办 simulator. Errors are `{ "error": "…" }` with a 4xx naming the problem. ' +
      'Every path but /session and /openapi.json needs a session cookie (`hotline_session`); writes need the instructor role ' +
      "(a trainee decides at their own seat); exercises and training results are the instructor's alone. " +
      'Open311 GeoReport v2 lives under /open311/v2 (its own spec).',
  },
  servers: [{ url: '/api' }],
  components: {
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hotline_session' } },
    schemas: {
      Error: obj({ error: str }),
      Session: obj({
        role: { enum: ['instructor', 'trainee', 'observer'] },
        runId: nullable(str),
        seat: nullable(str),
        expiresAt: dateTime,
      }),
      RunInfo: obj({
        id: str,
        scenario: str,
        seed: int,
        status: runStatus,
        speed: num,
        effectiveSpeed: num,
        virtualTime: num,
        horizon: num,
        start: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        createdAt: dateTime,
        appeals: int,
        transitions: int,
      }),
      Report: obj(
        {
          scenario: str,
          seed: int,
          replications: int,
          ciMethod: { enum: ['replications', 'batch-means', 'none'] },
          hours: num,
          warmupHours: num,
          agents: num,
          offeredLoad: num,
          kpis: { type: 'object', additionalProperties: kpi },
          waitSeconds: obj({ p50: num, p90: num, p99: num }),
          streets: { type: 'array', items: { type: 'object' } },
          departments: { type: 'array', items: { type: 'object' } },
        },
        ['scenario', 'seed', 'replications', 'ciMethod', 'kpis', 'waitSeconds'],
      ),
      States: { type: 'object', propertyNames: { enum: [...APPEAL_STATES] }, additionalProperties: int },
      HistoryEntry: obj(
        {
          seq: int,
          from: nullable({ enum: [...APPEAL_STATES] }),
          to: { enum: [...APPEAL_STATES] },
          at: num,
          unit: int,
          outcome: str,
          rating: str,
          clock: num,
          appliedAt: num,
        },
        ['seq', 'from', 'to', 'at', 'unit', 'clock', 'appliedAt'],
      ),
      AppealDetail: obj({
        id: int,
        state: { enum: [...APPEAL_STATES] },
        stateLabel: zhEn,
        source: { enum: ['citizen', 'grid'] },
        category: obj({ index: int, id: str, zh: str, en: str, slaClass: str }),
        place,
        unit: nullable(obj({ index: int, name: str, nameEn: str, kind: str })),
        deadline: nullable(num),
        updated: nullable(num),
        outcome: nullable(str),
        rating: nullable(str),
        text: zhEn,
        history: { type: 'array', items: ref('HistoryEntry') },
      }),
      JoinCode: obj({
        code: joinCode,
        role: { enum: ['observer', 'trainee'] },
        runId: nullable(str),
        seat: nullable(str),
        createdAt: dateTime,
        expiresAt: dateTime,
      }),
      ApiKeyInfo: obj({
        id: str,
        name: str,
        runId: nullable(str),
        createdAt: dateTime,
      }),
      Exercise: obj({ id: exerciseId.schema, createdAt: dateTime, ...exerciseFields }),
      ScheduledInject: obj({ id: scheduleEntry.schema, at: num, inject }),
      RunSchedule: obj({
        scheduled: { type: 'array', items: ref('ScheduledInject') },
        fired: { type: 'array', items: obj({ at: num, inject }) },
      }),
      StartedExercise: obj({
        exercise: exerciseId.schema,
        run: ref('RunInfo'),
        codes: {
          type: 'array',
          items: obj({ seat: str, code: joinCode }),
        },
      }),
      /** A seat's decision as logged (defaults filled). */
      SeatDecision: obj(decisionFields, ['appealId', 'action', 'multiUnit', 'whistle']),
      /** The right decision, from the generated appeal. */
      SeatTruth: obj({
        action: decisionFields.action,
        channel: nullable(decisionFields.channel),
        unit: int,
        whistle: bool,
        slaClass: str,
      }),
      ScoreItem: obj({
        id: {
          enum: [...SCORE_ITEMS],
        },
        class: { enum: ['critical', 'essential', 'non-critical'] },
        zh: str,
        en: str,
        cases: int,
        met: int,
        value: num,
        threshold: num,
        passed: bool,
      }),
      DecisionReview: obj({
        appealId: int,
        offeredAt: num,
        decidedAt: nullable(num),
        decision: nullable(ref('SeatDecision')),
        truth: ref('SeatTruth'),
        correct: bool,
        category: int,
        textCategory: int,
        consequences: {
          type: 'array',
          items: obj({ kind: { enum: ['returned', 'late', 'rated'] }, at: num, detail: str }),
        },
      }),
      SeatScore: obj({
        seat: str,
        offered: int,
        decided: int,
        timedOut: int,
        correct: int,
        items: { type: 'array', items: ref('ScoreItem') },
        passed: bool,
        decisions: { type: 'array', items: ref('DecisionReview') },
      }),
      SeatAppealView: obj({
        appealId: int,
        text: zhEn,
        caller: obj({ name: str, phone: str }),
        place,
        slaClass: str,
        slaHours: num,
        offeredAt: num,
        holdUntil: num,
      }),
      SeatMessage: obj({ runId: str, seat: nullable(str), text: str, sentAt: dateTime }),
      SeatView: obj({
        seat: str,
        messages: { type: 'array', items: ref('SeatMessage') },
        injects: { type: 'array', items: obj({ at: num, kind: str }) },
        virtualTime: num,
        timeLimits: { type: 'object', additionalProperties: num },
        waiting: { type: 'array', items: ref('SeatAppealView') },
        history: { type: 'array', items: ref('DecisionReview') },
        score: nullable(ref('SeatScore')),
      }),
      SeatSummary: obj({
        seat: str,
        waiting: int,
        decided: int,
        timedOut: int,
        accuracy: nullable(num),
        meanMinutesToDecide: nullable(num),
        passed: bool,
      }),
      TrainingResult: obj({
        runId: str,
        exerciseId: str,
        seat: str,
        passed: bool,
        finishedAt: dateTime,
        score: ref('SeatScore'),
      }),
      HotWash: obj({
        exercise: ref('Exercise'),
        runId: str,
        status: runStatus,
        trainees: {
          type: 'array',
          items: obj({
            seat: str,
            passed: bool,
            decided: int,
            correct: int,
            strengths: { type: 'array', items: zhEn },
            misses: { type: 'array', items: zhEn },
            score: ref('SeatScore'),
          }),
        },
        injects: { type: 'array', items: obj({ at: num, inject }) },
      }),
    },
  },
  security: [{ session: [] }],
  paths: {
    '/session': {
      post: {
        summary:
          'Log in: {password} for the instructor, {code} for an observer or trainee; sets the session cookie',
        security: [],
        requestBody: body({ oneOf: [obj({ password: str }), obj({ code: str })] }),
        responses: {
          200: json(ref('Session')),
          400: error('malformed body'),
          401: error('wrong password, or unknown or expired code'),
          429: error('too many login attempts'),
        },
      },
      get: {
        summary: 'The current session',
        security: [],
        responses: { 200: json(ref('Session')), 401: error('not logged in') },
      },
      delete: {
        summary: 'Log out (clears the cookie)',
        security: [],
        responses: { 204: { description: 'logged out' } },
      },
    },
    '/runs': {
      get: {
        summary: 'Runs, newest first (a trainee sees their own only)',
        responses: { 200: json(obj({ runs: { type: 'array', items: ref('RunInfo') } })), ...auth },
      },
      post: {
        summary: 'Start a run of a built-in scenario (by name) or of a scenario object',
        requestBody: body(
          obj(
            {
              scenario: { anyOf: [str, { type: 'object' }] },
              speed: { type: 'number', minimum: SPEED_MIN, maximum: SPEED_MAX },
              seed: int,
              paused: bool,
            },
            ['scenario'],
          ),
        ),
        responses: {
          201: json(ref('RunInfo'), 'created'),
          400: error('invalid body'),
          ...auth,
          404: error('no such built-in scenario'),
          422: error('invalid scenario'),
        },
      },
    },
    '/runs/{id}': { get: runOp('One run', json(ref('RunInfo'))) },
    '/runs/{id}/pause': { post: runOp('Pause', json(ref('RunInfo')), { 409: error('not running') }) },
    '/runs/{id}/resume': { post: runOp('Resume', json(ref('RunInfo')), { 409: error('not paused') }) },
    '/runs/{id}/stop': { post: runOp('Stop', json(ref('RunInfo')), { 409: error('already over') }) },
    '/runs/{id}/speed': {
      post: {
        ...runOp('Change speed', json(ref('RunInfo')), {
          400: error('invalid speed'),
          409: error('run over'),
        }),
        requestBody: body(obj({ speed: { type: 'number', minimum: SPEED_MIN, maximum: SPEED_MAX } })),
      },
    },
    '/runs/{id}/injects': {
      post: {
        summary:
          'Fire an inject now (surge, outage, heating-start, ambiguous-batch, emergency-batch; instructor)',
        parameters: [runId],
        requestBody: body({ type: 'object', required: ['kind'] }),
        responses: {
          202: json(ref('RunInfo'), 'accepted'),
          400: error('invalid inject'),
          ...auth,
          404: error('no such run'),
          409: error('run over'),
          422: error('unknown unit'),
        },
      },
    },
    '/runs/{id}/schedule': {
      get: {
        summary:
          "Injects to come (an exercise's script, in firing order) and those that have fired, at the virtual second they did (instructor)",
        parameters: [runId],
        responses: {
          200: json(ref('RunSchedule')),
          400: error('malformed run id'),
          ...auth,
          404: error('no such run'),
        },
      },
      post: {
        summary:
          "Schedule an inject at its atHours, between the run's clock and the end of arrivals (instructor)",
        parameters: [runId],
        requestBody: body(inject),
        responses: {
          201: json(ref('ScheduledInject'), 'scheduled'),
          400: error('invalid inject'),
          ...auth,
          404: error('no such run'),
          409: error('run over'),
          422: error("unknown unit, or a time before the run's clock or after its arrivals"),
        },
      },
    },
    '/runs/{id}/schedule/{entry}': {
      put: {
        summary: 'Change an inject still to come: its time, kind or figures (instructor)',
        parameters: [runId, scheduleEntry],
        requestBody: body(inject),
        responses: {
          200: json(ref('ScheduledInject')),
          400: error('invalid inject or entry id'),
          ...auth,
          404: error('no such run, or the entry has fired already'),
          409: error('run over'),
          422: error("unknown unit, or a time before the run's clock or after its arrivals"),
        },
      },
      delete: {
        summary: 'Delete an inject still to come (instructor)',
        parameters: [runId, scheduleEntry],
        responses: {
          204: { description: 'deleted' },
          400: error('malformed entry id'),
          ...auth,
          404: error('no such run, or the entry has fired already'),
        },
      },
    },
    '/runs/{id}/schedule/{entry}/fire': {
      post: {
        summary: 'Fire an inject still to come now, instead of at its time (instructor)',
        parameters: [runId, scheduleEntry],
        responses: {
          202: json(ref('RunInfo'), 'accepted: it takes effect at the next tick'),
          400: error('malformed entry id'),
          ...auth,
          404: error('no such run, or the entry has fired already'),
          409: error('run over'),
        },
      },
    },
    '/runs/{id}/report': {
      get: runOp(
        'The live report, appeals per state and open appeals',
        json(
          obj({
            run: ref('RunInfo'),
            states: ref('States'),
            report: nullable(ref('Report')),
            open: nullable({ type: 'object' }),
          }),
        ),
      ),
    },
    '/runs/{id}/series': {
      get: runOp(
        'Series points, one per virtual hour',
        json(obj({ series: { type: 'array', items: { type: 'object', required: ['n', 'at', 'kpis'] } } })),
      ),
    },
    '/runs/{id}/appeals': {
      get: {
        ...runOp(
          'Appeals, newest first, 50 a page',
          json(
            obj({
              page: int,
              pageSize: int,
              total: int,
              appeals: { type: 'array', items: ref('AppealDetail') },
            }),
          ),
          { 400: error('invalid query') },
        ),
        parameters: [
          runId,
          { name: 'state', in: 'query', schema: { enum: [...APPEAL_STATES] } },
          { name: 'street', in: 'query', schema: str },
          { name: 'category', in: 'query', schema: str },
          { name: 'page', in: 'query', schema: { type: 'string', pattern: '^\\d+$' } },
        ],
      },
    },
    '/runs/{id}/appeals/{appealId}': {
      get: {
        ...runOp('One appeal with its full history', json(ref('AppealDetail')), {
          400: error('invalid appeal id'),
        }),
        parameters: [
          runId,
          { name: 'appealId', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } },
        ],
      },
    },
    '/runs/{id}/audit': {
      get: runOp(
        'Every appeal once, in one state, with a gap-free history',
        json(
          obj({
            run: str,
            ok: bool,
            appeals: int,
            created: int,
            transitions: int,
            states: ref('States'),
            problems: { type: 'array', items: str },
            problemCount: int,
          }),
        ),
      ),
    },
    '/runs/{id}/export/report.json': {
      get: runOp('The report as a JSON file', json(ref('Report')), { 409: error('no report yet') }),
    },
    '/runs/{id}/export/report.csv': {
      get: runOp(
        'The KPIs as CSV (kpi, mean, ci95_low, ci95_high)',
        { description: 'OK', content: { 'text/csv': { schema: str } } },
        { 409: error('no report yet') },
      ),
    },
    '/runs/{id}/export/appeals.json': {
      get: runOp(
        'Every appeal with its history',
        json(
          obj({
            run: ref('RunInfo'),
            appeals: {
              type: 'array',
              items: { type: 'object', required: ['id', 'source', 'category', 'history'] },
            },
          }),
        ),
      ),
    },
    '/runs/{id}/export/appeals.csv': {
      get: runOp('The appeal log as CSV, one row per step', {
        description: 'OK',
        content: { 'text/csv': { schema: str } },
      }),
    },
    '/runs/{id}/seats': {
      get: runOp(
        'Every training seat of the run at a glance: waiting, decided, timed out, accuracy, pass ' +
          '(instructor and observers; not trainees)',
        json(obj({ seats: { type: 'array', items: ref('SeatSummary') } })),
        { 400: error('malformed run id') },
      ),
    },
    '/runs/{id}/seats/{seat}': {
      get: {
        ...runOp(
          'One training seat: appeals waiting for its decision, its history, messages and injects, and its ' +
            "score, which its trainee sees once the run has ended (instructor, observers, this seat's trainee)",
          json(ref('SeatView')),
          { 400: error('malformed run id or seat'), 404: error('no such run, or no such seat in it') },
        ),
        parameters: [runId, seatParam],
      },
    },
    '/runs/{id}/seats/{seat}/decisions': {
      post: {
        summary:
          'Decide an appeal waiting at the seat: answer, redirect (with the line) or dispatch (with the ' +
          "unit); applied at the next tick (instructor, and this seat's trainee)",
        parameters: [runId, seatParam],
        requestBody: body(obj(decisionFields, ['appealId', 'action'])),
        responses: {
          202: json(obj({ ok: { const: true } }), 'accepted'),
          400: error('invalid decision'),
          ...auth,
          404: error('no such run, or no such seat in it'),
          409: error('run over, or the appeal is not waiting at this seat'),
        },
      },
    },
    '/runs/{id}/messages': {
      post: {
        summary:
          'Send a message to one seat, or to every seat of the run when `seat` is left out (instructor)',
        parameters: [runId],
        requestBody: body(
          obj({ text: { type: 'string', minLength: 1, maxLength: 500 }, seat: seatName }, ['text']),
        ),
        responses: {
          201: json(ref('SeatMessage'), 'sent'),
          400: error('invalid message'),
          ...auth,
          404: error('no such run, or no such seat in it'),
        },
      },
    },
    '/scenarios': {
      get: {
        summary: 'Built-in scenarios',
        responses: {
          200: json(
            obj({
              scenarios: {
                type: 'array',
                items: obj({
                  name: str,
                  description: str,
                  descriptionZh: str,
                  start: str,
                  hours: num,
                  lifecycle: bool,
                }),
              },
            }),
          ),
          ...auth,
        },
      },
    },
    '/scenarios/{name}': {
      get: {
        summary: 'A built-in scenario with every default filled',
        parameters: [{ name: 'name', in: 'path', required: true, schema: str }],
        responses: {
          200: json({ type: 'object', required: ['name', 'seed', 'hours', 'arrivals', 'intake'] }),
          400: error('malformed name'),
          ...auth,
          404: error('no such scenario'),
        },
      },
    },
    '/city': {
      get: {
        summary: "The city's map: outline, districts, streets, cells, units",
        responses: {
          200: json({
            type: 'object',
            required: ['name', 'bbox', 'outline', 'districts', 'streets', 'cells', 'units'],
          }),
          ...auth,
        },
      },
    },
    '/comparisons': {
      post: {
        summary: 'Compare two scenarios on common random numbers (queued)',
        requestBody: body({ type: 'object', required: ['a', 'b'] }),
        responses: {
          202: json({ type: 'object', required: ['id', 'status'] }, 'accepted'),
          400: error('invalid body'),
          ...auth,
          404: error('no such scenario'),
          422: error('invalid scenario'),
        },
      },
    },
    '/comparisons/{id}': {
      get: {
        summary: 'A comparison with its progress',
        parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
        responses: {
          200: json({ type: 'object', required: ['id', 'status', 'done', 'total'] }),
          400: error('malformed id'),
          ...auth,
          404: error('no such comparison'),
        },
      },
    },
    '/sweeps': {
      post: {
        summary:
          'Run one scenario at 2-8 values of one numeric field (a lever path), on common seeds (queued)',
        requestBody: body(
          obj(
            {
              scenario: { oneOf: [str, { type: 'object' }] },
              path: str,
              values: { type: 'array', items: num, minItems: 2, maxItems: 8 },
              replications: { type: 'integer', minimum: 2, maximum: 20 },
              seed: { type: 'integer' },
            },
            ['scenario', 'path', 'values'],
          ),
        ),
        responses: {
          202: json(
            { type: 'object', required: ['id', 'status', 'scenario', 'path', 'values', 'done', 'total'] },
            'accepted',
          ),
          400: error('invalid body, or a path that names no number of the scenario'),
          ...auth,
          404: error('no such scenario'),
          422: error('invalid scenario (or a value its rules refuse)'),
        },
      },
    },
    '/sweeps/{id}': {
      get: {
        summary: 'A sweep with its progress, and its rows (a report per value) when done',
        parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
        responses: {
          200: json({ type: 'object', required: ['id', 'status', 'path', 'values', 'done', 'total'] }),
          400: error('malformed id'),
          ...auth,
          404: error('no such sweep'),
        },
      },
    },
    '/codes': {
      get: {
        summary: 'Join codes (instructor)',
        responses: { 200: json(obj({ codes: { type: 'array', items: ref('JoinCode') } })), ...auth },
      },
      post: {
        summary: 'Create a join code (instructor): observer, or trainee with runId and seat',
        requestBody: body(
          obj({ role: { enum: ['observer', 'trainee'] }, runId: str, seat: str, ttlHours: num }, ['role']),
        ),
        responses: {
          201: json(ref('JoinCode'), 'created'),
          400: error('invalid body'),
          ...auth,
          404: error('no such run'),
        },
      },
    },
    '/codes/{code}': {
      delete: {
        summary: 'Revoke a join code (instructor)',
        parameters: [{ name: 'code', in: 'path', required: true, schema: str }],
        responses: { 204: { description: 'revoked' }, ...auth, 404: error('no such code') },
      },
    },
    '/open311/keys': {
      get: {
        summary: 'Open311 api keys (instructor)',
        responses: { 200: json(obj({ keys: { type: 'array', items: ref('ApiKeyInfo') } })), ...auth },
      },
      post: {
        summary: 'Issue an Open311 api key (instructor); the key is shown only here',
        requestBody: body(obj({ name: str, runId: str }, ['name'])),
        responses: {
          201: json({ allOf: [ref('ApiKeyInfo'), obj({ key: str })] }, 'created'),
          400: error('invalid body'),
          ...auth,
          404: error('no such run'),
        },
      },
    },
    '/open311/keys/{keyId}': {
      delete: {
        summary: 'Revoke an Open311 api key (instructor)',
        parameters: [{ name: 'keyId', in: 'path', required: true, schema: str }],
        responses: { 204: { description: 'revoked' }, ...auth, 404: error('no such key') },
      },
    },
    '/exercises': {
      get: {
        summary: 'Saved exercises, newest first (instructor)',
        responses: {
          200: json(obj({ exercises: { type: 'array', items: ref('Exercise') } })),
          ...auth,
        },
      },
      post: {
        summary:
          'Save an exercise: a scenario with a lifecycle (built-in name or object), a difficulty, named ' +
          'seats and a script of injects (instructor)',
        requestBody: body(obj(exerciseFields, ['name', 'scenario', 'seats'])),
        responses: {
          201: json(ref('Exercise'), 'created'),
          400: error('invalid body'),
          ...auth,
          404: error('no such built-in scenario'),
          422: error('invalid scenario, one without a lifecycle, or a script it cannot run'),
        },
      },
    },
    '/exercises/{id}': {
      get: {
        summary: 'One exercise (instructor)',
        parameters: [exerciseId],
        responses: {
          200: json(ref('Exercise')),
          400: error('malformed exercise id'),
          ...auth,
          404: error('no such exercise'),
        },
      },
      put: {
        summary:
          'Change a saved exercise (its next start uses it; runs already started keep their own schedule) (instructor)',
        parameters: [exerciseId],
        requestBody: body(obj(exerciseFields, ['name', 'scenario', 'seats'])),
        responses: {
          200: json(ref('Exercise')),
          400: error('invalid body or exercise id'),
          ...auth,
          404: error('no such exercise or built-in scenario'),
          422: error('invalid scenario, one without a lifecycle, or a script it cannot run'),
        },
      },
    },
    '/exercises/{id}/start': {
      post: {
        summary: 'Start a run of the exercise, paused, with a trainee join code per seat (instructor)',
        parameters: [exerciseId],
        responses: {
          201: json(ref('StartedExercise'), 'started'),
          400: error('malformed exercise id'),
          ...auth,
          404: error('no such exercise'),
          422: error('its saved scenario no longer validates'),
        },
      },
    },
    '/training/runs': {
      get: {
        summary: 'The runs exercises started, newest first (instructor)',
        responses: {
          200: json(
            obj({
              runs: { type: 'array', items: obj({ runId: str, exerciseId: str, startedAt: dateTime }) },
            }),
          ),
          ...auth,
        },
      },
    },
    '/training/runs/{runId}/hot-wash': {
      get: {
        summary:
          'The hot wash of an exercise run (live while it runs): per seat, strengths and misses (instructor)',
        parameters: [{ ...runId, name: 'runId' }],
        responses: {
          200: json(ref('HotWash')),
          400: error('malformed run id'),
          ...auth,
          404: error('no such exercise run'),
        },
      },
    },
    '/training/results': {
      get: {
        summary:
          "Every seat's score of every ended exercise run, oldest first; one trainee's with ?seat= (instructor)",
        parameters: [seatQuery],
        responses: {
          200: json(obj({ results: { type: 'array', items: ref('TrainingResult') } })),
          400: error('invalid query'),
          ...auth,
        },
      },
    },
    '/training/results.csv': {
      get: {
        summary:
          'The results as CSV for sign-off (finished_at, seat, exercise_id, run_id, passed, offered, decided, ' +
          'correct, timed_out, then one column per rubric item) (instructor)',
        parameters: [seatQuery],
        responses: {
          200: { description: 'OK', content: { 'text/csv': { schema: str } } },
          400: error('invalid query'),
          ...auth,
        },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This document',
        security: [],
        responses: { 200: json({ type: 'object', required: ['openapi', 'paths'] }) },
      },
    },
  },
} as const;
