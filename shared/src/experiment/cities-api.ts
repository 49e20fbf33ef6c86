import { z } from 'zod';
import { createRunSchema } from '../live/protocol';
import type { CityComparison } from './cities';

/**
 * POST /api/comparisons/cities: the three cities side by side (`hotline cities`), run on the
 * experiments queue. A name that is not a built-in scenario (yet) is listed as a missing city.
 */
export const createCityComparisonSchema = z.strictObject({
  /** One scenario per city: built-in names (e.g. stage-2024, shanghai-2024, hangzhou-2018) or scenario objects. */
  scenarios: z.array(createRunSchema.shape.scenario).min(1).max(6),
  replications: z.number().int().min(2).max(10).default(3),
  /** Cap on every scenario's horizon, in hours (a week at most). */
  hours: z.number().positive().max(168).default(24),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});
export type CreateCityComparisonBody = z.input<typeof createCityComparisonSchema>;

/** GET /api/comparisons/cities/:id */
export interface CityComparisonStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  replications: number;
  hours: number;
  /** Replications finished, of `total` (every city's runs × replications). */
  done: number;
  total: number;
  comparison?: CityComparison;
  error?: string;
}
