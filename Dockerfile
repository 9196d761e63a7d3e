# The service (API + worker) for a Temporal server and PostgreSQL that run elsewhere (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# A container is reached through its published port: listen on every interface (the default is loopback).
ENV HOST=0.0.0.0
COPY package.json package-lock.json ./
# Install scripts run after the sources are in: the package's own postinstall builds the web application.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY . .
RUN node --import tsx scripts/build-web.ts
EXPOSE 3000 9464
USER node
CMD ["node", "--import", "tsx", "scripts/start.ts"]
