import { KB_NOTICE, searchCatalogue, searchKnowledge } from '@hotline-sim/shared';
import { Router } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import { json, parse } from '../http/handlers';
import { runIdSchema } from '../http/run-id';
import type { RunManager } from '../live/run-manager';

/** What a look-up may ask: words (matter and/or place) of up to 100 characters. */
const words = z.string().trim().max(100, 'at most 100 characters');

/** `GET /runs/:id/catalogue?q=&street=`: `street` is a division code or a street's name (zh or pinyin). */
export const catalogueQuerySchema = z.strictObject({
  q: words.optional(),
  street: z.string().trim().min(1).max(60, 'at most 60 characters').optional(),
});

/** `GET /runs/:id/knowledge?q=`. */
export const knowledgeQuerySchema = z.strictObject({ q: words.optional() });

/**
 * The dispatcher's look-ups at a training seat (issue 18): the run city's 派单目录 (matter × place →
 * owning unit) and the 知识库 (answers for the common 咨询). Access (roles.ts, `run`): the instructor,
 * observers and the run's trainees: both are reference material, not the answers of the appeals
 * waiting (a 咨询's entry must still be recognised; a unit must still be matched to the place).
 */
export function lookupRoutes(manager: RunManager): Router {
  const r = Router();
  r.get(
    '/runs/:id/catalogue',
    allow('run'),
    json(async (req) => {
      const id = parse(runIdSchema, req.params.id, 'run id');
      const query = parse(catalogueQuerySchema, req.query, 'query');
      const live = await manager.lookup(id);
      return { rows: searchCatalogue(live.model.city, query) };
    }),
  );
  r.get(
    '/runs/:id/knowledge',
    allow('run'),
    json(async (req) => {
      const id = parse(runIdSchema, req.params.id, 'run id');
      const { q } = parse(knowledgeQuerySchema, req.query, 'query');
      await manager.info(id);
      return { notice: KB_NOTICE, entries: searchKnowledge(q ?? '') };
    }),
  );
  return r;
}
