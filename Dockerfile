# One image: builds the client, then runs the server with tsx. better-sqlite3 compiles here (python3, make, g++).
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data CLIENT_DIR=/app/dist/client
COPY --from=build /app /app
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK CMD node -e "fetch('http://localhost:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM reaches node directly (no npm wrapper), so shutdown flushes storage and closes connections cleanly.
# --max-semi-space-size: see server/nodeFlags.ts.
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "server/main.ts"]
