import { randomUUID } from 'node:crypto';
import type { AppealDetail } from '@hotline-sim/shared';
import type { Request, Response, Router } from 'express';
import { sessionOf } from '../auth';
import type { Open311Context, Open311Run } from './context';
import { filedRecordFields, open311Keys, type FiledRecord } from './filed-requests';
import { Open311Error, send, toXml } from './format';
import { firstOf, listSchema, parse, postSchema } from './params';
import { parseRequestId, requestId, toRequest } from './requests';
import { SERVICES } from './services';
import { isoToSecond } from './time';

/** How long a POST waits for the run's owner to admit the appeal before it answers the token alone. */
const ADMIT_WAIT_MS = 1500;
const ADMIT_POLL_MS = 10;

/** Arrays of a request in XML: `<notes><note>…</note></notes>` (extensions). */
const REQUEST_ARRAYS = { notes: 'note' };

/** GeoReport v2 requests: file one (POST), list them, show one, and the token a POST gave. */
export function requestRoutes(r: Router, ctx: Open311Context): void {
  const { manager, store, filed, route, runOf, open311Run, writer, forms, postLimit, locatorOf, readerOf } =
    ctx;

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
          404,
          `service_code "${body.service_code}" is not a service (see services.${format})`,
        );
      const locate = await locatorOf(run.id);
      let cell: number;
      if (body.lat !== undefined || body.long !== undefined) {
        if (body.lat === undefined || body.long === undefined)
          throw new Open311Error(400, 'lat and long go together');
        cell = locate.nearest(body.lat, body.long);
        if (cell < 0)
          throw new Open311Error(400, `lat ${body.lat}, long ${body.long} lies outside ${locate.cityNameEn}`);
      } else if (body.address_id !== undefined) {
        cell = locate.byId(body.address_id);
        if (cell < 0)
          throw new Open311Error(
            400,
            `address_id "${body.address_id}" is not a community or street code of ${locate.cityNameEn}`,
          );
      } else if (body.address_string !== undefined) {
        cell = locate.byAddress(body.address_string);
        if (cell < 0)
          throw new Open311Error(
            400,
            `address_string "${body.address_string.slice(0, 80)}" names no community, street/township, road or district of ${locate.cityNameEn}: give lat and long`,
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
      const filing = await manager.fileAppeal(
        run.id,
        { category: body.service_code, cell: cellCode, channel: 'open311', token },
        open311Keys.request(token),
        filedRecordFields(record),
      );
      const appealId =
        filing.appealId ?? (filing.status === 'running' ? await admitted(run.id, token) : null);
      const out = [
        {
          ...(appealId === null ? {} : { service_request_id: requestId(run.id, appealId) }),
          token,
          service_notice:
            appealId === null
              ? `受理 Received by 12345 in run ${run.id}: it becomes a work order within minutes`
              : `受理 Received by 12345 in run ${run.id} as a work order`,
          account_id: body.account_id ?? null,
        },
      ];
      send(res, format, 201, out, () => toXml('service_requests', 'request', out));
    }),
  );

  /**
   * The appeal a token filed into a running run became, when the run's owner logs it within
   * {@link ADMIT_WAIT_MS} (the services are `realtime`: `fileAppeal` answers the id when this server
   * owns the run; an owner on another server, or a tick that took the appeal first, maps the token
   * at once or at its next tick); null when not by then, so the client asks with the token later.
   */
  const admitted = async (runId: string, token: string): Promise<number | null> => {
    const until = Date.now() + ADMIT_WAIT_MS;
    for (;;) {
      const id = await store.appealOfToken(runId, token);
      if (id !== null || Date.now() >= until) return id;
      await new Promise((resolve) => setTimeout(resolve, ADMIT_POLL_MS));
    }
  };

  /**
   * Issue 13, point 4: while a training run is live, a trainee reads its appeals without the answer key
   * (their true category and unit); the instructor, observers, api keys and anyone after the run see it.
   */
  const withheld = async (res: Response, runId: string): Promise<boolean> => {
    if (sessionOf(res)?.role !== 'trainee') return false;
    const info = await manager.get(runId);
    if (!info || info.status === 'finished' || info.status === 'stopped') return false;
    return ((await manager.lookup(runId)).scenario.lifecycle?.training?.seats.length ?? 0) > 0;
  };

  /** What this reader sees of a run's requests: the answer key hidden from trainees, public fields for anonymous readers. */
  const viewOf = async (req: Request, res: Response, runId: string) => ({
    hide: await withheld(res, runId),
    publicOnly: (await readerOf(req, res)) === 'public',
  });

  /** The appeal id a token became, once the run's owner has logged it. */
  const appealOfToken = async (token: string) => {
    const run = await filed.runOf(token);
    if (!run) return undefined;
    return { run, appealId: await store.appealOfToken(run, token) };
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
  const requestOf = async (
    run: Open311Run,
    appeal: AppealDetail,
    extensions: boolean,
    view: { hide: boolean; publicOnly: boolean },
  ) => {
    const token = await store.tokenOf(run.id, appeal.id);
    const [record, whistle, updates] = await Promise.all([
      token === null ? undefined : filed.get(token),
      store.whistled(run.id, appeal.id),
      filed.updateCount(run.id, appeal.id),
    ]);
    return toRequest(run, appeal, {
      ...(record ? { filed: record } : {}),
      whistle,
      extensions,
      updates,
      withheld: view.hide,
      publicOnly: view.publicOnly,
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
      const run = parsed ? await open311Run(parsed.runId) : undefined;
      const appeal =
        run && parsed ? await manager.appealViews.detail(run.id, parsed.appealId, true) : undefined;
      const request =
        run && appeal
          ? await requestOf(run, appeal, q.extensions === 'true', await viewOf(req, res, run.id))
          : undefined;
      if (!request) throw new Open311Error(404, `service_request_id "${id.slice(0, 80)}" not found`);
      const out = [request];
      send(res, format, 200, out, () => toXml('service_requests', 'request', out, REQUEST_ARRAYS));
    }),
  );

  r.get(
    '/requests.:format',
    route(async (req, res, format) => {
      const q = parse(listSchema, firstOf(req.query));
      const run = await runOf(q.jurisdiction_id);
      const extensions = q.extensions === 'true';
      const view = await viewOf(req, res, run.id);
      // GeoReport v2: with a service_request_id list, the other filters are ignored.
      const byId = q.service_request_id !== undefined;
      const listed = byId
        ? (q.service_request_id ?? '')
            .split(',')
            .map((s) => parseRequestId(s.trim()))
            .filter((p) => p?.runId === run.id)
            .map((p) => (p as { appealId: number }).appealId)
        : undefined;
      const codes = byId ? undefined : q.service_code?.split(',').map((s) => s.trim());
      const statuses = byId ? undefined : q.status?.split(',');
      // Bounds in whole seconds of the dates the API writes (a fast run has many steps in one second).
      const bound = (v: string | undefined, fallback: number) =>
        v === undefined || byId ? fallback : isoToSecond(v);
      const startAt = bound(q.start_date, -Infinity);
      const endAt = bound(q.end_date, Infinity);
      const after = bound(q.updated_after, -Infinity);
      const before = bound(q.updated_before, Infinity);
      const filtered =
        codes !== undefined ||
        statuses !== undefined ||
        [q.start_date, q.end_date, q.updated_after, q.updated_before].some((d) => d !== undefined);
      // Unfiltered, a page starts at its offset in the index; filtered, the pages before it are counted.
      const offset = byId || filtered ? 0 : (q.page - 1) * q.page_size;
      const skip = byId ? 0 : (q.page - 1) * q.page_size - offset;
      const out: unknown[] = [];
      let matched = 0;
      // Newest received first; each appeal's stored record decides the filters, a batch at a time.
      for (let i = 0; out.length < q.page_size; i += 500) {
        const batch = listed ? listed.slice(i, i + 500) : await store.byReceived(run.id, offset + i, 500);
        if (batch.length === 0) break;
        const reads = await store.readMany(run.id, batch, false);
        for (let j = 0; j < batch.length && out.length < q.page_size; j++) {
          const record = reads[j]?.record;
          if (!record) continue;
          const closed =
            record.state === 'closed' || record.state === 'answered' || record.state === 'redirected';
          if (statuses && !statuses.includes(closed ? 'closed' : 'open')) continue;
          // Whole seconds, as updated_datetime shows them.
          const updated = run.clock.secondOf(record.fields.updated ?? 0);
          if (updated <= after || updated >= before) continue;
          const appeal = await manager.appealViews.detail(run.id, record.id, true);
          const detail = appeal ? await requestOf(run, appeal, extensions, view) : undefined;
          if (!detail) continue;
          if (codes && !codes.includes(detail.service_code)) continue;
          const requested = isoToSecond(detail.requested_datetime);
          if (requested < startAt || requested > endAt) continue;
          if (matched++ < skip) continue;
          out.push(detail);
        }
      }
      send(res, format, 200, out, () => toXml('service_requests', 'request', out, REQUEST_ARRAYS));
    }),
  );
}
