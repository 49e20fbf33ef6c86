import type { CityList, CityMap, CitySummary } from '@hotline-sim/shared';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { api, errorText } from '../api';
import { useLiveStore } from '../live';

/** Maps by city key ('' for the server's default city), each fetched once per page. */
const maps = new Map<string, Promise<CityMap>>();

/**
 * A city's geometry by key (null: the server's default city), fetched once per page and city (it is
 * not bundled: ~7,500 cells and the outlines for Beijing). A failed fetch is forgotten, to retry.
 */
export function loadCity(key: string | null): Promise<CityMap> {
  const id = key ?? '';
  let map = maps.get(id);
  if (!map) {
    map = api.city(key).catch((err: unknown) => {
      maps.delete(id);
      throw err;
    });
    maps.set(id, map);
  }
  return map;
}

let cityList: Promise<CityList> | null = null;

/** The cities a run may take place in (GET /api/cities), fetched once per page; `fresh` asks again. */
export function loadCities(fresh = false): Promise<CityList> {
  if (fresh) cityList = null;
  cityList ??= api.cities().catch((err: unknown) => {
    cityList = null;
    throw err;
  });
  return cityList;
}

/**
 * The key of the city the followed run takes place in; null until the run is known. Re-renders only
 * when it changes (not on every update, as `useLive` does).
 */
export function useRunCityKey(): string | null {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribe, () => store.getState().run?.city ?? null);
}

export interface CityMapState {
  city: CityMap | null;
  error: string | null;
  retry(): void;
}

/**
 * The map of the city `key` (null: the server's default; undefined: none yet, wait). Switching keys
 * drops the old map at once, so nothing draws one city's indexes on another's map.
 */
export function useCityMap(key: string | null | undefined): CityMapState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{
    key: string | null | undefined;
    attempt: number;
    city: CityMap | null;
    error: string | null;
  }>({ key, attempt, city: null, error: null });
  if (state.key !== key || state.attempt !== attempt) setState({ key, attempt, city: null, error: null });

  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    loadCity(key).then(
      (city) => live && setState({ key, attempt, city, error: null }),
      (err: unknown) => live && setState({ key, attempt, city: null, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const current = state.key === key && state.attempt === attempt;
  return { city: current ? state.city : null, error: current ? state.error : null, retry };
}

/** The map of the followed run's city (none until the run is known). */
export function useRunCityMap(): CityMapState {
  return useCityMap(useRunCityKey() ?? undefined);
}

/**
 * The followed run's city as GET /api/cities lists it (its names), null until known. A city the list
 * lacks (registered after the page loaded it) asks again once.
 */
export function useRunCity(): CitySummary | null {
  const key = useRunCityKey();
  const [city, setCity] = useState<CitySummary | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const find = (list: CityList) => list.cities.find((c) => c.key === key);
    loadCities()
      .then((list) => find(list) ?? loadCities(true).then(find))
      .then(
        (found) => live && setCity(found ?? null),
        () => live && setCity(null),
      );
    return () => {
      live = false;
    };
  }, [key]);
  return city?.key === key ? city : null;
}
