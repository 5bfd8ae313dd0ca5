# syntax=docker/dockerfile:1.20
# MegicAI API and worker: one image, two commands (build from the repository root).
#
#   docker build -f docker/api.Dockerfile -t megicai-api .
#   docker run --env-file .env -p 3000:3000 megicai-api                              # HTTP API, SPA at /
#   docker run --env-file .env megicai-api node apps/api/dist/worker.js               # BullMQ worker
#
# The API applies pending migrations when it starts; start the worker after it (compose does).
# Needs BuildKit (the default builder since Docker 23) for `COPY --parents` and the npm cache mount.

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
# No Nx daemon or cloud in a one-shot build; no telemetry from install scripts (@scarf/scarf in swagger-ui-dist).
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    SCARF_ANALYTICS=false \
    DO_NOT_TRACK=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# Only the manifests, so the dependency layers are rebuilt when they change and not on every source edit.
# (npm ci needs the package.json of every workspace the lockfile lists.)
FROM base AS manifests
COPY package.json package-lock.json .npmrc ./
COPY --parents apps/*/package.json libs/*/package.json ./

FROM manifests AS deps
RUN --mount=type=cache,target=/root/.npm npm ci

FROM manifests AS prod-deps
# Production dependencies only; the workspace links (node_modules/@megicai/contracts → libs/contracts) are kept.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM deps AS build
COPY . .
# The API also serves the SPA, so the web build goes into this image too.
RUN npx nx run-many -t build -p contracts web api --output-style=stream

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    STORAGE_DIR=/app/storage
WORKDIR /app

# Code and dependencies stay owned by root (read-only for the app); only the asset folder is writable.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=build /app/libs/contracts/package.json ./libs/contracts/package.json
COPY --from=build /app/libs/contracts/dist ./libs/contracts/dist
COPY --from=build /app/apps/api/package.json ./apps/api/package.json
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
RUN mkdir -p /app/storage && chown node:node /app/storage

USER node
EXPOSE 3000
VOLUME ["/app/storage"]

# Liveness only (no database round trip): readiness is /api/health/ready. Node 20 has fetch built in, so no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Nest's shutdown hooks handle SIGTERM (requests in flight finish); compose adds `init: true` to reap zombies.
CMD ["node", "apps/api/dist/main.js"]
