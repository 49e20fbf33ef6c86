import type { Request } from 'express';
import { z } from 'zod';
import { describeZodError } from '../http/handlers';
import { runIdSchema } from '../http/run-id';
import { badCharacter, badTextMessage } from '../http/text';
import { Open311Error } from './format';
import { URGENCY } from './services';
import { normalizeIso } from './time';

/* What Open311 clients may send: GeoReport v2 fields as strings (a form sends strings), validated. */

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      const character = badCharacter(value);
      if (character) ctx.addIssue({ code: 'custom', message: badTextMessage(character) });
    });
/** A decimal number as text; a JSON body's number is read as its text (a generic client sends lat: 39.9). */
const number = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string()
      .trim()
      .regex(/^-?\d{1,3}(\.\d{1,15})?$/, 'must be a decimal number')
      .transform(Number)
      .pipe(z.number().min(min).max(max)),
  );
const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'must be a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const dateTime = z
  .string()
  .max(40)
  .transform(normalizeIso)
  .refine((v) => Number.isFinite(Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}+08:00`)), {
    message: 'must be an ISO 8601 date-time, e.g. 2025-03-12T09:00:00+08:00',
  });

/** POST requests: GeoReport v2 fields, plus `attribute[urgency]`. Strings, as a form sends them. */
export const postSchema = z.object({
  api_key: text(200).optional(),
  jurisdiction_id: runIdSchema.optional(),
  service_code: text(60).min(1, 'is required'),
  lat: number(-90, 90).optional(),
  long: number(-180, 180).optional(),
  address_string: text(500).optional(),
  address_id: text(40).optional(),
  email: text(200).optional(),
  device_id: text(200).optional(),
  account_id: text(200).optional(),
  first_name: text(200).optional(),
  last_name: text(200).optional(),
  phone: text(50).optional(),
  description: text(4000).optional(),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  attribute: z.object({ urgency: z.enum(URGENCY.map((u) => u.key)).optional() }).optional(),
});

export const listSchema = z.object({
  jurisdiction_id: runIdSchema.optional(),
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(2000).optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))?$/, 'is open, closed or open,closed')
    .optional(),
  start_date: dateTime.optional(),
  end_date: dateTime.optional(),
  updated_after: dateTime.optional(),
  updated_before: dateTime.optional(),
  page: whole(1, 1_000_000).default(1),
  page_size: whole(1, MAX_PAGE_SIZE).default(PAGE_SIZE),
  extensions: z.enum(['true', 'false']).optional(),
  api_key: z.string().max(200).optional(),
});

export const updatePostSchema = z.object({
  api_key: text(200).optional(),
  jurisdiction_id: runIdSchema.optional(),
  service_request_id: z.string().max(100),
  update_id: text(100).optional(),
  updated_datetime: dateTime.optional(),
  status: text(40).optional(),
  description: text(4000).min(1, 'is required'),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  email: text(200).optional(),
  first_name: text(200).optional(),
  last_name: text(200).optional(),
});

export const updatesListSchema = z.object({
  jurisdiction_id: runIdSchema.optional(),
  start_date: dateTime.optional(),
  end_date: dateTime.optional(),
  api_key: z.string().max(200).optional(),
});

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(withoutEmpty(value ?? {}));
  if (!result.success) throw new Open311Error(400, describeZodError(result.error));
  return result.data;
}

/**
 * An empty parameter counts as absent (issue 13: FixMyStreet always sends `jurisdiction_id=`, even
 * when it has none).
 */
function withoutEmpty(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ''));
}

export const firstOf = (query: Request['query']) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    // A repeated `status` (status=open&status=closed) means either, as `open,closed` does.
    if (k === 'status' && Array.isArray(v) && v.every((s) => typeof s === 'string'))
      out[k] = [...new Set((v as string[]).filter((s) => s !== ''))].join(',');
    // Any other repeated parameter (?page=1&page=2) arrives as an array: refuse it by name.
    else if (typeof v !== 'string') throw new Open311Error(400, `${k}: give the parameter once, as text`);
    else out[k] = v;
  }
  return out;
};
