import { UsageError } from './usage-error';

/** The field a sweep varies and the values it takes, from `--set intake.agents=45,50,55`. */
export interface SetOption {
  path: string;
  values: number[];
}

/** Parse `path=v1,v2,...` (numbers only). Throws UsageError naming what is wrong. */
export function parseSet(text: string): SetOption {
  const eq = text.indexOf('=');
  const path = text.slice(0, eq).trim();
  const list = text.slice(eq + 1).trim();
  if (eq < 0 || path === '' || /\s/.test(path) || list === '') {
    throw new UsageError(
      `--set must look like path=v1,v2,... (e.g. --set intake.agents=45,50,55), got "${text}"`,
    );
  }
  const values = list.split(',').map((item) => {
    const v = item.trim();
    const n = Number(v);
    if (v === '' || !Number.isFinite(n)) {
      throw new UsageError(`--set ${path}: "${v}" is not a number (values are numbers separated by commas)`);
    }
    return n;
  });
  return { path, values };
}

/**
 * `--set path=value` (repeatable): each field and its value. A value is read as JSON when it is JSON
 * (`60`, `false`, `0.35`, `[1,2]`, `"text"`), else as text (`tiered`). Throws UsageError naming what is
 * wrong; the scenario's own rules judge the values when they are applied.
 */
export function parseFieldSets(items: readonly string[], flag = '--set'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const text of items) {
    const eq = text.indexOf('=');
    const path = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1).trim();
    if (eq < 0 || path === '' || /\s/.test(path) || raw === '') {
      throw new UsageError(
        `${flag} must look like path=value (e.g. ${flag} lifecycle.whistle.enabled=false), got "${text}"`,
      );
    }
    if (Object.hasOwn(out, path)) throw new UsageError(`${flag} ${path}: given twice`);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: the text itself (a choice such as tiered)
    }
    out[path] = value;
  }
  return out;
}
