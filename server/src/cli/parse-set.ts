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
