/** Number formats shared by the report, comparison and sweep tables (units as in KPIS). */
type Unit = 'count' | 'share' | 's' | 'min' | 'h' | 'd';

/** `−0.00` would read as a change: a figure that rounds to zero gets no sign. */
function signed(x: number, text: (abs: number) => string): string {
  const t = text(Math.abs(x));
  if (!/[1-9]/.test(t)) return t;
  return `${x < 0 ? '-' : '+'}${t}`;
}

const count = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** A KPI's value: `28.46 %`, `7,349.9`, `3.14`. */
export function formatKpiValue(value: number, unit: Unit): string {
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'share') return `${(value * 100).toFixed(2)} %`;
  if (unit === 'count') return count(value);
  return value.toFixed(2);
}

/** A signed change of a KPI: shares in percentage points (`-28.45 pp`), others in their unit. */
export function formatKpiChange(change: number, unit: Unit): string {
  if (!Number.isFinite(change)) return String(change);
  if (unit === 'share') return `${signed(change, (x) => (x * 100).toFixed(2))} pp`;
  if (unit === 'count') return signed(change, count);
  return signed(change, (x) => x.toFixed(2));
}

/** An interval of a change, the unit once: `-18.83 … -16.29 pp`. */
export function formatKpiChangeInterval(ci95: readonly [number, number], unit: Unit): string {
  const [lo, hi] = ci95.map((x) => formatKpiChange(x, unit).replace(/ pp$/, ''));
  return `${lo} … ${hi}${unit === 'share' ? ' pp' : ''}`;
}

/** A relative change, `-45.1 %`; `n/a` when there is no ratio (the baseline is 0). */
export function formatRelative(change: number | null): string {
  if (change === null) return 'n/a';
  return `${signed(change, (x) => (x * 100).toFixed(1))} %`;
}

/** A mean with its interval's half-width, compact: `91.2 % ±0.4` (points), `3.1 ±1.1`, `7,350 ±12`. */
export function formatKpiCompact(mean: number, ci95: readonly [number, number], unit: Unit): string {
  if (!Number.isFinite(mean)) return String(mean);
  const half = (ci95[1] - ci95[0]) / 2;
  if (unit === 'share') return `${(mean * 100).toFixed(1)} % ±${(half * 100).toFixed(1)}`;
  if (unit === 'count')
    return `${Math.round(mean).toLocaleString('en-US')} ±${Math.round(half).toLocaleString('en-US')}`;
  return `${mean.toFixed(1)} ±${half.toFixed(1)}`;
}
