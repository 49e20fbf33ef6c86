import { XMLBuilder } from 'fast-xml-parser';
import type { Response } from 'express';
import { xmlSafe } from '../http/text';

/** The response formats of GeoReport v2: the path's extension (`requests.json`, `requests.xml`). */
export type Format = 'json' | 'xml';

/** Open311's error answer: `[{ code, description }]` with the HTTP status (400, 401, 403, 404, 409, 429). */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/**
 * Drop nulls and undefined (XML has no null; an absent element says the same), and replace what XML
 * cannot hold in text (a control character stored before input was checked) so the document stays
 * well-formed.
 */
function prune(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafe(value);
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = prune(v);
    return out;
  }
  return value;
}

/**
 * An XML document: `<root><item>…</item>…</root>` for a list, `<root>…</root>` for an object; arrays
 * inside an item become repeated elements named by `arrays` (`attributes` → `<attributes><attribute>`).
 */
export function toXml(
  root: string,
  item: string | null,
  value: unknown,
  arrays: Record<string, string> = {},
): string {
  const wrap = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(wrap);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) {
        const inner = arrays[k];
        out[k] = inner && Array.isArray(child) ? { [inner]: child.map(wrap) } : wrap(child);
      }
      return out;
    }
    return v;
  };
  const body = item === null ? wrap(prune(value)) : { [item]: wrap(prune(value)) };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: body }) as string}`;
}

/** Send `value` as JSON, or as XML built by `xml`, in UTF-8. */
export function send(res: Response, format: Format, status: number, value: unknown, xml: () => string): void {
  res.status(status);
  if (format === 'xml') res.type('text/xml; charset=utf-8').send(xml());
  else res.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

export function sendError(res: Response, format: Format, status: number, description: string): void {
  const errors = [{ code: status, description }];
  send(res, format, status, errors, () => toXml('errors', 'error', errors));
}
