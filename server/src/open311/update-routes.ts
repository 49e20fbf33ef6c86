import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { Open311Context } from './context';
import { Open311Error, send, toXml } from './format';
import { firstOf, parse, updatePostSchema, updatesListSchema } from './params';
import { UPDATE_STATUS, parseRequestId, requestId, statusNotes } from './requests';
import { isoToSecond } from './time';

/** FixMyStreet's servicerequestupdates: a client's update to a request, and the updates of a run. */
export function updateRoutes(r: Router, ctx: Open311Context): void {
  const { manager, store, filed, route, runOf, writer, forms, postLimit } = ctx;

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
      const appeal = run ? await manager.appealViews.detail(run.id, target.appealId, false) : undefined;
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
        from: 'citizen' as const,
      };
      await filed.addUpdate(run.id, target.appealId, update);
      const out = [{ update_id: updateId }];
      send(res, format, 201, out, () => toXml('service_request_updates', 'request_update', out));
    }),
  );

  r.get(
    '/servicerequestupdates.:format',
    route(async (req, res, format) => {
      const q = parse(updatesListSchema, firstOf(req.query));
      const run = await runOf(q.jurisdiction_id);
      // Whole seconds of the dates the API writes (a fast run has many steps in one second).
      const from = q.start_date === undefined ? -Infinity : isoToSecond(q.start_date);
      const to = q.end_date === undefined ? Infinity : isoToSecond(q.end_date);
      const [external, citizens] = await Promise.all([store.externalIds(run.id), filed.runUpdates(run.id)]);
      const out: (Record<string, unknown> & { updated_datetime: string })[] = [];
      for (const appealId of external) {
        const appeal = await manager.appealViews.detail(run.id, appealId, true);
        if (!appeal) continue;
        const id = requestId(run.id, appealId);
        for (const h of appeal.history) {
          const second = run.clock.secondOf(h.at);
          if (second < from || second > to) continue;
          out.push({
            update_id: `${id}-${h.seq}`,
            service_request_id: id,
            status: UPDATE_STATUS[h.to],
            updated_datetime: run.clock.toIso(h.at),
            description: statusNotes(h.to),
            media_url: null,
          });
        }
      }
      // Citizens' own updates (POSTed here) are listed back with the hotline's, in time order.
      for (const { from: _from, ...update } of citizens) {
        const second = isoToSecond(update.updated_datetime);
        if (second < from || second > to) continue;
        out.push(update);
      }
      out.sort((a, b) => Date.parse(a.updated_datetime) - Date.parse(b.updated_datetime));
      send(res, format, 200, out, () => toXml('service_request_updates', 'request_update', out));
    }),
  );
}
