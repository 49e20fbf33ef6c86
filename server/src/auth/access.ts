import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { refusal, type Access } from './roles';
import type { Session } from './roles';

/** The access rule each guard stands for, so the app can prove at start that every route has one. */
const guards = new WeakMap<object, Access>();

/**
 * The first handler of every REST API route: who may call it ({@link refusal}). It runs after Express
 * matched the route, so it sees the route's decoded parameters, whatever case, trailing slash or
 * escapes the request's path used.
 */
export function allow(access: Access): RequestHandler {
  const guard = (req: Request, res: Response, next: NextFunction): void => {
    const refused = refusal(access, res.locals.session as Session | undefined, {
      method: req.method,
      params: req.params as Record<string, string | undefined>,
      path: req.originalUrl.split('?')[0] ?? req.path,
    });
    if (refused) res.status(refused.status).json({ error: refused.error });
    else next();
  };
  guards.set(guard, access);
  return guard;
}

/** The access rule a handler stands for, when it is a guard made by {@link allow}. */
export const accessOf = (handler: unknown): Access | undefined =>
  typeof handler === 'function' ? guards.get(handler) : undefined;

/** One route of a router as Express keeps it (the parts read here). */
interface RouteLayer {
  route?: { path: unknown; stack: { method?: string; handle: unknown }[] };
  handle: unknown;
}

/** Every route of `router`: method, path and access rule (undefined when its first handler is no guard). */
export function routesOf(router: Router): { method: string; path: string; access: Access | undefined }[] {
  const out: { method: string; path: string; access: Access | undefined }[] = [];
  for (const layer of (router as unknown as { stack: RouteLayer[] }).stack) {
    if (!layer.route) {
      out.push({ method: 'USE', path: '*', access: undefined });
      continue;
    }
    const first = new Map<string, unknown>();
    for (const l of layer.route.stack) if (l.method && !first.has(l.method)) first.set(l.method, l.handle);
    for (const [method, handle] of first)
      out.push({ method: method.toUpperCase(), path: String(layer.route.path), access: accessOf(handle) });
  }
  return out;
}

/**
 * Throws unless every layer of `router` is a route whose first handler is a guard ({@link allow}):
 * a route that names nobody, or middleware that would run before any rule, is a bug caught at start.
 */
export function assertGuarded(router: Router, where: string): void {
  const bare = routesOf(router).filter((r) => r.access === undefined);
  if (bare.length > 0)
    throw new Error(
      `${where}: every route must name who may call it with allow(…) as its first handler; not: ${bare
        .map((r) => `${r.method} ${r.path}`)
        .join(', ')}`,
    );
}
