import { mergePatch } from '@hotline-sim/shared';

/**
 * The scenario an uploaded file describes, whole: a file that says `extends: <built-in>` is that
 * built-in (fetched by `builtIn`) with the file's other fields merged over it (JSON Merge Patch), so the
 * levers panel shows every lever. The server resolves `extends` the same way when the run starts.
 */
export async function uploadedScenario(
  text: string,
  builtIn: (name: string) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected an object');
  const { extends: base, ...rest } = parsed as Record<string, unknown>;
  if (base === undefined) return parsed as Record<string, unknown>;
  if (typeof base !== 'string') throw new Error('extends must name a built-in scenario');
  return mergePatch(await builtIn(base), rest) as Record<string, unknown>;
}
