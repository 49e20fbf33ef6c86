import { builtInScenarioNames } from '@hotline-sim/shared';
import { liveTestScenario } from './helpers/live';

/*
 * The bad input of live-api.test.ts: one request per mistake a client can make on each endpoint of
 * live runs, with the status and the words its error must carry. Run ids are read when a case runs
 * (the runs are made in the test file's set-up).
 */

export /** One piece of bad input and what the API must answer. */
interface BadCase {
  name: string;
  method?: string;
  path: () => string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  /** Substrings the `error` must contain (it names the problem). */
  error: string[];
}

/** The runs the cases name, by getter (they exist only once the test file's set-up has run). */
export interface CaseRuns {
  steady(): string;
  weekday(): string;
  paged(): string;
}

/** Every bad request and what the API must answer, for the runs `ids`. */
export function badInputCases(ids: CaseRuns): BadCase[] {
  const big = (bytes: number) => JSON.stringify({ scenario: 'x'.repeat(bytes) });
  const unknownRun = (path: string, extra: Partial<BadCase> = {}): BadCase => ({
    name: `unknown run: ${extra.method ?? (extra.body ? 'POST' : 'GET')} ${path}`,
    path: () => `/api/runs/nosuchrun${path}`,
    status: 404,
    error: ['run "nosuchrun" not found'],
    ...extra,
  });
  return [
    unknownRun(''),
    unknownRun('/pause', { method: 'POST' }),
    unknownRun('/resume', { method: 'POST' }),
    unknownRun('/stop', { method: 'POST' }),
    unknownRun('/speed', { body: { speed: 100 } }),
    unknownRun('/injects', { body: { kind: 'surge', atHours: 0, hours: 1, factor: 2 } }),
    unknownRun('/report'),
    unknownRun('/appeals'),
    unknownRun('/appeals/1'),
    unknownRun('/audit'),

    {
      name: 'malformed run id (underscore)',
      path: () => '/api/runs/no_underscores',
      status: 400,
      error: ['invalid run id', 'letters, digits or dashes'],
    },
    {
      name: 'malformed run id (65 characters)',
      path: () => `/api/runs/${'a'.repeat(65)}/report`,
      status: 400,
      error: ['invalid run id'],
    },
    {
      name: 'malformed run id on a control',
      method: 'POST',
      path: () => '/api/runs/bad.id/pause',
      status: 400,
      error: ['invalid run id'],
    },
    {
      name: 'malformed run id (bad percent-encoding)',
      path: () => '/api/runs/%E0%A4%A',
      status: 400,
      error: ['decode param'],
    },

    ...[
      [0, '>=0.5'],
      [0.1, '>=0.5'],
      [20_000, '<=10000'],
      ['fast', 'expected number, received string'],
      [null, 'expected number'],
    ].map(([speed, why]): BadCase => ({
      name: `speed ${JSON.stringify(speed)}`,
      path: () => `/api/runs/${ids.steady()}/speed`,
      body: { speed },
      status: 400,
      error: ['invalid speed', 'speed:', why as string],
    })),
    {
      name: 'speed missing',
      path: () => `/api/runs/${ids.steady()}/speed`,
      body: {},
      status: 400,
      error: ['speed:', 'expected number'],
    },
    {
      name: 'speed without a body',
      method: 'POST',
      path: () => `/api/runs/${ids.steady()}/speed`,
      status: 400,
      error: ['speed:', 'expected number'],
    },
    {
      name: 'speed with an extra field',
      path: () => `/api/runs/${ids.steady()}/speed`,
      body: { speed: 60, now: true },
      status: 400,
      error: ['Unrecognized key', 'now'],
    },
    {
      name: 'create at speed 0',
      path: () => '/api/runs',
      body: { scenario: 'beijing-weekday', speed: 0 },
      status: 400,
      error: ['speed:'],
    },

    {
      name: 'malformed JSON creating a run',
      path: () => '/api/runs',
      raw: '{"scenario":',
      status: 400,
      error: ['malformed JSON body'],
    },
    {
      name: 'malformed JSON setting the speed',
      path: () => `/api/runs/${ids.steady()}/speed`,
      raw: '{speed: 5}',
      status: 400,
      error: ['malformed JSON body'],
    },
    {
      name: 'malformed JSON firing an inject',
      path: () => `/api/runs/${ids.steady()}/injects`,
      raw: '[1,',
      status: 400,
      error: ['malformed JSON body'],
    },
    {
      name: 'a bare JSON string',
      path: () => '/api/runs',
      raw: '"beijing-weekday"',
      status: 400,
      error: ['malformed JSON body'],
    },
    {
      name: 'JSON nested 100,000 deep',
      path: () => '/api/runs',
      raw: `{"scenario":{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
      status: 400,
      error: ['nested deeper than'],
    },
    {
      name: 'a body that is not JSON',
      path: () => '/api/runs',
      raw: 'scenario=beijing-weekday',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // A form could come from another site (issue 13, point 3; csrf.test.ts).
      status: 403,
      error: ['cross-site request refused', 'Content-Type: application/json'],
    },
    {
      name: 'a JSON array for a run',
      path: () => '/api/runs',
      body: [],
      status: 400,
      error: ['invalid run', 'expected object'],
    },
    {
      name: 'oversize body creating a run (2.5 MB)',
      path: () => '/api/runs',
      raw: big(2_500_000),
      status: 413,
      error: ['too large', '2mb'],
    },
    {
      name: 'oversize body setting the speed (20 MB)',
      path: () => `/api/runs/${ids.steady()}/speed`,
      raw: big(20_000_000),
      status: 413,
      error: ['too large'],
    },

    {
      name: 'unknown scenario name',
      path: () => '/api/runs',
      body: { scenario: 'atlantis' },
      status: 404,
      error: ['no built-in scenario "atlantis"', ...builtInScenarioNames],
    },
    {
      name: 'a scenario without a lifecycle',
      path: () => '/api/runs',
      body: { scenario: 'beijing-weekday-intake' },
      status: 422,
      error: ['no lifecycle'],
    },
    {
      name: 'scenario: a number',
      path: () => '/api/runs',
      body: { scenario: 5 },
      status: 400,
      error: ['scenario:', 'built-in scenario name', 'scenario object'],
    },
    {
      name: 'scenario: an empty name',
      path: () => '/api/runs',
      body: { scenario: '' },
      status: 400,
      error: ['scenario:'],
    },
    {
      name: 'scenario with a bad field',
      path: () => '/api/runs',
      body: { scenario: liveTestScenario({ arrivals: { perHour: 'many' as unknown as number } }) },
      status: 422,
      error: ['arrivals.perHour', 'expected number'],
    },
    {
      name: 'scenario with negative hours',
      path: () => '/api/runs',
      body: { scenario: liveTestScenario({ hours: -1 }) },
      status: 422,
      error: ['hours:'],
    },
    {
      name: 'scenario with a bad nested field',
      path: () => '/api/runs',
      body: { scenario: { ...liveTestScenario(), lifecycle: { dispatch: { mode: 'psychic' } } } },
      status: 422,
      error: ['lifecycle.dispatch.mode'],
    },
    {
      name: 'an unknown field creating a run',
      path: () => '/api/runs',
      body: { scenario: 'beijing-weekday', sped: 60 },
      status: 400,
      error: ['Unrecognized key', 'sped'],
    },
    {
      name: 'a negative seed',
      path: () => '/api/runs',
      body: { scenario: 'beijing-weekday', seed: -1 },
      status: 400,
      error: ['seed:'],
    },

    {
      name: 'DELETE a run',
      method: 'DELETE',
      path: () => `/api/runs/${ids.steady()}`,
      status: 404,
      error: ['no such API endpoint'],
    },
    {
      name: 'PUT the run list',
      method: 'PUT',
      path: () => '/api/runs',
      body: {},
      status: 404,
      error: ['no such API endpoint'],
    },
    {
      name: 'GET a control',
      path: () => `/api/runs/${ids.steady()}/pause`,
      status: 404,
      error: ['no such API endpoint'],
    },
    {
      name: 'an unknown action',
      method: 'POST',
      path: () => `/api/runs/${ids.steady()}/rewind`,
      status: 404,
      error: ['no such API endpoint'],
    },
    {
      name: 'an unknown endpoint',
      path: () => '/api/nothing/here',
      status: 404,
      error: ['no such API endpoint'],
    },

    ...[
      ['page=0', 'page:'],
      ['page=-3', 'page:'],
      ['page=abc', 'page:'],
      ['page=1e3', 'page:'],
      ['page=', 'page:'],
      ['page=1&page=2', 'page:'],
      ['state=bogus', 'state:'],
      ['state=closed&state=received', 'state:'],
      ['street=nowhere', 'unknown street "nowhere"'],
      ['category=nothing', 'unknown category "nothing"'],
      ['sort=id', 'Unrecognized key', 'sort'],
    ].map(([query, ...why]): BadCase => ({
      name: `appeals?${query}`,
      path: () => `/api/runs/${ids.steady()}/appeals?${query}`,
      status: 400,
      error: why,
    })),

    {
      name: 'resume a running run',
      method: 'POST',
      path: () => `/api/runs/${ids.steady()}/resume`,
      status: 409,
      error: ['is running', 'only when paused'],
    },
    {
      name: 'pause a paused run',
      method: 'POST',
      path: () => `/api/runs/${ids.paged()}/pause`,
      status: 409,
      error: ['is paused'],
    },
    {
      name: 'pause a stopped run',
      method: 'POST',
      path: () => `/api/runs/${ids.weekday()}/pause`,
      status: 409,
      error: ['is stopped'],
    },
    {
      name: 'resume a stopped run',
      method: 'POST',
      path: () => `/api/runs/${ids.weekday()}/resume`,
      status: 409,
      error: ['is stopped'],
    },
    {
      name: 'stop a stopped run',
      method: 'POST',
      path: () => `/api/runs/${ids.weekday()}/stop`,
      status: 409,
      error: ['is stopped'],
    },
    {
      name: 'set the speed of a stopped run',
      path: () => `/api/runs/${ids.weekday()}/speed`,
      body: { speed: 60 },
      status: 409,
      error: ['is stopped'],
    },
    {
      name: 'inject into a stopped run',
      path: () => `/api/runs/${ids.weekday()}/injects`,
      body: { kind: 'surge', atHours: 0, hours: 1, factor: 2 },
      status: 409,
      error: ['is stopped'],
    },
    {
      name: 'a body on a control',
      path: () => `/api/runs/${ids.steady()}/pause`,
      body: { now: true },
      status: 400,
      error: ['expected none', 'now'],
    },

    {
      name: 'an inject of no known kind',
      path: () => `/api/runs/${ids.steady()}/injects`,
      body: { kind: 'meteor' },
      status: 400,
      error: ['invalid inject', 'kind'],
    },
    {
      name: 'a surge too strong',
      path: () => `/api/runs/${ids.steady()}/injects`,
      body: { kind: 'surge', atHours: 0, hours: 1, factor: 1_000 },
      status: 400,
      error: ['factor:'],
    },
    {
      name: 'an outage of an unknown unit',
      path: () => `/api/runs/${ids.steady()}/injects`,
      body: { kind: 'outage', atHours: 0, hours: 1, unitId: 'atlantis' },
      status: 422,
      error: ['unknown unit "atlantis"'],
    },

    ...['abc', '-1', '1.5', '0x10', '1e3', '%20', '99999999999'].map((appealId): BadCase => ({
      name: `appeal id ${appealId}`,
      path: () => `/api/runs/${ids.steady()}/appeals/${appealId}`,
      status: 400,
      error: ['invalid appeal id'],
    })),
    {
      name: 'an appeal that does not exist',
      path: () => `/api/runs/${ids.steady()}/appeals/99999999`,
      status: 404,
      error: ['appeal 99999999 not found in run'],
    },
  ];
}
