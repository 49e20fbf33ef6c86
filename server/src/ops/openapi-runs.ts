import {
  createRunSchema,
  fireInjectSchema,
  injectSchema,
  seatDecisionSchema,
  returnDecisionSchema,
  callbackDecisionSchema,
  setLeversSchema,
  setSpeedSchema,
} from '@hotline-sim/shared';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { appealIdSchema, appealsQuerySchema, scheduleEntrySchema } from '../http/routes';
import { messageSchema, seatSchema } from '../training/seat-routes';
import {
  AppealDetail,
  AuditAnswer,
  LeversAccepted,
  Report,
  RunInfo,
  RunLevers,
  States,
  withFields,
} from './api-answers';
import { RunSchedule, ScheduledInject, SeatMessage, SeatSummary, SeatView } from './training-answers';
import { auth, body, csv, error, json, listOf, runOp, runPath } from './openapi-parts';

const entryPath = runPath.extend({ entry: scheduleEntrySchema });
const seatPath = runPath.extend({ seat: seatSchema });

/** The operations on live runs, under /api/runs. */
export const RUN_PATHS: ZodOpenApiPathsObject = {
  '/runs': {
    get: {
      summary: 'Runs, newest first (a trainee sees their own only)',
      responses: { 200: listOf('runs', RunInfo), ...auth },
    },
    post: {
      summary: 'Start a run of a built-in scenario (by name) or of a scenario object',
      requestBody: body(createRunSchema),
      responses: {
        201: json(RunInfo, 'created'),
        400: error('invalid body'),
        ...auth,
        404: error('no such built-in scenario'),
        422: error('invalid scenario'),
      },
    },
  },
  '/runs/{id}': { get: runOp('One run', json(RunInfo)) },
  '/runs/{id}/pause': { post: runOp('Pause', json(RunInfo), { 409: error('not running') }) },
  '/runs/{id}/resume': { post: runOp('Resume', json(RunInfo), { 409: error('not paused') }) },
  '/runs/{id}/stop': { post: runOp('Stop', json(RunInfo), { 409: error('already over') }) },
  '/runs/{id}/speed': {
    post: {
      ...runOp('Change speed', json(RunInfo), { 400: error('invalid speed'), 409: error('run over') }),
      requestBody: body(setSpeedSchema),
    },
  },
  '/runs/{id}/injects': {
    post: {
      summary:
        'Fire an inject now (surge, outage, heating-start, ambiguous-batch, emergency-batch, duplicates-batch; instructor)',
      requestParams: { path: runPath },
      requestBody: body(fireInjectSchema),
      responses: {
        202: json(RunInfo, 'accepted'),
        400: error('invalid inject'),
        ...auth,
        404: error('no such run'),
        409: error('run over'),
        422: error('unknown unit'),
      },
    },
  },
  '/runs/{id}/levers': {
    get: runOp(
      "Every lever's value as of the run's settled tick, and the changes so far (scenario timeline and instructors')",
      json(RunLevers),
    ),
    post: {
      summary:
        'Change levers from the run’s current virtual second on; logged as an input, so a replay gives the same run (instructor)',
      requestParams: { path: runPath },
      requestBody: body(setLeversSchema),
      responses: {
        202: json(LeversAccepted, 'accepted: when it takes effect (virtual seconds) and what it sets'),
        400: error('invalid body'),
        ...auth,
        404: error('no such run'),
        409: error('run over'),
        422: error(
          'a path that is no lever or cannot change during a run, a value the rules refuse, or over a limit',
        ),
      },
    },
  },
  '/runs/{id}/schedule': {
    get: {
      summary:
        "Injects to come (an exercise's script, in firing order) and those that have fired, at the virtual second they did (instructor)",
      requestParams: { path: runPath },
      responses: {
        200: json(RunSchedule),
        400: error('malformed run id'),
        ...auth,
        404: error('no such run'),
      },
    },
    post: {
      summary:
        "Schedule an inject at its atHours, between the run's clock and the end of arrivals (instructor)",
      requestParams: { path: runPath },
      requestBody: body(injectSchema),
      responses: {
        201: json(ScheduledInject, 'scheduled'),
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
      requestParams: { path: entryPath },
      requestBody: body(injectSchema),
      responses: {
        200: json(ScheduledInject),
        400: error('invalid inject or entry id'),
        ...auth,
        404: error('no such run, or the entry has fired already'),
        409: error('run over'),
        422: error("unknown unit, or a time before the run's clock or after its arrivals"),
      },
    },
    delete: {
      summary: 'Delete an inject still to come (instructor)',
      requestParams: { path: entryPath },
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
      requestParams: { path: entryPath },
      responses: {
        202: json(RunInfo, 'accepted: it takes effect at the next tick'),
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
        z.looseObject({
          run: RunInfo,
          states: States,
          report: Report.nullable(),
          open: z.looseObject({}).nullable(),
        }),
      ),
    ),
  },
  '/runs/{id}/series': {
    get: runOp(
      'Series points, one per virtual hour',
      json(z.looseObject({ series: z.array(withFields('n', 'at', 'kpis')) })),
    ),
  },
  '/runs/{id}/appeals': {
    get: {
      ...runOp(
        'Appeals, newest first, 50 a page',
        json(
          z.looseObject({
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int(),
            appeals: z.array(AppealDetail),
          }),
        ),
        { 400: error('invalid query') },
      ),
      requestParams: { path: runPath, query: appealsQuerySchema },
    },
  },
  '/runs/{id}/appeals/{appealId}': {
    get: {
      ...runOp('One appeal with its full history', json(AppealDetail), {
        400: error('invalid appeal id'),
      }),
      requestParams: { path: runPath.extend({ appealId: appealIdSchema }) },
    },
  },
  '/runs/{id}/audit': {
    get: runOp('Every appeal once, in one state, with a gap-free history', json(AuditAnswer)),
  },
  '/runs/{id}/export/report.json': {
    get: runOp('The report as a JSON file', json(Report), { 409: error('no report yet') }),
  },
  '/runs/{id}/export/report.csv': {
    get: runOp('The KPIs as CSV (kpi, mean, ci95_low, ci95_high)', csv, { 409: error('no report yet') }),
  },
  '/runs/{id}/export/appeals.json': {
    get: runOp(
      'Every appeal with its history',
      json(
        z.looseObject({ run: RunInfo, appeals: z.array(withFields('id', 'source', 'category', 'history')) }),
      ),
    ),
  },
  '/runs/{id}/export/appeals.csv': {
    get: runOp('The appeal log as CSV, one row per step', csv),
  },
  '/runs/{id}/seats': {
    get: runOp(
      'Every training seat of the run at a glance: waiting, decided, timed out, accuracy, pass ' +
        '(instructor and observers; not trainees)',
      listOf('seats', SeatSummary),
      { 400: error('malformed run id') },
    ),
  },
  '/runs/{id}/seats/{seat}': {
    get: {
      ...runOp(
        'One training seat: appeals waiting for its decision, its history, messages and injects, and its ' +
          "score, which its trainee sees once the run has ended (instructor, observers, this seat's trainee)",
        json(SeatView),
        { 400: error('malformed run id or seat'), 404: error('no such run, or no such seat in it') },
      ),
      requestParams: { path: seatPath },
    },
  },
  '/runs/{id}/seats/{seat}/decisions': {
    post: {
      summary:
        'Decide an appeal waiting at the seat: answer, redirect (with the line) or dispatch (with the ' +
        "unit); applied at the next tick (instructor, and this seat's trainee)",
      requestParams: { path: seatPath },
      requestBody: body(seatDecisionSchema),
      responses: {
        202: json(z.looseObject({ ok: z.literal(true) }), 'accepted'),
        400: error('invalid decision'),
        ...auth,
        404: error('no such run, or no such seat in it'),
        409: error('run over, or the appeal is not waiting at this seat'),
      },
    },
  },
  '/runs/{id}/seats/{seat}/returns': {
    post: {
      summary:
        'Review seat (退单审核): accept a return waiting at the seat and re-dispatch it (with the unit), or ' +
        "refuse it (with the reason); applied at the next tick (instructor, and this seat's trainee)",
      requestParams: { path: seatPath },
      requestBody: body(returnDecisionSchema),
      responses: {
        202: json(z.looseObject({ ok: z.literal(true) }), 'accepted'),
        400: error('invalid decision'),
        ...auth,
        404: error('no such run, or no such seat in it'),
        409: error('run over, or the return is not waiting at this seat'),
      },
    },
  },
  '/runs/{id}/seats/{seat}/callbacks': {
    post: {
      summary:
        'Callback seat (回访): record a callback waiting at the seat (resolved, rating, pressure for a ' +
        "good rating); applied at the next tick (instructor, and this seat's trainee)",
      requestParams: { path: seatPath },
      requestBody: body(callbackDecisionSchema),
      responses: {
        202: json(z.looseObject({ ok: z.literal(true) }), 'accepted'),
        400: error('invalid record'),
        ...auth,
        404: error('no such run, or no such seat in it'),
        409: error('run over, or the call is not waiting at this seat'),
      },
    },
  },
  '/runs/{id}/messages': {
    post: {
      summary: 'Send a message to one seat, or to every seat of the run when `seat` is left out (instructor)',
      requestParams: { path: runPath },
      requestBody: body(messageSchema),
      responses: {
        201: json(SeatMessage, 'sent'),
        400: error('invalid message'),
        ...auth,
        404: error('no such run, or no such seat in it'),
      },
    },
  },
};
