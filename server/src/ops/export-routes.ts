import type { HistoryEntry, KpiEstimate, Report } from '@hotline-sim/shared';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import { ApiError } from '../live/errors';
import { runKeys } from '../live/keys';
import type { RunManager } from '../live/run-manager';
import { parse } from '../http/handlers';
import { virtualToIso } from '../open311/time';
import { csvRow } from './csv';

const runIdSchema = z.string().regex(/^[a-zA-Z0-9-]{1,64}$/, 'a run id is 1-64 letters, digits or dashes');
const formatSchema = z.enum(['json', 'csv'], { error: 'the export is .json or .csv' });
const BATCH = 500;

interface StoredFields {
  source: string;
  category: number;
  street: number;
  cell: number;
  unit: number;
  deadline: number | null;
  outcome: string | null;
  rating: string | null;
  updated?: number;
}

/**
 * Exports of a run, under /api: its report (`report.json`, `report.csv` with one row per KPI) and its
 * appeal log (`appeals.json`: every appeal with its history; `appeals.csv`: one row per step),
 * streamed a batch of appeals at a time so a whole city day never sits in memory at once.
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
      const live = await manager.lookup(id);
      const city = live.model.city;
      const k = runKeys(id);
      const ids = await manager.redis.zrange(k.all, '0', '-1');
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
        const pipe = manager.redis.pipeline();
        for (const a of batch) pipe.hget(k.appeal(a), 'fields').lrange(k.history(a), 0, -1);
        const rows = (await pipe.exec()) ?? [];
        let chunk = '';
        batch.forEach((a, j) => {
          const fieldsText = rows[2 * j]?.[1] as string | null;
          const historyTexts = (rows[2 * j + 1]?.[1] ?? []) as string[];
          if (!fieldsText) return;
          const f = JSON.parse(fieldsText) as StoredFields;
          const history = historyTexts.map((h) => JSON.parse(h) as HistoryEntry);
          const category = city.categories[f.category]?.id ?? '';
          const street = city.city.streets[f.street]?.id ?? '';
          const cell = city.city.cells[f.cell]?.id ?? '';
          const unitOf = (u: number) => city.units[u]?.id ?? '';
          if (format === 'json') {
            chunk += `${first ? '' : ','}${JSON.stringify({
              id: Number(a),
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
