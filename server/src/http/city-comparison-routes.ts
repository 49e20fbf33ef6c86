import {
  DEFAULT_CITY_KEY,
  builtInScenario,
  builtInScenarioNames,
  cityEntries,
  createCityComparisonSchema,
  type CityEntry,
} from '@hotline-sim/shared';
import { Router } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import type { CityComparisons } from '../experiments/city-comparisons';
import { resolveScenario } from '../live/run-info';
import { json, parse, parseBody } from './handlers';

export const cityComparisonId = z.string().regex(/^[a-f0-9]{8}$/, 'a city comparison id is 8 hex digits');

// Only the listed names ('constructor' would find a property of the lookup object's prototype).
const builtIn = (name: string) => (builtInScenarioNames.includes(name) ? builtInScenario(name) : undefined);

/** The three cities side by side (`hotline cities`), queued like comparisons and sweeps. */
export function cityComparisonRoutes(cities: CityComparisons): Router {
  const r = Router();
  r.post(
    '/comparisons/cities',
    allow('instructor'),
    json(async (req, res) => {
      const body = parseBody(createCityComparisonSchema, req.body, 'city comparison');
      // A name not built in (yet) is a missing city, not an error; a scenario object must be valid.
      const entries = body.scenarios.flatMap((s): CityEntry[] => {
        if (typeof s === 'string') return cityEntries(builtIn, [s]);
        const scenario = resolveScenario(s);
        return [{ city: scenario.city ?? DEFAULT_CITY_KEY, scenario }];
      });
      res.status(202);
      return cities.start(entries, {
        replications: body.replications,
        hours: body.hours,
        ...(body.seed === undefined ? {} : { seed: body.seed }),
      });
    }),
  );
  r.get(
    '/comparisons/cities/:id',
    allow('staff'),
    json(async (req) => cities.get(parse(cityComparisonId, req.params.id, 'city comparison id'))),
  );
  return r;
}
