# Build stage: the client (dist/client) and the server compiled to JavaScript (dist/server, `npm run build`), then
# only the production dependencies are kept. better-sqlite3 compiles here for Node 24 (python3, make, g++).
FROM node:24-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# better-sqlite3 12 (kept for Node 20 in development) aborts on Node 24 when a statement is garbage-collected; 13, a
# Node-API module with prebuilt binaries in its npm package, does not (it needs Node >= 22). .ci/node24 runs the unit
# and integration tests with the same version on Node 24.
ARG BETTER_SQLITE3_NODE24=13.2.0
RUN npm run build && npm prune --omit=dev \
  && npm pack --silent --pack-destination /tmp "better-sqlite3@${BETTER_SQLITE3_NODE24}" \
  && rm -rf node_modules/better-sqlite3 && mkdir node_modules/better-sqlite3 \
  && tar xzf "/tmp/better-sqlite3-${BETTER_SQLITE3_NODE24}.tgz" -C node_modules/better-sqlite3 --strip-components=1

# Runtime: Node 24 (the current LTS), no TypeScript loader, no compilers, not root.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data CLIENT_DIR=/app/dist/client
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The image's `node` user (uid 1000) owns the data volume and nothing else.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /healthz: the process answers (docs/OPERATIONS.md); docker marks the container unhealthy after three misses.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form, no npm or shell in between): the server stops accepting, closes every
# connection (clients reconnect elsewhere or later), flushes storage and exits 0 (tests/integration/compiledServer.test.ts).
# --max-semi-space-size: see server/nodeFlags.ts.
CMD ["node", "--max-semi-space-size=64", "dist/server/main.js"]
