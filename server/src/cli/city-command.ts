import type { Command } from 'commander';

/**
 * `hotline city <code|name|pinyin>`: build a city from the division data and cache it;
 * `hotline city --list`: the built-in and cached cities. Loads the builder only when it runs.
 */
export function registerCityCommand(program: Command): void {
  program
    .command('city')
    .description(
      'build any Chinese prefecture-level city or municipality from the division data and cache it (HOTLINE_CITY_DIR, default ~/.cache/hotline-sim/cities); --list shows the built-in and cached cities',
    )
    .argument('[city]', 'a division code (510100), a Chinese name (成都市) or pinyin (chengdu)')
    .option('--list', 'list the built-in and cached cities')
    .option('--json', 'print JSON on stdout')
    .action(async (query: string | undefined, opts: { list?: boolean; json?: boolean }) =>
      (await import('./city-actions')).city(query, opts),
    );
}
