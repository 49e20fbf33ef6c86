import type {
  AppealDetail,
  CityList,
  CityMap,
  ComparisonStatus,
  CreateComparisonBody,
  CreateSweepBody,
  SweepStatus,
  CreateRunBody,
  Inject,
  RunInfo,
  ScenarioSummary,
  SeriesPoint,
} from '@hotline-sim/shared';

/** GET /api/runs/:id/appeals */
export interface AppealsPage {
  page: number;
  pageSize: number;
  total: number;
  appeals: AppealDetail[];
}

/** A failed API call: the server's `{ error }` message, or what went wrong on the way. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What to tell the user of a failed call (or any other error). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Who the browser's session cookie stands for (GET/POST /api/session). */
export interface SessionInfo {
  role: 'instructor' | 'observer' | 'trainee';
  runId: string | null;
  seat: string | null;
  expiresAt: string;
}

/** The header that marks the dashboard's requests as a script's: no HTML form can send it. */
export const CLIENT_HEADER = 'x-hotline-client';

/** Called on any 401 (the session expired or was never there): the app shows the login form. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/**
 * One request to the server's REST API (`/api` + path), JSON both ways. Every endpoint module
 * (this one, `training.ts`) goes through here, so a 401 anywhere shows the login form.
 */
export async function call<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      // The client header on every call, body-less POSTs too: the server refuses writes that a form
      // on another site could have sent (issue 13, point 3).
      headers: {
        [CLIENT_HEADER]: 'dashboard',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'server unreachable');
  }
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, say: fall through with the status.
  }
  if (!res.ok) {
    if (res.status === 401 && path !== '/session') onUnauthorized?.();
    const error = (data as { error?: unknown } | undefined)?.error;
    throw new ApiError(res.status, typeof error === 'string' ? error : `HTTP ${res.status}`);
  }
  return data as T;
}

let earlySession: Promise<SessionInfo> | null = null;
let earlyRuns: Promise<RunInfo[]> | null = null;

/**
 * Ask for the session and the runs as soon as the script runs, before React renders: the first
 * render takes these answers (`firstSession`, `firstRuns`) instead of asking one after the other.
 */
export function prefetch(): void {
  earlySession = call<SessionInfo>('GET', '/session');
  earlyRuns = api.runs();
  // No session yet: the runs are asked again after logging in.
  earlySession.catch(() => {
    earlyRuns = null;
  });
  earlyRuns.catch(() => undefined);
}

/** The prefetched session (once), else a fresh request. */
export function firstSession(): Promise<SessionInfo> {
  const p = earlySession ?? api.session();
  earlySession = null;
  return p;
}

/** The prefetched runs (once), else a fresh request. */
export function firstRuns(): Promise<RunInfo[]> {
  const p = earlyRuns ?? api.runs();
  earlyRuns = null;
  return p;
}

/** The REST API of the live server (README: Live server API). */
export const api = {
  session: () => call<SessionInfo>('GET', '/session'),
  login: (credentials: { password: string } | { code: string }) =>
    call<SessionInfo>('POST', '/session', credentials),
  logout: () => call<unknown>('DELETE', '/session'),
  runs: () => call<{ runs: RunInfo[] }>('GET', '/runs').then((r) => r.runs),
  run: (id: string) => call<RunInfo>('GET', `/runs/${encodeURIComponent(id)}`),
  createRun: (body: CreateRunBody) => call<RunInfo>('POST', '/runs', body),
  pause: (id: string) => call<RunInfo>('POST', `/runs/${encodeURIComponent(id)}/pause`),
  resume: (id: string) => call<RunInfo>('POST', `/runs/${encodeURIComponent(id)}/resume`),
  stop: (id: string) => call<RunInfo>('POST', `/runs/${encodeURIComponent(id)}/stop`),
  speed: (id: string, speed: number) =>
    call<RunInfo>('POST', `/runs/${encodeURIComponent(id)}/speed`, { speed }),
  inject: (id: string, inject: Inject) =>
    call<RunInfo>('POST', `/runs/${encodeURIComponent(id)}/injects`, inject),
  appeals: (id: string, query: { state?: string; page: number }, signal?: AbortSignal) => {
    const q = new URLSearchParams({ page: String(query.page) });
    if (query.state) q.set('state', query.state);
    return call<AppealsPage>(
      'GET',
      `/runs/${encodeURIComponent(id)}/appeals?${q.toString()}`,
      undefined,
      signal,
    );
  },
  appeal: (id: string, appealId: number, signal?: AbortSignal) =>
    call<AppealDetail>('GET', `/runs/${encodeURIComponent(id)}/appeals/${appealId}`, undefined, signal),
  series: (id: string) =>
    call<{ series: SeriesPoint[] }>('GET', `/runs/${encodeURIComponent(id)}/series`).then((r) => r.series),
  scenarios: () => call<{ scenarios: ScenarioSummary[] }>('GET', '/scenarios').then((r) => r.scenarios),
  scenario: (name: string) => call<Record<string, unknown>>('GET', `/scenarios/${encodeURIComponent(name)}`),
  /** A city's map by key; without one, the server's default city's (its CITY). */
  city: (key: string | null, signal?: AbortSignal) =>
    call<CityMap>('GET', key === null ? '/city' : `/city?key=${encodeURIComponent(key)}`, undefined, signal),
  cities: () => call<CityList>('GET', '/cities'),
  createComparison: (body: CreateComparisonBody) => call<ComparisonStatus>('POST', '/comparisons', body),
  comparison: (id: string) => call<ComparisonStatus>('GET', `/comparisons/${encodeURIComponent(id)}`),
  createSweep: (body: CreateSweepBody) => call<SweepStatus>('POST', '/sweeps', body),
  sweep: (id: string) => call<SweepStatus>('GET', `/sweeps/${encodeURIComponent(id)}`),
};
