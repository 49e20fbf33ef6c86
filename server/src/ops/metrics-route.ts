import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Metrics } from './metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * GET /metrics: Prometheus' text format. Public when `token` is null (it shows run counts, queue
 * depths and the KPIs of live runs: no appeal, citizen or session); with a token (METRICS_TOKEN),
 * only a scrape carrying `Authorization: Bearer <token>` (Prometheus' `authorization` setting) is
 * answered, others get 401 saying what to send. Compared as digests in constant time.
 */
export function metricsRoutes(metrics: Metrics, token: string | null): Router {
  const r = Router();
  const expected = token === null ? null : digest(token);
  r.get('/metrics', async (req, res, next) => {
    if (expected !== null) {
      const [scheme, given] = (req.get('authorization') ?? '').split(' ', 2);
      if (scheme?.toLowerCase() !== 'bearer' || !given || !timingSafeEqual(digest(given), expected)) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer realm="metrics"')
          .json({ error: 'metrics need Authorization: Bearer <METRICS_TOKEN>' });
        return;
      }
    }
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (err) {
      next(err);
    }
  });
  return r;
}
