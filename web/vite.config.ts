// The web application's build: a static bundle in web/dist that the API serves at `/` (api/web.ts).
// scripts/build-web.ts builds it (at install, at start and before the tests) with this file, root web/.
// While working on the UI, `npx vite web` serves it with the API of `npm start` proxied.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 400 },
  server: { proxy: { '/api': 'http://localhost:3000', '/openapi.json': 'http://localhost:3000' } },
});
