# One image for both processes of the service (see docker-compose.yml):
#   the API      docker run <image>                                            (the default command)
#   the worker   docker run <image> node --require ./worker/workflow-thread-preload.cjs scripts/run.mjs scripts/worker.ts
# They connect to a Temporal cluster and PostgreSQL that run elsewhere (TEMPORAL_* and DATABASE_URL).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# A container is reached through its own address: listen on every interface (the default is loopback).
ENV HOST=0.0.0.0
COPY package.json package-lock.json ./
# Install scripts run after the sources are in: the package's own postinstall builds the web application.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY . .
RUN node --import tsx scripts/build-web.ts && node --import tsx scripts/build-workflow-bundle.ts
# The service runs on plain Node from JavaScript compiled here (scripts/run.mjs, checked at every load).
RUN node scripts/run.mjs --compile
# 3000 the API (PORT), 3001 the worker's health endpoints (WORKER_HEALTH_PORT), 9464 the worker's
# Temporal SDK metrics (TEMPORAL_METRICS_ADDRESS). No HEALTHCHECK here: the orchestrator checks
# /readyz on the port of the process it runs (docker-compose.yml does, with node's fetch: the image
# has no curl).
EXPOSE 3000 3001 9464
USER node
CMD ["node", "--require", "./worker/workflow-thread-preload.cjs", "scripts/run.mjs", "scripts/api.ts"]
