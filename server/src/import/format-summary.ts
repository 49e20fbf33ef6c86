import { formatWallClock } from './created-time';
import type { ImportResult } from './import-csv';
import { MALFORMED_REASONS, type MalformedReason } from './row-reader';

/** How many unmapped types or unknown channel values the summary lists before "and N more". */
export const LISTED = 15;

function share(n: number, total: number): string {
  return `${((n / total) * 100).toFixed(1)} %`;
}

function listCounts(items: readonly (readonly [string, number])[]): string[] {
  const shown = items.slice(0, LISTED).map(([name, n]) => `    ${n.toLocaleString('en-US')}  ${name}`);
  if (items.length > LISTED) shown.push(`    ... and ${items.length - LISTED} more`);
  return shown;
}

/** The import summary for stderr: rows read, imported, malformed by reason, unmapped types, span. */
export function formatSummary(result: ImportResult, file: string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const malformedTotal = Object.values(result.malformed).reduce((a, m) => a + m.count, 0);
  const unmappedTotal = result.unmappedTypes.reduce((a, [, c]) => a + c, 0);
  const catchAll = result.byCategory.find(([id]) => id === result.fallbackCategory)?.[1] ?? 0;
  const located = result.imported - result.withoutLocation;
  const lines = [
    `${file} (${result.layout} layout): ${n(result.rowsRead)} rows read, ${n(result.imported)} imported, ` +
      `${n(malformedTotal)} malformed`,
    `  columns: ${result.columns}`,
    `  in a specific category: ${n(result.imported - catchAll)} of ${n(result.imported)} ` +
      `(${share(result.imported - catchAll, result.imported)}; the rest in ${result.fallbackCategory}); ` +
      `located: ${n(located)} (${share(located, result.imported)})`,
  ];
  for (const [reason, m] of Object.entries(result.malformed) as [
    MalformedReason,
    { count: number; lines: number[] },
  ][]) {
    const more = m.count > m.lines.length ? ', ...' : '';
    lines.push(
      `  malformed, ${MALFORMED_REASONS[reason]}: ${n(m.count)} (line ${m.lines.join(', ')}${more})`,
    );
  }
  const spanHours = (result.lastTime - result.firstTime) / 3600;
  lines.push(
    `  time span: ${formatWallClock(result.firstTime)} to ${formatWallClock(result.lastTime)} ` +
      `(${spanHours.toFixed(1)} h); scenario starts ${result.start}, ${result.hours} h`,
  );
  const top = result.byCategory
    .slice(0, 5)
    .map(([id, c]) => `${id} ${share(c, result.imported)}`)
    .join(', ');
  lines.push(
    `  categories: ${result.byCategory.length} (${top}${result.byCategory.length > 5 ? ', ...' : ''})`,
  );
  lines.push(
    `  unmapped types: ${n(unmappedTotal)} row(s) of ${result.unmappedTypes.length} type(s) → ${result.fallbackCategory}`,
    ...listCounts(result.unmappedTypes),
  );
  const ch = result.byChannel;
  lines.push(
    `  channels: phone ${n(ch.phone)}, web ${n(ch.web)}, app ${n(ch.app)}, grid ${n(ch.grid)}, none ${n(ch.none)}`,
  );
  if (result.unknownChannels.length > 0) {
    lines.push(
      '  unknown channel values (imported without a channel):',
      ...listCounts(result.unknownChannels),
    );
  }
  return lines.join('\n');
}
