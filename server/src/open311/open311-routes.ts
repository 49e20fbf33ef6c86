import { randomUUID } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Logger } from 'pino';
import { z } from 'zod';
import { limitPerMinute, sessionOf, type Auth } from '../auth';
import { ApiError } from '../live/errors';
import type { RunManager } from '../live/run-manager';
import { runKeys } from '../live/keys';
import { describeZodError } from '../http/handlers';
import { badCharacter, badTextMessage } from '../http/text';
import { Open311Error, send, sendError, toXml, type Format } from './format';
import { Locator } from './locate';
import {
  UPDATE_STATUS,
  open311Keys,
  parseRequestId,
  requestId,
  statusNotes,
  toRequest,
  type FiledRecord,
} from './requests';
import { SERVICES, URGENCY, serviceDefinition } from './services';
import { isoToVirtual, normalizeIso, virtualToIso } from './time';

export interface Open311Deps {
  manager: RunManager;
  auth: Auth;
  logger: Logger;
  /** Open311 POSTs per minute per api key (or client address). */
  postsPerMinute: number;
}

/** Largest Open311 body (form or JSON): a description of 4,000 characters fits many times over. */
const BODY_LIMIT = '64kb';
const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      const character = badCharacter(value);
      if (character) ctx.addIssue({ code: 'custom', message: badTextMessage(character) });
    });
