import { appendAudit, listAuditBySubject } from '../../../store/audit';
import { findIdempotentResponse, rememberIdempotentResponse } from '../../../store/idempotency';
import { backends, openMigratedDb, type TestDb } from './backends';

describe.each(backends)('audit log and idempotency keys on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigratedDb(backend, 'audit');
  });
  afterAll(() => t.dispose());

  it('appends entries and lists a subject’s entries oldest first', async () => {
    const first = await appendAudit(t.db, { actor: 'a', action: 'request.submitted', subject: 'request:j1', details: { ticket: 'BAW-2026-000001' } });
    await appendAudit(t.db, { actor: 'b', action: 'request.other', subject: 'request:j2' });
    const second = await appendAudit(t.db, { actor: 'backoffice', action: 'request.accepted', subject: 'request:j1', details: { why: ['ok'] } });
    expect(first).toMatchObject({ actor: 'a', details: { ticket: 'BAW-2026-000001' } });
    expect(typeof first.id).toBe('number');
    expect(first.at).toMatch(/Z$/);
    const entries = await listAuditBySubject(t.db, 'request:j1');
    expect(entries.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(entries[1]?.details).toEqual({ why: ['ok'] });
    expect(await listAuditBySubject(t.db, 'request:j1', { limit: 1 })).toHaveLength(1);
    expect((await listAuditBySubject(t.db, 'request:j2'))[0]?.details).toEqual({});
  });

  it('remembers the first response for an idempotency key', async () => {
    expect(await findIdempotentResponse(t.db, 'POST /api/journeys/request', 'k1')).toBeNull();
    expect(await rememberIdempotentResponse(t.db, 'POST /api/journeys/request', 'k1', { id: 'first' })).toEqual({ id: 'first' });
    expect(await rememberIdempotentResponse(t.db, 'POST /api/journeys/request', 'k1', { id: 'second' })).toEqual({ id: 'first' });
    expect(await rememberIdempotentResponse(t.db, 'POST /api/other', 'k1', { id: 'other scope' })).toEqual({ id: 'other scope' });
  });
});
