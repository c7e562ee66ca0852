# Wijkwerk in a container: docs/production.md describes the same set-up without one (environment,
# PostgreSQL roles, TLS at a reverse proxy, backups). Configure with environment variables; at least
# NODE_ENV=production (the default here), PUBLIC_URL, DATABASE_URL and SECRET_ENCRYPTION_KEY.

# The web app is built with the dev dependencies (Vite); the image keeps only the result.
FROM node:24-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

# The runtime: Node 24 from the base image (the pinned `node` package is a dev dependency) and the
# production dependencies only; the server runs its TypeScript sources directly, without a build step.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY server ./server
COPY --from=web /app/web/dist ./web/dist
# Not root; the data folder is the only place it may write (the embedded database, when DATABASE_URL is unset).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Liveness; a load balancer should look at /readyz instead (database reachable, migrations applied).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM from `docker stop` reaches the server, which then shuts down cleanly.
CMD ["node", "server/main.ts"]
