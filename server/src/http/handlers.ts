import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { ApiError } from './errors';

/* The pieces every route file uses: validate at the edge, answer JSON, let errors reach app.ts. */

/**
 * Turn a zod failure into a message naming each bad field and why. A problem with the value as a
 * whole is named `root` (say, `body`) when given, and stands alone otherwise.
 */
export function describeZodError(err: z.ZodError, root?: string): string {
  return err.issues
    .map((i) => {
      const where = i.path.length > 0 ? i.path.join('.') : root;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}

export function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
  root?: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, `invalid ${what}: ${describeZodError(result.error, root)}`);
  return result.data;
}

/** A JSON body, validated: a problem with the body as a whole is called `body`. */
export const parseBody = <T extends z.ZodType>(schema: T, value: unknown, what: string) =>
  parse(schema, value, what, 'body');

type Handler = (req: Request, res: Response) => Promise<unknown>;

/** Express 5 forwards rejected promises to the error handler; this keeps handlers one-liners. */
export const json =
  (handler: Handler) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const body = await handler(req, res);
      if (!res.headersSent) res.json(body);
    } catch (err) {
      next(err);
    }
  };

export function emptyToUndefined(body: unknown): unknown {
  return body && typeof body === 'object' && Object.keys(body).length === 0 ? undefined : body;
}
