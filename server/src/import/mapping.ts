import { z } from 'zod';
import { formatIssues, isCategoryId } from '@hotline-sim/shared';
import { FALLBACK_CATEGORY } from './category-map';
import { CHANNELS } from './channel-map';
import { CREATED_FORMATS } from './created-time';
import { ImportError } from './import-error';

const column = z.string().min(1);
const categoryId = z
  .string()
  .refine(isCategoryId, { message: 'must be a catalogue category id such as noise-nuisance' });

/**
 * A column mapping (`--mapping mapping.json`): how to read a city's 311 export whose layout is not
 * built in. Column names are matched exactly against the header (after trimming). Example:
 *
 * ```json
 * {
 *   "name": "sf311",
 *   "created": { "column": "requested_datetime", "format": "iso" },
 *   "type": ["service_subtype", "service_name"],
 *   "lat": "lat", "lon": "long", "channel": "source",
 *   "categories": { "Pothole": "municipal-facilities" },
 *   "channels": { "Phone": "phone", "Mobile/Open311": "app" }
 * }
 * ```
 */
export const mappingSchema = z
  .strictObject({
    /** Name of the layout, shown in the summary and the scenario's description. @defaultValue 'custom' */
    name: z.string().min(1).default('custom'),
    /** The column with the time a request was created, and how that time is written. */
    created: z.strictObject({ column, format: z.enum(CREATED_FORMATS) }),
    /** The column(s) with the request type; with several, the first non-empty one counts. */
    type: z.union([column.transform((c) => [c]), z.array(column).min(1)]),
    /** Latitude column (WGS84 degrees); give both lat and lon or neither. */
    lat: column.optional(),
    /** Longitude column (WGS84 degrees). */
    lon: column.optional(),
    /**
     * A combined location column, read when lat/lon are not given: `(lat, lon)` (Socrata's point,
     * San Francisco's `Point`, Los Angeles' `Location`) or WKT `POINT (lon lat)`. A value that is
     * neither (an address, say) counts as no location.
     */
    point: column.optional(),
    /** The column saying how the request came in (phone, web, app, staff). */
    channel: column.optional(),
    /** The column with the time a request was closed: named in the summary, not replayed. */
    closed: column.optional(),
    /** The agency or department column: its value is the last thing keywords try for the category. */
    agency: column.optional(),
    /**
     * Request type → catalogue category id, on top of the built-in NYC and Boston tables (this one
     * wins). Types no table knows go to `fallbackCategory` and are counted. @defaultValue {}
     */
    categories: z.record(z.string(), categoryId).default({}),
    /** Channel value → phone | web | app | grid, or null for "says nothing"; on top of the built-in values. @defaultValue {} */
    channels: z.record(z.string(), z.enum(CHANNELS).nullable()).default({}),
    /** Category of types no table knows. @defaultValue 'policy-consultation' */
    fallbackCategory: categoryId.default(FALLBACK_CATEGORY),
  })
  .refine((m) => (m.lat === undefined) === (m.lon === undefined), {
    message: 'give both lat and lon columns, or neither',
    path: ['lat'],
  });

/** A mapping as written in a file. */
export type MappingInput = z.input<typeof mappingSchema>;

/** How to read one export: a built-in layout or a parsed mapping file. */
export type Layout = z.output<typeof mappingSchema>;

/**
 * Parse and validate a mapping file's text. Throws an {@link ImportError} naming every bad field by
 * its path (`created.format: ...`), in one line.
 */
export function parseMapping(text: string, source: string): Layout {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`${source} is not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const result = mappingSchema.safeParse(data);
  if (!result.success) {
    throw new ImportError(`${source} is invalid: ${formatIssues(result.error.issues, data).join('; ')}`);
  }
  return result.data;
}
