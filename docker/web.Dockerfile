# syntax=docker/dockerfile:1.20
# MegicAI SPA as static files on nginx; `/api` is proxied to the API service (build from the repository root).
#
#   docker build -f docker/web.Dockerfile -t megicai-web .
#   docker run -p 8080:80 --add-host api:<api address> megicai-web
#
# In compose the API answers at http://api:3000 (see docker/nginx.conf); API_UPSTREAM overrides it.

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    SCARF_ANALYTICS=false \
    DO_NOT_TRACK=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json .npmrc ./
COPY --parents apps/*/package.json libs/*/package.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npx nx run-many -t build -p contracts web --output-style=stream

FROM nginx:stable-alpine AS runtime
# The official image renders /etc/nginx/templates/*.template with envsubst into conf.d at start-up
# (only the variables NGINX_ENVSUBST_FILTER names, so nginx's own $variables are left alone).
ENV API_UPSTREAM=http://api:3000 \
    DNS_RESOLVER=127.0.0.11 \
    NGINX_ENVSUBST_FILTER="API_UPSTREAM|DNS_RESOLVER"
RUN rm -f /etc/nginx/conf.d/default.conf
COPY docker/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/healthz"]
