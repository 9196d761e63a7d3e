# The service (API + worker) for a Temporal server and PostgreSQL that run elsewhere (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
EXPOSE 3000 9464
USER node
CMD ["node", "--import", "tsx", "scripts/start.ts"]
