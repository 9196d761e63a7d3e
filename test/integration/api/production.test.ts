/** In production mode the development identity provider is not there at all. */
import { startTestService, type TestService } from '../../support/service-harness';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ env: { NODE_ENV: 'production', TOKEN_SECRET: 'p'.repeat(40) } });
});
afterAll(async () => {
  await service?.stop();
});

test('no development tokens in production', async () => {
  const res = await service.http.post('/api/dev/identity/tokens').send({ niss: '79011603980' });
  expect(res.status).toBe(404);
  const doc = (await service.http.get('/openapi.json')).body as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/dev/'))).toEqual([]);
});