const number = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,15})?$/, 'must be a decimal number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));
const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'must be a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const runIdSchema = z.string().regex(/^[a-zA-Z0-9-]{1,64}$/, 'a jurisdiction_id is a run id');
const dateTime = z
  .string()
  .max(40)
  .transform(normalizeIso)
  .refine((v) => Number.isFinite(Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}+08:00`)), {
    message: 'must be an ISO 8601 date-time, e.g. 2025-03-12T09:00:00+08:00',
  });

/** POST requests: GeoReport v2 fields, plus `attribute[urgency]`. Strings, as a form sends them. */
const postSchema = z.object({
  api_key: text(200).optional(),
  jurisdiction_id: runIdSchema.optional(),
  service_code: text(60).min(1, 'is required'),
  lat: number(-90, 90).optional(),
  long: number(-180, 180).optional(),
  address_string: text(500).optional(),
  address_id: text(40).optional(),
  email: text(200).optional(),
  device_id: text(200).optional(),
  account_id: text(200).optional(),
  first_name: text(200).optional(),
  last_name: text(200).optional(),
  phone: text(50).optional(),
  description: text(4000).optional(),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  attribute: z.object({ urgency: z.enum(URGENCY.map((u) => u.key)).optional() }).optional(),
});

const listSchema = z.object({
  jurisdiction_id: runIdSchema.optional(),
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(2000).optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))?$/, 'is open, closed or open,closed')
    .optional(),
  start_date: dateTime.optional(),
  end_date: dateTime.optional(),
  updated_after: dateTime.optional(),
  updated_before: dateTime.optional(),
  page: whole(1, 1_000_000).default(1),
  page_size: whole(1, MAX_PAGE_SIZE).default(PAGE_SIZE),
  extensions: z.enum(['true', 'false']).optional(),
  api_key: z.string().max(200).optional(),
});

const updatePostSchema = z.object({
  api_key: text(200).optional(),
  jurisdiction_id: runIdSchema.optional(),
  service_request_id: z.string().max(100),
  update_id: text(100).optional(),
  updated_datetime: dateTime.optional(),
  status: text(40).optional(),
  description: text(4000).min(1, 'is required'),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  email: text(200).optional(),
  first_name: text(200).optional(),
  last_name: text(200).optional(),
});

const updatesListSchema = z.object({
  jurisdiction_id: runIdSchema.optional(),
  start_date: dateTime.optional(),
  end_date: dateTime.optional(),
  api_key: z.string().max(200).optional(),
});

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(withoutEmpty(value ?? {}));
  if (!result.success) throw new Open311Error(400, describeZodError(result.error));
  return result.data;
}

/**
 * An empty parameter counts as absent (issue 13: FixMyStreet always sends `jurisdiction_id=`, even
 * when it has none).
 */
function withoutEmpty(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ''));
}

const firstOf = (query: Request['query']) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    // A repeated `status` (status=open&status=closed) means either, as `open,closed` does.
    if (k === 'status' && Array.isArray(v) && v.every((s) => typeof s === 'string'))
      out[k] = [...new Set((v as string[]).filter((s) => s !== ''))].join(',');
    // Any other repeated parameter (?page=1&page=2) arrives as an array: refuse it by name.
    else if (typeof v !== 'string') throw new Open311Error(400, `${k}: give the parameter once, as text`);
    else out[k] = v;
  }
  return out;
};

/**
 * Open311 GeoReport v2 under /open311/v2: discovery, services, service definitions, requests (GET and
 * POST), one request, tokens, and FixMyStreet's servicerequestupdates; `.json` or `.xml` each. A
 * request's `jurisdiction_id` is the live run (default: the newest running one); POST files a real
 * appeal into it through the run's input log.
 */
export function open311Routes(deps: Open311Deps): Router {
  const { manager, auth } = deps;
  const r = Router();
  let locator: Locator | undefined;
  const locatorOf = async (runId: string) => {
    locator ??= new Locator((await manager.lookup(runId)).model.city.city);
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
        await handler(req, res, format);
      } catch (err) {
        if (err instanceof Open311Error) return sendError(res, format, err.status, err.description);
        if (err instanceof ApiError)
          return sendError(res, format, err.status === 422 ? 400 : err.status, err.message);
        deps.logger.error({ err }, 'open311 request failed');
        sendError(res, format, 500, 'internal error (logged on the server)');
      }
    };

  /** The run a request is about: jurisdiction_id, else the newest running (or paused) run. */
  const runOf = async (jurisdiction: string | undefined) => {
    if (jurisdiction !== undefined) {
      const run = await manager.get(jurisdiction);
      if (!run) throw new Open311Error(404, `jurisdiction_id "${jurisdiction}": no such run`);
      return run;
    }
    const runs = await manager.list();
    const run = runs.find((x) => x.status === 'running' || x.status === 'paused') ?? runs[0];
    if (!run) throw new Open311Error(404, 'no run is live: give a jurisdiction_id (a run id)');
    return run;
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
    throw new Open311Error(
      session ? 403 : 400,
      session ? 'an observer may not file requests' : 'api_key is required',
    );
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

  r.post(
    '/requests.:format',
    ...forms,
    postLimit,
    route(async (req, res, format) => {
      const body = parse(postSchema, req.body);
      const runId = await writer(req, res, body.api_key, body.jurisdiction_id);
      // A named run is checked when the appeal is filed (exists, still live): one round trip fewer.
      const run = runId !== undefined ? { id: runId } : await runOf(undefined);
      if (!SERVICES.some((s) => s.service_code === body.service_code))
        throw new Open311Error(
          400,
          `service_code "${body.service_code}" is not a service (see services.${format})`,
        );
      const locate = await locatorOf(run.id);
      let cell: number;
      if (body.lat !== undefined || body.long !== undefined) {
        if (body.lat === undefined || body.long === undefined)
          throw new Open311Error(400, 'lat and long go together');
        cell = locate.nearest(body.lat, body.long);
        if (cell < 0) throw new Open311Error(400, `lat ${body.lat}, long ${body.long} lies outside Beijing`);
      } else if (body.address_id !== undefined) {
        cell = locate.byId(body.address_id);
        if (cell < 0)
          throw new Open311Error(
            400,
            `address_id "${body.address_id}" is not a community or street code of Beijing`,
          );
      } else if (body.address_string !== undefined) {
        cell = locate.byAddress(body.address_string);
        if (cell < 0)
          throw new Open311Error(
            400,
            'address_string names no community or street of Beijing: give lat and long',
          );
      } else {
        throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
      }
      const cellCode = (await manager.lookup(run.id)).model.city.city.cells[cell]?.id ?? '';
      if (cellCode === '') throw new Open311Error(400, 'the location matches no community of the city');
      const token = randomUUID();
      const record: FiledRecord = {
        run: run.id,
        token,
        service_code: body.service_code,
        ...(body.description ? { description: body.description } : {}),
        ...(body.address_string ? { address: body.address_string } : {}),
        ...(body.address_id ? { address_id: body.address_id } : {}),
        ...(body.lat !== undefined ? { lat: String(body.lat), long: String(body.long) } : {}),
        ...(body.media_url ? { media_url: body.media_url } : {}),
        ...(body.attribute?.urgency ? { urgency: body.attribute.urgency } : {}),
        requested: new Date().toISOString(),
      };
      await manager.fileAppeal(
        run.id,
        { category: body.service_code, cell: cellCode, channel: 'open311', token },
        open311Keys.request(token),
        record as unknown as Record<string, string>,
      );
      const out = [
        {
          token,
          service_notice: `受理 Received by 12345 in run ${run.id}: it becomes a work order within minutes`,
          account_id: body.account_id ?? null,
        },
      ];
      send(res, format, 201, out, () => toXml('service_requests', 'request', out));
    }),
  );

  /** The appeal id a token became, once the run's owner has logged it. */
  const appealOfToken = async (token: string) => {
    const run = await manager.redis.hget(open311Keys.request(token), 'run');
    if (!run) return undefined;
    const id = await manager.redis.hget(runKeys(run).tokens, token);
    return { run, appealId: id === null ? null : Number(id) };
  };

  r.get(
    '/tokens/:token.:format',
    route(async (req, res, format) => {
      const token = String(req.params.token);
      const found = /^[0-9a-f-]{36}$/.test(token) ? await appealOfToken(token) : undefined;
      if (!found) throw new Open311Error(404, `token "${token.slice(0, 60)}" not found`);
      const out = [
        {
          service_request_id: found.appealId === null ? null : requestId(found.run, found.appealId),
          token,
        },
      ];
      send(res, format, 200, out, () => toXml('service_requests', 'request', out));
    }),
  );

  /** A run's appeal as an Open311 request; undefined when the run has no such appeal. */
  const requestOf = async (run: { id: string; start: string }, appealId: number, extensions: boolean) => {
    const appeal = await manager.appeal(run.id, appealId, true);
    if (!appeal) return undefined;
    const [token, whistle, updates] = await Promise.all([
      manager.redis.hget(runKeys(run.id).tokens, `#${appealId}`),
      manager.redis.sismember(runKeys(run.id).whistles, appealId),
      manager.redis.llen(open311Keys.updates(run.id, appealId)),
    ]);
    const filed =
      token === null
        ? undefined
        : ((await manager.redis.hgetall(open311Keys.request(token))) as unknown as FiledRecord);
    return toRequest(run, appeal, {
      ...(filed ? { filed } : {}),
      whistle: whistle === 1,
      extensions,
      updates,
    });
  };

  r.get(
    '/requests/:id.:format',
    route(async (req, res, format) => {
      const id = String(req.params.id);
      const parsed = parseRequestId(id);
      const q = parse(
        listSchema.pick({ extensions: true, jurisdiction_id: true, api_key: true }),
        firstOf(req.query),
      );
      const run = parsed ? await manager.get(parsed.runId) : undefined;
      const request =
        run && parsed ? await requestOf(run, parsed.appealId, q.extensions === 'true') : undefined;
      if (!request) throw new Open311Error(404, `service_request_id "${id.slice(0, 80)}" not found`);
      const out = [request];
      send(res, format, 200, out, () => toXml('service_requests', 'request', out));
    }),
  );

  r.get(
    '/requests.:format',
    route(async (req, res, format) => {
      const q = parse(listSchema, firstOf(req.query));
      const run = await runOf(q.jurisdiction_id);
      const extensions = q.extensions === 'true';
      let ids: number[];
      if (q.service_request_id !== undefined) {
        ids = q.service_request_id
          .split(',')
          .map((s) => parseRequestId(s.trim()))
          .filter((p) => p?.runId === run.id)
          .map((p) => (p as { appealId: number }).appealId);
      } else {
        ids = (await manager.redis.zrevrange(runKeys(run.id).all, 0, -1)).map(Number);
      }
      // GeoReport v2: with a service_request_id list, the other filters are ignored.
      const byId = q.service_request_id !== undefined;
      const codes = byId ? undefined : q.service_code?.split(',').map((s) => s.trim());
      const statuses = byId ? undefined : q.status?.split(',');
      const bound = (v: string | undefined, fallback: number) =>
        v === undefined || byId ? fallback : isoToVirtual(run.start, v);
      const startAt = bound(q.start_date, -Infinity);
      const endAt = bound(q.end_date, Infinity);
      const after = bound(q.updated_after, -Infinity);
      const before = bound(q.updated_before, Infinity);
      const skip = byId ? 0 : (q.page - 1) * q.page_size;
      const out: unknown[] = [];
      let matched = 0;
      // Newest first; each appeal's stored fields decide the filters, read a batch at a time.
      for (let i = 0; i < ids.length && out.length < q.page_size; i += 500) {
        const batch = ids.slice(i, i + 500);
        const pipe = manager.redis.pipeline();
        for (const a of batch) pipe.hmget(runKeys(run.id).appeal(a), 'state', 'fields');
        const rows = (await pipe.exec()) ?? [];
        for (let j = 0; j < batch.length && out.length < q.page_size; j++) {
          const [state, fieldsText] = (rows[j]?.[1] ?? []) as (string | null)[];
          if (!state || !fieldsText) continue;
          const f = JSON.parse(fieldsText) as { category: number; updated?: number };
          const closed = state === 'closed' || state === 'answered' || state === 'redirected';
          if (statuses && !statuses.includes(closed ? 'closed' : 'open')) continue;
          // Whole seconds, as updated_datetime shows them.
          const updated = Math.floor(f.updated ?? 0);
          if (updated <= after || updated >= before) continue;
          const detail = await requestOf(run, batch[j] as number, extensions);
          if (!detail) continue;
          if (codes && !codes.includes(detail.service_code)) continue;
          const requested = isoToVirtual(run.start, detail.requested_datetime);
          if (requested < startAt || requested > endAt) continue;
          if (matched++ < skip) continue;
          out.push(detail);
        }
      }
      send(res, format, 200, out, () => toXml('service_requests', 'request', out));
    }),
  );

  r.post(
    '/servicerequestupdates.:format',
    ...forms,
    postLimit,
    route(async (req, res, format) => {
      const body = parse(updatePostSchema, req.body);
      const target = parseRequestId(body.service_request_id);
      const runId = await writer(req, res, body.api_key, target?.runId ?? body.jurisdiction_id);
      if (!target || (runId !== undefined && runId !== target.runId))
        throw new Open311Error(404, `service_request_id "${body.service_request_id.slice(0, 80)}" not found`);
      const run = await manager.get(target.runId);
      const appeal = run ? await manager.appeal(run.id, target.appealId, false) : undefined;
      if (!run || !appeal)
        throw new Open311Error(404, `service_request_id "${body.service_request_id.slice(0, 80)}" not found`);
      const updateId = `${requestId(run.id, target.appealId)}-c${randomUUID().slice(0, 8)}`;
      const update = {
        update_id: updateId,
        service_request_id: requestId(run.id, target.appealId),
        status: body.status ?? (appeal.state === 'closed' ? 'CLOSED' : 'OPEN'),
        updated_datetime: body.updated_datetime ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        description: body.description,
        media_url: body.media_url ?? null,
        from: 'citizen',
      };
      await manager.redis.rpush(open311Keys.updates(run.id, target.appealId), JSON.stringify(update));
      const out = [{ update_id: updateId }];
      send(res, format, 201, out, () => toXml('service_request_updates', 'request_update', out));
    }),
  );

  r.get(
    '/servicerequestupdates.:format',
    route(async (req, res, format) => {
      const q = parse(updatesListSchema, firstOf(req.query));
      const run = await runOf(q.jurisdiction_id);
      const from = q.start_date === undefined ? -Infinity : isoToVirtual(run.start, q.start_date);
      const to = q.end_date === undefined ? Infinity : isoToVirtual(run.start, q.end_date);
      const filed = (await manager.redis.zrange(runKeys(run.id).external, '0', '-1')).map(Number);
      const out: unknown[] = [];
      for (const appealId of filed) {
        const appeal = await manager.appeal(run.id, appealId, true);
        if (!appeal) continue;
        const id = requestId(run.id, appealId);
        for (const h of appeal.history) {
          if (h.at < from || h.at > to) continue;
          out.push({
            update_id: `${id}-${h.seq}`,
            service_request_id: id,
            status: UPDATE_STATUS[h.to],
            updated_datetime: virtualToIso(run.start, h.at),
            description: statusNotes(h.to),
            media_url: null,
          });
        }
      }
      send(res, format, 200, out, () => toXml('service_request_updates', 'request_update', out));
    }),
  );

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
