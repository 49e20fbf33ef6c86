import type { RunningServer } from '../../src/server';

export interface Endpoint {
  method: string;
  /** The route as declared, under /api (e.g. `/api/runs/:id/seats/:seat`). */
  path: string;
}

/** Every route of the app: app-level routes and those of the routers mounted at /api. */
export function endpoints(server: RunningServer): Endpoint[] {
  const stack = (server.app.express as unknown as { router: { stack: Layer[] } }).router.stack;
  interface Layer {
    rawPath?: unknown;
    route?: { path: string; methods: Record<string, boolean> };
    handle: { stack?: unknown };
  }
  const out: Endpoint[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods))
        out.push({ method: method.toUpperCase(), path: layer.route.path });
    } else if (layer.rawPath === '/api' && Array.isArray(layer.handle.stack)) {
      for (const inner of layer.handle.stack as Layer[])
        for (const method of Object.keys(inner.route?.methods ?? {}))
          out.push({ method: method.toUpperCase(), path: `/api${inner.route?.path ?? ''}` });
    }
  }
  // The dashboard's fallback (a RegExp, when client/dist exists) is not an API route.
  return out.filter((e) => typeof e.path === 'string' && e.path.startsWith('/api/'));
}
