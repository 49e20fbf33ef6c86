# hotline-sim's image (issue 16): the live server, the worker and the `hotline` CLI, one image.
#
#   docker build -t hotline-sim .
#   docker run --init -p 3000:3000 -e REDIS_URL=redis://host:6379 hotline-sim          # the server (CMD)
#   docker run --init -e REDIS_URL=redis://host:6379 hotline-sim node server/bin/worker.js  # a worker
#   docker run --rm hotline-sim node server/bin/hotline.js run mmc                        # the CLI
#
# Three stages: `build` installs everything and builds the dashboard (client/dist) and the server
# bundle (server/dist, esbuild); `deps` installs the production dependencies of the server alone (no
# esbuild, tsx, vite, React or test tools); the runtime stage copies the two together onto the slim
# base. `deps` is on the full Debian image so better-sqlite3 can still compile if its prebuilt addon
# cannot be fetched; both bases are the same Node release on the same Debian (bookworm, one glibc), so
# the addon `deps` installs loads in the slim runtime.
#
# The test server/test/image-entry.test.ts reads this file's ENV lines and CMD and runs that command
# outside Docker against a Redis it starts: keep both in the forms it parses (one `ENV KEY=value` a
# line; CMD as a JSON array).
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
# The manifests first, so the install layer is reused until a manifest or the lockfile changes.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
# The server's dependencies and shared's (its bundled model code imports yaml, zod and pure-rand).
RUN npm ci --omit=dev --workspace @hotline-sim/server --workspace @hotline-sim/shared --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
ENV HOST=0.0.0.0
ENV PORT=3000
ENV DATA_DIR=/data
# Headless Chromium prints lesson worksheets to PDF (CHROMIUM_PATH, /usr/bin/chromium by default), with
# CJK fonts for the Chinese ones; without it the worksheet PDF answers 503 and everything else works.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
# node_modules with the workspaces' nested ones (server/node_modules holds commander 14, say), and
# the manifests: server/package.json makes server/**/*.js ES modules.
COPY --from=deps /app ./
# The bins check server/dist against its sources; the sources are not in the image, so the bundle
# made in the build stage is always the one that runs (and esbuild, a dev dependency, is never needed).
COPY --from=build /app/server/bin server/bin
COPY --from=build /app/server/scripts server/scripts
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
# SQLite records (and nothing else) under DATA_DIR; a volume mounted there starts owned by `node`.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
# Node's own fetch: the slim image has no curl. The worker runs from this image too and serves no
# HTTP: docker-compose.yml turns this check off for it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/bin/server.js"]
