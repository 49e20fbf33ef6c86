/** The body POST /api/lessons takes for a file: a JSON file as its object, anything else as YAML text. */
export function uploadBody(name: string, text: string): Record<string, unknown> | { yaml: string } {
  if (!/\.json$/i.test(name)) return { yaml: text };
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('a lesson file holds one object');
  return parsed as Record<string, unknown>;
}
