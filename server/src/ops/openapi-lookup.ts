import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { catalogueQuerySchema, knowledgeQuerySchema } from '../training/lookup-routes';
import { error, json, runOp, runPath } from './openapi-parts';

/* The training look-ups (server/src/training/lookup-routes.ts): the 派单目录 and the 知识库. */

const str = z.string();
const zhEn = z.looseObject({ zh: str, en: str });
const UnitRef = z
  .looseObject({ index: z.number().int(), kind: str, id: str, zh: str, en: str })
  .meta({ id: 'UnitRef' });

export const CatalogueRow = z
  .looseObject({
    category: z.looseObject({ index: z.number().int(), id: str, zh: str, en: str }),
    street: z
      .looseObject({ index: z.number().int(), id: str, zh: str, en: str, districtZh: str, districtEn: str })
      .nullable(),
    community: zhEn.nullable(),
    ownerKind: z.enum(['street', 'district', 'department', 'utility']),
    unit: UnitRef.nullable(),
    slaClass: str,
    limitHours: z.number(),
    assisting: z.array(UnitRef),
    note: zhEn,
  })
  .meta({ id: 'CatalogueRow' });

export const KbEntry = z
  .looseObject({
    id: str,
    category: str,
    categoryName: zhEn,
    title: zhEn,
    questions: z.looseObject({ zh: z.array(str), en: z.array(str) }),
    answer: zhEn,
    unit: zhEn,
    hours: zhEn,
  })
  .meta({ id: 'KbEntry' });

const lookup = (summary: string, ok: z.ZodType, query: z.ZodObject) => ({
  get: {
    ...runOp(summary, json(ok), { 400: error('malformed run id, or a bad query parameter (named)') }),
    requestParams: { path: runPath, query },
  },
});

export const LOOKUP_PATHS: ZodOpenApiPathsObject = {
  '/runs/{id}/catalogue': lookup(
    "Search the run city's dispatch catalogue (派单目录): matter × place → owning unit, time limit, 条块 note; " +
      '`q` names matters and places (zh, pinyin), `street` a division code or name (instructor, observers, ' +
      "the run's trainees)",
    z.looseObject({ rows: z.array(CatalogueRow) }),
    catalogueQuerySchema,
  ),
  '/runs/{id}/knowledge': lookup(
    "Search the knowledge base (知识库) of answers to common questions, entries `kb:<category>` (instructor, observers, the run's trainees)",
    z.looseObject({ notice: zhEn, entries: z.array(KbEntry) }),
    knowledgeQuerySchema,
  ),
};
