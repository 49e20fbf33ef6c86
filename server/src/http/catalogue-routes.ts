import {
  BUILT_IN_DESCRIPTIONS_ZH,
  DEFAULT_CITY_KEY,
  builtInScenario,
  builtInScenarioNames,
  createComparisonSchema,
  createSweepSchema,
  ScenarioError,
  SweepPathError,
  sweepVariants,
  type Scenario,
  type ScenarioSummary,
} from '@hotline-sim/shared';
import { Router } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import type { Comparisons } from '../experiments/comparisons';
import type { Sweeps } from '../experiments/sweeps';
import { ApiError } from './errors';
import { assertWithinLimits, resolveScenario } from '../live/run-info';
import { json, parse, parseBody } from './handlers';

const builtIn = (name: string): Scenario => {
  // Only the listed names: builtInScenario looks names up in a plain object, where 'constructor'
  // would find Object's own property (a 500, found by the fuzz test).
  const scenario = builtInScenarioNames.includes(name) ? builtInScenario(name) : undefined;
  if (!scenario) {
    throw new ApiError(404, `no built-in scenario "${name}" (built-in: ${builtInScenarioNames.join(', ')})`);
  }
  return scenario;
};

const summaries = (): ScenarioSummary[] =>
  builtInScenarioNames.map((name) => {
    const s = builtIn(name);
    return {
      name,
      description: s.description,
      descriptionZh: BUILT_IN_DESCRIPTIONS_ZH[name] ?? '',
      start: s.start,
      hours: s.hours,
      lifecycle: s.lifecycle !== undefined,
      city: s.city ?? DEFAULT_CITY_KEY,
    };
  });

export const scenarioName = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/, 'a scenario name is 1-80 lower-case letters, digits or dashes');
export const comparisonId = z.string().regex(/^[a-f0-9]{8}$/, 'a comparison id is 8 hex digits');
export const sweepId = z.string().regex(/^[a-f0-9]{8}$/, 'a sweep id is 8 hex digits');

/** What the dashboard reads besides runs and cities: the built-in scenarios, comparisons and sweeps. */
export function catalogueRoutes(comparisons: Comparisons, sweeps: Sweeps): Router {
  const r = Router();
  r.get(
    '/scenarios',
    allow('everyone'),
    json(async () => ({ scenarios: summaries() })),
  );
  r.get(
    '/scenarios/:name',
    allow('everyone'),
    json(async (req) => builtIn(parse(scenarioName, req.params.name, 'scenario name'))),
  );
  r.post(
    '/comparisons',
    allow('instructor'),
    json(async (req, res) => {
      const body = parseBody(createComparisonSchema, req.body, 'comparison');
      const a = resolveScenario(body.a);
      const b = resolveScenario(body.b);
      res.status(202);
      return comparisons.start(a, b, body.replications, body.seed, body.explain);
    }),
  );
  r.get(
    '/comparisons/:id',
    allow('staff'),
    json(async (req) => comparisons.get(parse(comparisonId, req.params.id, 'comparison id'))),
  );
  r.post(
    '/sweeps',
    allow('instructor'),
    json(async (req, res) => {
      const body = parseBody(createSweepSchema, req.body, 'sweep');
      const scenario = resolveScenario(body.scenario);
      // Every variant checked before anything runs: a path that names no number is the request's
      // fault (400), a value the scenario's rules refuse (intake.agents = 0) makes an invalid scenario (422).
      try {
        // Each variant within the server's limits too (a sweep of `hours` to 1e8 is refused whole).
        for (const variant of sweepVariants(scenario, body.path, body.values))
          assertWithinLimits(variant.scenario, `the variant ${body.path} = ${variant.value}`);
      } catch (err) {
        if (err instanceof SweepPathError) throw new ApiError(400, `path: ${err.message}`);
        if (err instanceof ScenarioError) throw new ApiError(422, err.message);
        throw err;
      }
      res.status(202);
      return sweeps.start(scenario, body.path, body.values, body.replications, body.seed);
    }),
  );
  r.get(
    '/sweeps/:id',
    allow('staff'),
    json(async (req) => sweeps.get(parse(sweepId, req.params.id, 'sweep id'))),
  );
  return r;
}
