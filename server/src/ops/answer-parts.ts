import { APPEAL_STATES, seatNameSchema } from '@hotline-sim/shared';
import { z } from 'zod';

/** The building blocks of the answer schemas (api-answers.ts, training-answers.ts). */
export const int = z.number().int();
export const num = z.number();
export const str = z.string();
export const bool = z.boolean();
export const dateTime = z.iso.datetime({ offset: true });
export const array = <T extends z.ZodType>(item: T) => z.array(item);
/** An object known only by the fields it must have. */
export const withFields = (...keys: string[]) =>
  z.looseObject(Object.fromEntries(keys.map((k) => [k, z.unknown()])));

/** A label or a text in Chinese and English. */
export const zhEn = z.looseObject({ zh: str, en: str });
export const runStatus = z.enum(['running', 'paused', 'finished', 'stopped']);
export const appealState = z.enum(APPEAL_STATES);
export const place = z.looseObject({
  district: str,
  street: str,
  community: str,
  districtEn: str,
  streetEn: str,
  communityEn: str,
  lon: num,
  lat: num,
});
export const joinCode = z.string().regex(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
export const seatName = seatNameSchema;
export const eightHex = z.string().regex(/^[a-f0-9]{8}$/);
/** A saved exercise's 8 hex digits, or a built-in's `lib-…` (the exercise library). */
export const exerciseIdAnswer = z.string().regex(/^([a-f0-9]{8}|lib-[a-z0-9-]{1,40})$/);
/** An inject of an exercise's script, at its virtual hour (the kinds of POST /runs/{id}/injects). */
export const inject = z.looseObject({ kind: str, atHours: num, hours: num.optional() });
export const firedInject = z.looseObject({ at: num, inject });
