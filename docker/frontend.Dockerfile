# The reference citizen front end (frontend/): Astro, server-rendered by its Node adapter
# in middleware mode inside server/main.mjs (security headers, Host allow-list,
# compression) on Node 20. It reads only the public API of the backend
# (VRIJHAVEN_API_URL, read at start-up) and passes media and documents through, so only
# this container needs to be reachable by readers.
#
# Set at run time, never baked in: VRIJHAVEN_WEBHOOK_SECRET (verifies the backend's publish
# webhook at POST /api/revalidate), VRIJHAVEN_API_KEY (sent as X-Vrijhaven-Client-Key, so
# the API does not rate-limit its own front end), VRIJHAVEN_SITE_URL (the public origin the
# forms' same-origin check accepts behind a proxy; its host is allowed), VRIJHAVEN_ALLOWED_HOSTS
# (every other name readers and the backend's webhook use; anything else is a 400),
# VRIJHAVEN_HSTS_SECONDS (HSTS, once the site is HTTPS-only). VRIJHAVEN_CACHE_MB / _ENTRIES
# bound the in-memory answer cache.
FROM node:20-bookworm-slim AS build
ENV ASTRO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    ASTRO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    VRIJHAVEN_API_URL=http://web:8000 \
    VRIJHAVEN_CACHE_MB=64
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/server ./server
USER node
EXPOSE 3000
# node directly (not npm start), so `docker stop`'s SIGTERM reaches the server.
CMD ["node", "server/main.mjs"]
