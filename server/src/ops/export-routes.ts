import { locateAppeal, type KpiEstimate, type Report } from '@hotline-sim/shared';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { allow, hideAnswersFromTrainee, sessionOf } from '../auth';
import { ApiError } from '../http/errors';
import type { RunManager } from '../live/run-manager';
import { parse } from '../http/handlers';
import { virtualToIso } from '../open311/time';
import { csvRow } from './csv';
import { runIdSchema } from '../http/run-id';

const formatSchema = z.enum(['json', 'csv'], { error: 'the export is .json or .csv' });
const BATCH = 500;

/**
 * Exports of a run, under /api: its report (`report.json`, `report.csv` with one row per KPI) and its
 * appeal log (`appeals.json`: every appeal with its history; `appeals.csv`: one row per step),
 * streamed a batch of appeals at a time so a whole city day never sits in memory at once. A trainee
 * gets the appeal log only once their exercise has ended (it is the answer key).
 */
export function exportRoutes(manager: RunManager): Router {
  const r = Router();
  const target = async (req: Request) => {
    const id = parse(runIdSchema, req.params.id, 'run id');
    const format = parse(formatSchema, req.params.format, 'format');
    const run = await manager.info(id);
    return { id, format, run };
  };
  const attach = (res: Response, name: string, format: 'json' | 'csv') => {
    res.type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8');
    res.attachment(name);
  };

  r.get('/runs/:id/export/report.:format', allow('run'), async (req, res, next) => {
    try {
      const { id, format } = await target(req);
      const report: Report | null = await manager.report(id);
      if (!report)
        throw new ApiError(
          409,
          `run "${id}" has no report yet (the first comes within a second of its start)`,
        );
      attach(res, `${id}-report.${format}`, format);
      if (format === 'json') {
        res.send(JSON.stringify(report));
        return;
      }
      let out = csvRow(['kpi', 'mean', 'ci95_low', 'ci95_high']);
      for (const [kpi, e] of Object.entries(report.kpis) as [string, KpiEstimate][])
        out += csvRow([kpi, e.mean, e.ci95[0], e.ci95[1]]);
      res.send(out);
    } catch (err) {
      next(err);
    }
  });

  r.get('/runs/:id/export/appeals.:format', allow('run'), async (req, res, next) => {
    try {
      const { id, format, run } = await target(req);
      hideAnswersFromTrainee(sessionOf(res), run, 'the appeal export');
      const live = await manager.lookup(id);
      const city = live.model.city;
      const ids = await manager.appealStore.ids(id);
      attach(res, `${id}-appeals.${format}`, format);
      res.write(
        format === 'json'
          ? `{"run":${JSON.stringify(run)},"appeals":[`
          : csvRow([
              'run',
              'appeal',
              'seq',
              'from',
              'to',
              'virtual_seconds',
              'time',
              'source',
              'category',
              'street',
              'community',
              'unit',
              'outcome',
              'rating',
            ]),
      );
      let first = true;
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const reads = await manager.appealStore.readMany(id, batch, true);
        let chunk = '';
        batch.forEach((a, j) => {
          const read = reads[j];
          if (!read) return;
          const { record, history } = read;
          const f = record.fields;
          const where = locateAppeal(city.city, f.street, f.cell);
          const category = city.categories[f.category]?.id ?? '';
          const street = where.street?.id ?? '';
          const cell = where.cell?.id ?? '';
          const unitOf = (u: number) => city.units[u]?.id ?? '';
          if (format === 'json') {
            chunk += `${first ? '' : ','}${JSON.stringify({
              id: a,
              source: f.source,
              category,
              street,
              community: cell,
              unit: unitOf(f.unit),
              deadline: f.deadline,
              outcome: f.outcome,
              rating: f.rating,
              history: history.map((h) => ({
                seq: h.seq,
                from: h.from,
                to: h.to,
                at: h.at,
                unit: unitOf(h.unit),
              })),
            })}`;
            first = false;
          } else {
            for (const h of history)
              chunk += csvRow([
                id,
                a,
                h.seq,
                h.from ?? '',
                h.to,
                h.at,
                virtualToIso(run.start, h.at),
                f.source,
                category,
                street,
                cell,
                unitOf(h.unit),
                h.outcome ?? '',
                h.rating ?? '',
              ]);
          }
        });
        if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', () => resolve()));
        if (res.destroyed) return;
      }
      res.end(format === 'json' ? ']}' : '');
    } catch (err) {
      if (res.headersSent) res.destroy();
      else next(err);
    }
  });
  return r;
}
