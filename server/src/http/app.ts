import { createServer, type Server as HttpServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientToServerEvents, ServerToClientEvents } from '@hotline-sim/shared';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { Server as IoServer } from 'socket.io';
import type { Comparisons } from '../experiments/comparisons';
import type { Sweeps } from '../experiments/sweeps';
import { assertGuarded, authRoutes, readCookie, sessionMiddleware, sessionRoom, type Auth } from '../auth';
import { ApiError } from './errors';
import type { RunManager } from '../live/run-manager';
import { attachRealtime, type Realtime } from '../realtime/rooms';
import { catalogueRoutes } from './catalogue-routes';
import { crossSiteGuard, originRefusal } from './cross-site';
import { lookupRoutes } from '../training/lookup-routes';
import { roleSeatRoutes } from '../training/role-seat-routes';
import { seatRoutes } from '../training/seat-routes';
import { runRoutes } from './routes';
import { badTextMessage, findBadText } from './text';

export interface AppDeps {
  manager: RunManager;
  comparisons: Comparisons;
  sweeps: Sweeps;
  logger: Logger;
  /** The built dashboard (client/dist), served at / when it exists. */
  clientDist?: string;
  /** Socket.IO adapter factory (the Redis adapter, so several servers share rooms). */
  adapter?: Parameters<IoServer['adapter']>[0];
  /** Sessions, join codes, api keys and the instructor password. */
  auth: Auth;
  /** Routes mounted before /api (ops, admin, Open311): each guards itself. */
  extraRoutes?: (app: express.Express) => void;
  /** More routes under /api (exports, exercises); each route names who may call it (`allow`). */
  apiRoutes?: express.Router[];
  /** Origins besides the server's own that may write and open sockets (ALLOWED_ORIGINS). @defaultValue [] */
  allowedOrigins?: readonly string[];
}

export interface App {
  http: HttpServer;
  /** The Express app behind `http` (tests walk its routes). */
  express: express.Express;
  io: IoServer<ClientToServerEvents, ServerToClientEvents>;
  realtime: Realtime;
}

/** Largest JSON body accepted (a whole scenario with a trace fits; anything bigger is refused with 413). */
export const BODY_LIMIT = '2mb';

/** Deepest nesting of arrays and objects accepted in a JSON body (a whole scenario needs about eight). */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests arrays or objects more than `limit` levels deep (without recursing itself). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The HTTP side of the server: REST under /api, Socket.IO rooms per run, and the built dashboard.
 * Errors become `{ error }` with a 4xx naming the problem; nothing reaches the client as a stack trace.
 */
