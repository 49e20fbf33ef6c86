import { InvalidArgumentError } from 'commander';
import { LAYOUTS, type LayoutName } from './layouts';

// `hotline import`'s argument parsers, apart from the command itself so the CLI registers the command
// without loading the importer and the model.

/** Parses `--per-day` and `--days`: a number above 0 (and, for days, a whole number). */
export function positiveArg(name: string, whole: boolean) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`${name} must be a ${whole ? 'whole ' : ''}number above 0`);
    }
    return n;
  };
}

/** Parses `--layout`: a built-in layout name or `auto` (detect from the header). */
export function layoutArg(text: string): LayoutName | 'auto' {
  if (text === 'auto' || text in LAYOUTS) return text as LayoutName | 'auto';
  throw new InvalidArgumentError(`layout must be one of ${[...Object.keys(LAYOUTS), 'auto'].join(', ')}`);
}
