import { join, resolve } from 'node:path';

/**
 * HOTLINE_CITY_DIR: where `hotline city` caches the cities it builds, one folder per key; the CLI, the
 * server and workers register every city cached there. @defaultValue ~/.cache/hotline-sim/cities
 */
export function loadCityDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.HOTLINE_CITY_DIR;
  if (dir !== undefined && dir.trim() !== '') return resolve(dir);
  const home = env.HOME ?? env.USERPROFILE;
  if (home === undefined || home === '')
    throw new Error(
      'HOTLINE_CITY_DIR is unset and HOME is empty: set HOTLINE_CITY_DIR to a folder for cached cities',
    );
  return join(home, '.cache', 'hotline-sim', 'cities');
}
