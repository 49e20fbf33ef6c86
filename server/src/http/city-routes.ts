import {
  builtInCityKeys,
  builtInScenario,
  cityByKey,
  CityModel,
  cityMap,
  knownCityKeys,
  parseIsoDate,
  type CityList,
  type CityMap,
} from '@hotline-sim/shared';
import { Router } from 'express';
import { z } from 'zod';
import { allow } from '../auth';
import { ApiError } from './errors';
import { json, parse } from './handlers';

export const cityKey = z
  .string()
  .regex(/^[a-z0-9-]{1,80}$/, 'a city key is 1-80 lower-case letters, digits or dashes');

/** Maps by city key, each built on first request (a CityModel of ~7,500 cells: about a second). */
const maps = new Map<string, CityMap>();

/**
 * The map of the city `key` as every run's model there has it: the units a run dispatches to depend
 * on the city, not on the scenario, so any lifecycle scenario builds the same.
 */
export function mapOfCity(key: string): CityMap {
  let map = maps.get(key);
  if (!map) {
    const scenario = builtInScenario('beijing-weekday');
    if (!scenario) throw new Error('the built-in scenario beijing-weekday is missing');
    map = cityMap(new CityModel(cityByKey(key), scenario, parseIsoDate(scenario.start), 1), key);
    maps.set(key, map);
  }
  return map;
}

/**
 * The cities a run may take place in and their maps: `GET /cities` lists them (with `defaultCity`,
 * the server's CITY, as the default), `GET /city?key=` gives one's map (default: `defaultCity`).
 */
export function cityRoutes(defaultCity: string): Router {
  const r = Router();
  r.get(
    '/cities',
    allow('everyone'),
    json(async (): Promise<CityList> => {
      const builtIn = new Set(builtInCityKeys());
      const cities = knownCityKeys().map((key) => {
        const city = cityByKey(key);
        return {
          key,
          name: city.name,
          nameEn: city.nameEn,
          districts: city.districts.length,
          streets: city.streets.length,
          builtIn: builtIn.has(key),
        };
      });
      return { cities, default: defaultCity };
    }),
  );
  r.get(
    '/city',
    allow('everyone'),
    json(async (req, res) => {
      const key = req.query.key === undefined ? defaultCity : parse(cityKey, req.query.key, 'city key');
      if (!knownCityKeys().includes(key))
        throw new ApiError(404, `no city "${key}" (known cities: ${knownCityKeys().join(', ')})`);
      // A named city's map never changes while the server runs; the default follows CITY.
      res.set('Cache-Control', req.query.key === undefined ? 'no-cache' : 'public, max-age=3600');
      return mapOfCity(key);
    }),
  );
  return r;
}
