/**
 * Cities: how long `hotline city` takes to build three cities it does not ship (the budget is 10 s for
 * a big one), and the model's per-contact speed in Beijing, Shanghai and a built city (Chengdu), which
 * must stay within 20 % of Beijing's: one replication of beijing-weekday (~70,000 contacts) in each,
 * best of 3 after a warm-up, on the same seeds.
 *
 *   npm run bench:city            (node --import tsx bench/city.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HotlineModel, builtInScenario, validateScenario } from '@hotline-sim/shared';
import { buildAndCacheCity } from '../server/src/cities/build-city';
import { loadCachedCities } from '../server/src/cities/cache';

const dir = mkdtempSync(join(tmpdir(), 'hotline-bench-cities-'));
try {
  for (const query of ['成都市', 'chongqing', '120000']) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { meta } = buildAndCacheCity(query, dir);
    const cpu = process.cpuUsage(cpu0);
    // CPU time beside wall time: on a loaded machine the wall time also counts waiting for a core.
    console.log(
      `build ${meta.key}: ${((performance.now() - t0) / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ` +
        `${meta.districts} districts, ${meta.streets} streets, ${meta.cells} cells, outlines ${meta.outlines}`,
    );
  }
  loadCachedCities(dir);

  const weekday = builtInScenario('beijing-weekday');
  if (!weekday) throw new Error('the beijing-weekday built-in scenario is missing');
  const cities = ['beijing', 'shanghai', 'chengdu'];
  const scenarios = cities.map((city) => validateScenario({ ...structuredClone(weekday), city }));
  new HotlineModel(scenarios[0] as (typeof scenarios)[number], 0).run(); // warm-up: JIT and the cities' lookups
  // Rounds interleave the cities, so a burst of load on the machine hits all of them alike.
  const best = cities.map(() => 0);
  const contacts = cities.map(() => 0);
  for (const seed of [1, 2, 3]) {
    scenarios.forEach((scenario, i) => {
      const cpu0 = process.cpuUsage();
      const obs = new HotlineModel(scenario, seed).run();
      const cpu = process.cpuUsage(cpu0);
      contacts[i] = obs.intake.batches.reduce((a, b) => a + b.contacts, 0);
      best[i] = Math.max(best[i] as number, (contacts[i] as number) / ((cpu.user + cpu.system) / 1e6));
    });
  }
  cities.forEach((city, i) => {
    const speed = best[i] as number;
    console.log(
      `${city}: ${Math.round(contacts[i] as number).toLocaleString('en-US')} contacts, ` +
        `${Math.round(speed).toLocaleString('en-US')} contacts per CPU second (best of 3), ` +
        `${((100 * speed) / (best[0] as number)).toFixed(0)} % of Beijing's`,
    );
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
