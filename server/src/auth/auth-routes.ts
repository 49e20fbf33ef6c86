import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { seatNameSchema } from '@hotline-sim/shared';
import { z } from 'zod';
import { ApiError } from '../http/errors';
import type { RunManager } from '../live/run-manager';
import { json, parseBody } from '../http/handlers';
import type { Auth } from './auth';
import { allow } from './access';
import type { Session } from './roles';
import { COOKIE_NAME, SESSION_SECONDS, readCookie } from './sessions';
import { runIdSchema } from '../http/run-id';

export const loginSchema = z.union(
  [
    z.strictObject({ password: z.string().min(1).max(200) }),
    z.strictObject({ code: z.string().min(1).max(20) }),
  ],
  { error: 'expected {"password": "…"} (instructor) or {"code": "ABCD-2345"} (observer, trainee)' },
);
export const codeSchema = z
  .strictObject({
    role: z.enum(['observer', 'trainee']),
    runId: runIdSchema.optional(),
    /** The trainee's seat: named as the seat routes take it. */
    seat: seatNameSchema.optional(),
    ttlHours: z
      .number()
      .min(0.1)
      .max(24 * 30)
      .default(12),
  })
  .refine((c) => c.role !== 'trainee' || (c.runId !== undefined && c.seat !== undefined), {
    message: 'a trainee code needs runId (their exercise) and seat (their name or position)',
  });
export const keySchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  runId: runIdSchema.optional(),
});

/** A 401: app.ts answers any error with a 4xx `status` as `{ error: message }`. */
class Unauthorized extends Error {
  readonly status = 401;
}

/** The session behind this request (set by {@link sessionMiddleware}). */
export const sessionOf = (res: Response): Session | undefined => res.locals.session as Session | undefined;

/** Reads the session cookie of every request into `res.locals.session` (one Redis GET when there is one). */
export function sessionMiddleware(auth: Auth) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const token = readCookie(req.headers.cookie);
      if (token) res.locals.session = await auth.sessions.get(token);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Only the instructor (the admin pages): 401 without a session, 403 for other roles. */
export function instructorOnly(req: Request, res: Response, next: NextFunction): void {
  const session = sessionOf(res);
  if (!session) res.status(401).json({ error: 'log in first (POST /api/session)' });
  else if (session.role !== 'instructor')
    res.status(403).json({ error: `${req.baseUrl || req.path} needs the instructor role` });
  else next();
}

/** Rate limit answering 429 with a JSON error naming the wait (or as `respond` words it). */
export function limitPerMinute(
  limit: number,
  what: string,
  key?: (req: Request) => string | Promise<string>,
  respond?: (req: Request, res: Response, message: string) => void,
) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
    handler: (req, res) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      const message = `too many ${what}; try again in ${seconds} s`;
      if (respond) respond(req, res, message);
      else res.status(429).json({ error: message });
    },
  });
}

/** /api/session (log in and out), /api/codes (join codes), /api/open311/keys (Open311 api keys). */
export function authRoutes(auth: Auth, manager: RunManager): Router {
  const r = Router();
  const sessionBody = (s: Session) => ({
    role: s.role,
    runId: s.runId,
    seat: s.seat,
    expiresAt: s.expiresAt,
  });

  r.post(
    '/session',
    allow('public'),
    limitPerMinute(auth.loginRateLimit, 'login attempts'),
    json(async (req, res) => {
      const body = parseBody(loginSchema, req.body, 'login');
      let created;
      if ('password' in body) {
        if (!auth.checkPassword(body.password)) throw new Unauthorized('wrong password');
        created = await auth.sessions.create('instructor');
      } else {
        const code = await auth.codes.find(body.code);
        if (!code) throw new Unauthorized('unknown or expired code');
        created = await auth.sessions.create(code.role, code.runId, code.seat, code.code);
      }
      res.cookie(COOKIE_NAME, created.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        maxAge: SESSION_SECONDS * 1000,
        secure: auth.cookieSecure === 'always' || (auth.cookieSecure === 'auto' && req.secure),
      });
      return sessionBody(created.session);
    }),
  );
  r.get(
    '/session',
    allow('public'),
    json(async (_req, res) => {
      const session = sessionOf(res);
      if (!session) throw new Unauthorized('not logged in');
      return sessionBody(session);
    }),
  );
  r.delete(
    '/session',
    allow('public'),
    json(async (req, res) => {
      await auth.endSession(readCookie(req.headers.cookie));
      res.clearCookie(COOKIE_NAME, { path: '/' });
      res.status(204).end();
    }),
  );

  r.post(
    '/codes',
    allow('instructor'),
    json(async (req, res) => {
      const body = parseBody(codeSchema, req.body, 'join code');
      if (body.runId !== undefined) await manager.info(body.runId);
      res.status(201);
      return auth.codes.create({
        role: body.role,
        runId: body.role === 'trainee' ? (body.runId ?? null) : null,
        seat: body.role === 'trainee' ? (body.seat ?? null) : null,
        ttlHours: body.ttlHours,
      });
    }),
  );
  r.get(
    '/codes',
    allow('instructor'),
    json(async () => ({ codes: await auth.codes.list() })),
  );
  r.delete(
    '/codes/:code',
    allow('instructor'),
    json(async (req, res) => {
      if (!(await auth.revokeCode(String(req.params.code))))
        throw new ApiError(404, `join code "${String(req.params.code).slice(0, 20)}" not found`);
      res.status(204).end();
    }),
  );

  r.post(
    '/open311/keys',
    allow('instructor'),
    json(async (req, res) => {
      const body = parseBody(keySchema, req.body, 'api key');
      if (body.runId !== undefined) await manager.info(body.runId);
      res.status(201);
      return auth.apiKeys.create(body.name, body.runId ?? null);
    }),
  );
  r.get(
    '/open311/keys',
    allow('instructor'),
    json(async () => ({ keys: await auth.apiKeys.list() })),
  );
  r.delete(
    '/open311/keys/:keyId',
    allow('instructor'),
    json(async (req, res) => {
      if (!(await auth.apiKeys.delete(String(req.params.keyId))))
        throw new ApiError(404, `api key "${String(req.params.keyId).slice(0, 20)}" not found`);
      res.status(204).end();
    }),
  );
  return r;
}
