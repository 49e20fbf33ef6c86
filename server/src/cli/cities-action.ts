import { existsSync } from 'node:fs';
import Table from 'cli-table3';
import {
  CITIZEN_KPIS,
  CITIZEN_KPI_NAMES,
  VIOTE_DRIVERS,
  builtInScenario,
  cityEntries,
  cityPlan,
  compareCities,
  type CitizenEffect,
  type CitizenKpi,
  type CityComparison,
} from '@hotline-sim/shared';
import { loadScenario } from './load-scenario';
import type { QueueFlags } from './options';
import { createProgress } from './progress';
import { queueRun } from './queue-run';

/** What `hotline cities` takes from its command line. */
export interface CitiesFlags extends QueueFlags {
  scenarios?: string[];
  replications: number;
  seed?: number;
  hours: number;
  json?: boolean;
}

const signed = (x: number, digits: number) => `${x > 0 ? '+' : ''}${x.toFixed(digits)}`;

/** A citizen KPI's value or change in its unit: days, a count per matter, or points of a share. */
function formatValue(kpi: CitizenKpi, x: number, change = false): string {
  const unit = CITIZEN_KPIS[kpi].unit;
  if (unit === 'share') return change ? `${signed(x * 100, 2)} pp` : `${(x * 100).toFixed(1)} %`;
  if (unit === 'd') return `${change ? signed(x, 2) : x.toFixed(2)} d`;
  return change ? signed(x, 3) : x.toFixed(3);
}

function formatEffect(kpi: CitizenKpi, e: CitizenEffect | undefined): string {
  if (!e) return '–';
  const [lo, hi] = e.ci95.map((x) => formatValue(kpi, x, true));
  return `${formatValue(kpi, e.difference, true)}${e.significant ? ' *' : ''}\n[${lo} … ${hi}]`;
}

/** The text comparison: the cities and their measures, then one table per VIOTE driver. */
export function formatCities(c: CityComparison): string {
  const lines = [
    `three cities side by side: each lever switched off alone, ${c.replications} replications on common random numbers${c.hours === null ? '' : `, at most ${c.hours} h a scenario`}`,
  ];
  for (const city of c.cities) {
    if (city.missing) {
      lines.push(`  ${city.city}: ${city.scenario}, missing: ${city.missing}`);
      continue;
    }
    const measured = CITIZEN_KPI_NAMES.map((k) => {
      const base = city.baseline?.[k];
      const value = base === undefined ? 'n/a' : formatValue(k, base);
      return `${k} = ${city.measures?.[k] ?? 'none'} (${value})`;
    });
    lines.push(`  ${city.city}: ${city.scenario} (seed ${city.seed}); ${measured.join(', ')}`);
  }
  for (const d of c.drivers) {
    const { zh, en } = VIOTE_DRIVERS[d.driver];
    lines.push('', `${en} ${zh}`);
    const table = new Table({
      head: ['city', 'lever (off → on)', ...CITIZEN_KPI_NAMES],
      style: { head: [], border: [] },
    });
    for (const city of d.cities) {
      if (c.cities.find((x) => x.city === city.city)?.missing) continue;
      if (city.levers.length === 0) table.push([city.city, 'no lever of this driver in use', '', '', '']);
      for (const l of city.levers) {
        table.push([
          city.city,
          `${l.zh} ${l.en}\n${l.path} ${String(l.off)} → ${String(l.value)}`,
          ...CITIZEN_KPI_NAMES.map((k) => formatEffect(k, l.effects[k])),
        ]);
      }
    }
    lines.push(table.toString());
  }
  lines.push(
    '',
    'effect = the scenario as it is − the same scenario with the lever off (paired 95 % CI; * excludes 0).',
    "time to a result in days (hotline: P90 hours from receipt to close / 24; service matters: days per matter); visits: a service matter's visits per matter, the hotline's repeat site visits per order.",
  );
  if (c.hours !== null && c.hours < 24 * 7)
    lines.push(
      `levers that act over weeks or months (hot spots, seasonal work, the monthly topic, 好差评 fixes, the next month's pressure) can show nothing in ${c.hours} h: run with --hours 168 or more to see them.`,
    );
  return lines.join('\n');
}

/** A built-in scenario, else a scenario file; nothing when the name is neither (a city missing). */
const resolve = (name: string) =>
  builtInScenario(name) ?? (existsSync(name) ? loadScenario(name) : undefined);

/** `hotline cities`, loaded by cities-command.ts only when it runs. */
export async function cities(opts: CitiesFlags): Promise<void> {
  const entries = cityEntries(resolve, opts.scenarios);
  for (const e of entries) {
    process.stderr.write(
      'missing' in e ? `${e.city}: missing: ${e.missing}\n` : `${e.city}: ${e.scenario.name}\n`,
    );
  }
  const progress = createProgress('cities', 0);
  const options = {
    replications: opts.replications,
    hours: opts.hours,
    ...(opts.seed === undefined ? {} : { seed: opts.seed }),
    onProgress: (f: number) => progress.update(f),
  };
  const queue = await queueRun(opts, progress);
  let result: CityComparison;
  try {
    result = queue
      ? await (await import('../experiments')).compareCitiesOnQueue(cityPlan(entries, options), queue)
      : compareCities(entries, options);
  } finally {
    progress.stop();
  }
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatCities(result)}\n`);
}
