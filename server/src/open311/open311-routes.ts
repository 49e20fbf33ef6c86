import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Logger } from 'pino';
import { limitPerMinute, sessionOf, type Auth } from '../auth';
import { open311Refusal } from '../http/cross-site';
import { ApiError } from '../http/errors';
import type { RunManager } from '../live/run-manager';
import { cityByKey, knownCityKeys, type City, type RunInfo } from '@hotline-sim/shared';
import type { Open311Context, Open311Run, Reader } from './context';
import { RunClock } from './run-clock';
import { FiledRequests } from './filed-requests';
import { Open311Error, send, sendError, toXml, type Format } from './format';
import { Locator } from './locate';
import { requestRoutes } from './request-routes';
import { SERVICES, serviceDefinition } from './services';
import { updateRoutes } from './update-routes';

export interface Open311Deps {
  manager: RunManager;
  auth: Auth;
  logger: Logger;
  /** Open311 POSTs per minute per api key (or client address). */
  postsPerMinute: number;
  /** Open311 GETs per minute per api key (or client address). @defaultValue 1200 */
  getsPerMinute?: number;
}

/** Largest Open311 body (form or JSON): a description of 4,000 characters fits many times over. */
const BODY_LIMIT = '64kb';

/** The api_key a request carries (body or query string), if it carries one. */
function apiKeyOf(req: Request): string | undefined {
  const key: unknown = (req.body as { api_key?: unknown } | undefined)?.api_key ?? req.query.api_key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/**
 * Open311 GeoReport v2 under /open311/v2: discovery, services, service definitions, requests (GET and
 * POST), one request, tokens, and FixMyStreet's servicerequestupdates; `.json` or `.xml` each. A
 * request's `jurisdiction_id` is the live run (default: the newest running one); POST files a real
 * appeal into it through the run's input log.
 */
export function open311Routes(deps: Open311Deps): Router {
  const { manager, auth } = deps;
  const r = Router();
  // One locator per city, built by its first request (building is synchronous: a request that
  // arrives meanwhile finds it built, never builds its own).
  const locators = new WeakMap<City, Locator>();
  const locatorOf = async (runId: string) => {
    const city = (await manager.lookup(runId)).model.city.city;
    let locator = locators.get(city);
    if (!locator) {
      locator = new Locator(city);
      locators.set(city, locator);
    }
    return locator;
  };

  const route =
    (handler: (req: Request, res: Response, format: Format) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      const format = req.params.format;
      if (format !== 'json' && format !== 'xml') {
        sendError(res, 'json', 404, `unknown format ".${String(format)}": use .json or .xml`);
        return;
      }
      try {
        const refused = open311Refusal(res);
        if (refused !== undefined && apiKeyOf(req) === undefined)
          throw new Open311Error(
            403,
            `${refused}; Open311 clients on other sites send an api_key, not a session cookie`,
          );
        await handler(req, res, format);
      } catch (err) {
        if (err instanceof Open311Error) return sendError(res, format, err.status, err.description);
        if (err instanceof ApiError)
          return sendError(res, format, err.status === 422 ? 400 : err.status, err.message);
        deps.logger.error({ err }, 'open311 request failed');
        sendError(res, format, 500, 'internal error (logged on the server)');
      }
    };

  const withClock = async (run: RunInfo): Promise<Open311Run> => ({
    id: run.id,
    clock: await RunClock.of(manager.redis, run),
    cityEn: knownCityKeys().includes(run.city) ? cityByKey(run.city).nameEn : run.city,
  });
  const open311Run = async (runId: string) => {
    const run = await manager.get(runId);
    return run ? withClock(run) : undefined;
  };

  /** The run a request is about: jurisdiction_id, else the newest running (or paused) run. */
  const runOf = async (jurisdiction: string | undefined) => {
    if (jurisdiction !== undefined) {
      const run = await open311Run(jurisdiction);
      if (!run) throw new Open311Error(404, `jurisdiction_id "${jurisdiction}": no such run`);
      return run;
    }
    const runs = await manager.list();
    const run = runs.find((x) => x.status === 'running' || x.status === 'paused') ?? runs[0];
    if (!run) throw new Open311Error(404, 'no run is live: give a jurisdiction_id (a run id)');
    return withClock(run);
  };

  /** Who may write: an api key (bound to a run, or any), or an instructor's or trainee's session. */
  const writer = async (req: Request, res: Response, apiKey: string | undefined, jurisdiction?: string) => {
    if (apiKey !== undefined) {
      const key = await auth.apiKeys.check(apiKey);
      if (!key) throw new Open311Error(403, 'api_key is not valid (keys are issued by the instructor)');
      if (key.runId !== null && jurisdiction !== undefined && jurisdiction !== key.runId)
        throw new Open311Error(403, `this api_key files into run "${key.runId}" only`);
      return key.runId ?? jurisdiction;
    }
    const session = sessionOf(res);
    if (session?.role === 'instructor') return jurisdiction;
    if (session?.role === 'trainee') {
      if (jurisdiction !== undefined && jurisdiction !== session.runId)
        throw new Open311Error(403, `this seat files into run "${session.runId ?? ''}" only`);
      return session.runId ?? undefined;
    }
    void req;
    // GeoReport v2: a missing api key is 403, like an invalid one.
    throw new Open311Error(403, session ? 'an observer may not file requests' : 'api_key is required');
  };

  // Per api key when the key is valid (a proxy like FixMyStreet files for many people from one
  // address), else per client address: made-up keys must not each get a fresh allowance.
  const postLimit = limitPerMinute(
    deps.postsPerMinute,
    'Open311 requests',
    async (req) => {
      const key = (req.body as { api_key?: unknown } | undefined)?.api_key;
      const info = typeof key === 'string' ? await auth.apiKeys.check(key) : undefined;
      return info ? `key:${info.id}` : ipKeyGenerator(req.ip ?? '');
    },
    (req, res, message) => sendError(res, req.params.format === 'xml' ? 'xml' : 'json', 429, message),
  );

  // Reads too: a page of a large run costs the server real work, and a scraper must not starve the live runs.
  const getLimit = limitPerMinute(
    deps.getsPerMinute ?? 1200,
    'Open311 reads',
    async (req) => {
      const key = req.query.api_key;
      const info = typeof key === 'string' ? await auth.apiKeys.check(key) : undefined;
      return info ? `key:${info.id}` : ipKeyGenerator(req.ip ?? '');
    },
    (req, res, message) => sendError(res, req.path.endsWith('.xml') ? 'xml' : 'json', 429, message),
  );
  r.use((req, res, next) => (req.method === 'GET' ? getLimit(req, res, next) : next()));

  /**
   * Who reads: anyone with a session or a valid api key sees every field; an anonymous reader sees
   * the public ones only (FixMyStreet's rule): no citizen's words, no place finer than the street.
   */
  const readerOf = async (req: Request, res: Response): Promise<Reader> => {
    if (sessionOf(res)) return 'full';
    const key = req.query.api_key;
    return typeof key === 'string' && (await auth.apiKeys.check(key)) ? 'full' : 'public';
  };

  const forms = [
    express.urlencoded({ extended: true, limit: BODY_LIMIT, parameterLimit: 100 }),
    express.json({ limit: BODY_LIMIT }),
  ];

  r.get(
    '/discovery.:format',
    route(async (req, res, format) => {
      const base = `${req.protocol}://${req.get('host') ?? 'localhost'}/open311/v2`;
      const doc = {
        changeset: '2026-11-27T00:00:00+08:00',
        contact: 'hotline-sim (12345 接诉即办 simulator): ask your instructor',
        key_service: 'api keys are issued by the instructor (POST /api/open311/keys)',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: base,
            changeset: '2026-11-27T00:00:00+08:00',
            type: 'production',
            formats: ['application/json', 'text/xml'],
          },
        ],
      };
      send(res, format, 200, doc, () =>
        toXml('discovery', null, doc, { endpoints: 'endpoint', formats: 'format' }),
      );
    }),
  );

  r.get(
    '/services.:format',
    route(async (_req, res, format) => {
      send(res, format, 200, SERVICES, () => toXml('services', 'service', SERVICES));
    }),
  );

  r.get(
    '/services/:code.:format',
    route(async (req, res, format) => {
      const code = String(req.params.code);
      if (!SERVICES.some((s) => s.service_code === code))
        throw new Open311Error(404, `service_code "${code.slice(0, 60)}" not found (see services.${format})`);
      const def = serviceDefinition(code);
      send(res, format, 200, def, () =>
        toXml('service_definition', null, def, { attributes: 'attribute', values: 'value' }),
      );
    }),
  );

  const ctx: Open311Context = {
    manager,
    store: manager.appealStore,
    filed: new FiledRequests(manager.redis),
    route,
    runOf,
    open311Run,
    writer,
    forms,
    postLimit,
    locatorOf,
    readerOf,
  };
  requestRoutes(r, ctx);
  updateRoutes(r, ctx);

  // Bodies the parsers refuse (too large, malformed JSON, too many fields) answer in the spec's shape.
  r.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    const e = err as { type?: string; status?: number; message?: string };
    const format: Format = req.path.endsWith('.xml') ? 'xml' : 'json';
    if (res.headersSent) return next(err);
    if (e.type === 'entity.too.large')
      return sendError(res, format, 413, `request body too large (limit ${BODY_LIMIT})`);
    if (typeof e.status === 'number' && e.status < 500)
      return sendError(res, format, 400, `malformed request body: ${e.message ?? e.type ?? 'unreadable'}`);
    next(err);
  });
  return r;
}