export function createApp(deps: AppDeps): App {
  const allowedOrigins = deps.allowedOrigins ?? [];
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The dashboard is served over plain HTTP in classrooms: upgrading its requests would break it.
          upgradeInsecureRequests: null,
          // The map draws on canvas; the city's outline and workers need blob: and data: images.
          imgSrc: ["'self'", 'data:', 'blob:'],
          workerSrc: ["'self'", 'blob:'],
        },
      },
    }),
  );
  // Gzip for the city's map (~0.5 MB of JSON) and the dashboard's bundle; Socket.IO compresses its own.
  app.use(compression());
  const jsonBody = express.json({ limit: BODY_LIMIT });
  // Open311 parses its own bodies (forms and JSON, 64 KB) and answers errors in the spec's shape.
  app.use((req, res, next) => (req.path.startsWith('/open311/') ? next() : jsonBody(req, res, next)));
  app.use((req, res, next) => {
    // Checked before anything walks the body recursively (validation, error messages), which a
    // deeply nested one would overflow the stack of: a 500 instead of a 4xx.
    if (nestedDeeperThan(req.body, MAX_JSON_DEPTH)) {
      res.status(400).json({ error: `JSON body nested deeper than ${MAX_JSON_DEPTH} levels` });
      return;
    }
    // Every text field of the REST API at once: no control characters, no unpaired surrogates.
    const bad = req.path.startsWith('/open311/') ? null : findBadText(req.body);
    if (bad) res.status(400).json({ error: `${bad.path}: ${badTextMessage(bad.character)}` });
    else next();
  });
  app.use(sessionMiddleware(deps.auth));
  // Before every route that writes (/api, bull-board, Open311's session writes): see cross-site.ts.
  app.use(crossSiteGuard(allowedOrigins));
  deps.extraRoutes?.(app);
  // The realtime layer is attached below, once the HTTP server exists; messages reach it through this.
  const seats: { send?: Realtime['message'] } = {};
  const api = [
    authRoutes(deps.auth, deps.manager),
    runRoutes(deps.manager),
    seatRoutes(deps.manager, (message, names) => seats.send?.(message, names)),
    lookupRoutes(deps.manager),
    roleSeatRoutes(deps.manager),
    catalogueRoutes(deps.comparisons, deps.sweeps),
    ...(deps.apiRoutes ?? []),
  ];
  // Access rules are checked on the route that matched, never on the raw path string: each route
  // names who may call it (allow(…), roles.ts), and a route that names nobody stops the start here.
  for (const routes of api) {
    assertGuarded(routes, 'REST API');
    app.use('/api', routes);
  }
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API endpoint (see README: Live server API)' });
  });
  if (deps.clientDist && existsSync(join(deps.clientDist, 'index.html'))) {
    const dist = deps.clientDist;
    app.use(express.static(dist));
    // The dashboard's own paths only: the server's namespaces (any case, as Express matches them)
    // answer their own 404s, never the dashboard's page.
    app.get(/^(?!\/+(api|socket\.io|admin|open311)(\/|$)).*/i, (_req, res) =>
      res.sendFile(join(dist, 'index.html')),
    );
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain; charset=utf-8')
        .send(
          'hotline-sim server is running. The dashboard is not built yet: run `npm run build -w @hotline-sim/client`.\n' +
            'API: GET /api/runs, POST /api/runs {"scenario":"beijing-weekday","speed":60}\n',
        );
    });
  }
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
    if (err instanceof ApiError) {
      res.status(err.status).json({ error: err.message });
    } else if (e.type === 'entity.too.large') {
      res.status(413).json({ error: `request body too large (limit ${BODY_LIMIT})` });
    } else if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: `malformed JSON body: ${e.message ?? ''}` });
    } else if (typeof (e.status ?? e.statusCode) === 'number' && (e.status ?? e.statusCode ?? 500) < 500) {
      res.status(e.status ?? e.statusCode ?? 400).json({ error: e.message ?? 'bad request' });
    } else {
      deps.logger.error({ err }, 'request failed');
      res.status(500).json({ error: 'internal error (logged on the server)' });
    }
  });

  const http = createServer(app);
  const allowed = new Set(allowedOrigins);
  const io = new IoServer<ClientToServerEvents, ServerToClientEvents>(http, {
    maxHttpBufferSize: 64 * 1024,
    // A page on another origin must not watch runs with the user's cookie: WebSocket ignores CORS,
    // so the handshake's Origin is checked like a REST write's (same origin or ALLOWED_ORIGINS).
    cors: { origin: [...allowedOrigins], credentials: true },
    allowRequest: (req, callback) => {
      const refused = originRefusal(req.headers, allowed);
      callback(refused, refused === null);
    },
  });
  if (deps.adapter) io.adapter(deps.adapter);
  // Every socket needs a session: the cookie travels with the handshake (same origin, or extraHeaders).
  io.use((socket, next) => {
    const token = readCookie(socket.request.headers.cookie);
    deps.auth.sessions
      .get(token)
      .then(async (session) => {
        if (!session || !token) return next(new Error('unauthorized'));
        socket.data.session = session;
        // Ending the session (revoked code, logout) disconnects the socket, on whichever server.
        await socket.join(sessionRoom(token));
        next();
      })
      .catch(() => next(new Error('session check failed; try again')));
  });
  deps.auth.onSessionsEnded = (rooms) => io.in(rooms).disconnectSockets(true);
  const realtime = attachRealtime(io, deps.manager, deps.logger);
  seats.send = (message, names) => realtime.message(message, names);
  return { http, express: app, io, realtime };
}
