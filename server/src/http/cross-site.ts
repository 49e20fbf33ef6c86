import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parseOrigin } from '../config';
import { ADMIN_QUEUES_PATH } from '../ops/admin';

/**
 * Headers that mark a request as sent by a script: an HTML form cannot set them, and a page on
 * another origin cannot either without a CORS preflight, which only allowed origins pass. The
 * dashboard sends `X-Hotline-Client`; `X-Requested-With` is the older convention.
 */
export const CLIENT_HEADERS = ['x-hotline-client', 'x-requested-with'] as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where a browser says the request comes from: its Origin header, else its Referer's origin. */
function claimedOrigin(headers: IncomingHttpHeaders): { value: string; header: 'Origin' | 'Referer' } | null {
  if (headers.origin !== undefined) return { value: headers.origin, header: 'Origin' };
  const referer = headers.referer;
  if (!referer) return null;
  try {
    return { value: new URL(referer).origin, header: 'Referer' };
  } catch {
    return { value: referer, header: 'Referer' };
  }
}

/**
 * Whether `origin` is this server's own (its host and port are the request's Host) or listed in
 * `allowed`. The scheme is not compared with the server's: behind an HTTPS proxy the server sees
 * plain HTTP, and one port speaks one scheme. `null` (sandboxed frames, privacy modes) is foreign.
 */
export function originAllowed(
  origin: string,
  host: string | undefined,
  allowed: ReadonlySet<string>,
): boolean {
  const parsed = parseOrigin(origin);
  if (!parsed) return false;
  if (allowed.has(parsed)) return true;
  if (!host) return false;
  const url = new URL(parsed);
  try {
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

/**
 * Why a browser request from another origin is refused, or null when it may go on: no Origin nor
 * Referer (a script or tool, not a page on another site), or one that is this server's or allowed.
 * The one rule for REST writes, CORS preflights and Socket.IO handshakes.
 */
export function originRefusal(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): string | null {
  const claimed = claimedOrigin(headers);
  if (!claimed || originAllowed(claimed.value, headers.host, allowed)) return null;
  return (
    `cross-site request refused: ${claimed.header} ${claimed.value} is neither this server ` +
    `(${headers.host ?? 'no Host header'}) nor listed in ALLOWED_ORIGINS; if the dashboard is ` +
    'really served from there, add that origin to ALLOWED_ORIGINS (comma-separated) and restart'
  );
}

/** Why a write's body or headers could have come from a form or a simple cross-site request, or null. */
function contentRefusal(req: Request): string | null {
  // The header, not req.is(): that answers null for a request without a body (a body-less DELETE).
  const media = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === 'application/json' || /^application\/[\w.-]+\+json$/.test(media)) return null;
  if (CLIENT_HEADERS.some((name) => req.headers[name])) return null;
  const type = req.headers['content-type'] ?? 'none';
  return (
    `cross-site request refused: ${req.method} needs a JSON body (Content-Type: application/json) ` +
    `or an X-Hotline-Client header, got Content-Type ${type}; a form or a text/plain request ` +
    'could come from another site'
  );
}

const OPEN311 = /^\/open311(\/|$)/i;
const BOARD = new RegExp(`^${ADMIN_QUEUES_PATH}(/|$)`, 'i');

/**
 * Cross-site request forgery (issue 13, point 3). Every write (POST, PUT, PATCH, DELETE) needs JSON
 * or a client header, and when it carries an Origin (or Referer) one that is this server's or in
 * `allowedOrigins`; refusals are 403 naming what is wrong. CORS preflights are answered for those
 * origins only. Exceptions:
 * - Open311 is a public API for other sites' clients, authenticated by api key: a write that fails
 *   the rule goes on without its session, so a browser's cookie cannot file on the user's behalf;
 *   without an api key the Open311 routes answer 403 with the refusal (`open311Refusal`).
 * - bull-board's own page sends body-less PUTs without a header: under /admin/queues only the
 *   origin rule applies to PUT, PATCH and DELETE (a page on another origin cannot send those
 *   without a preflight), and POSTs need both rules.
 * Runs after the session is read (Open311's exception drops it) and before any route.
 */
export function crossSiteGuard(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (OPEN311.test(req.path)) {
      if (!SAFE_METHODS.has(req.method) && res.locals.session) {
        const refused = originRefusal(req.headers, allowed) ?? contentRefusal(req);
        if (refused) {
          res.locals.session = undefined;
          res.locals.open311Refusal = refused;
        }
      }
      return next();
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      preflight(req, res, allowed);
      return;
    }
    allowCredentials(req, res, allowed);
    if (SAFE_METHODS.has(req.method)) return next();
    const headerOptional = BOARD.test(req.path) && req.method !== 'POST';
    const refused = originRefusal(req.headers, allowed) ?? (headerOptional ? null : contentRefusal(req));
    if (refused) {
      res.status(403).json({ error: refused });
      return;
    }
    next();
  };
}

/**
 * Why the guard dropped an Open311 write's session (a cross-site request carrying the user's cookie),
 * or undefined: such a write may go on only with an api key.
 */
export function open311Refusal(res: Response): string | undefined {
  const refused: unknown = res.locals.open311Refusal;
  return typeof refused === 'string' ? refused : undefined;
}

/** CORS headers on an answer to an allowed origin other than the server's own. */
function allowCredentials(req: Request, res: Response, allowed: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  res.vary('Origin');
  if (origin && allowed.has(parseOrigin(origin) ?? '')) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
  }
}

/** A CORS preflight: allowed origins get the methods and headers the API takes, others a 403. */
function preflight(req: Request, res: Response, allowed: ReadonlySet<string>): void {
  const refused = originRefusal(req.headers, allowed);
  res.vary('Origin');
  if (refused) {
    res.status(403).json({ error: refused });
    return;
  }
  if (req.headers.origin) {
    res.set('Access-Control-Allow-Origin', req.headers.origin);
    res.set('Access-Control-Allow-Credentials', 'true');
  }
  res.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE');
  res.set('Access-Control-Allow-Headers', ['content-type', ...CLIENT_HEADERS].join(', '));
  res.set('Access-Control-Max-Age', '600');
  res.status(204).end();
}
