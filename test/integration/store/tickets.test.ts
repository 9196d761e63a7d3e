import { findTicket, formatTicket, issueTicket, ticketPattern } from '../../../store/tickets';
import { backends, openMigratedDb, type TestDb } from './backends';

describe('ticket format', () => {
  it('is BAW-<year>-<sequence of at least 6 digits>', () => {
    expect(formatTicket(2026, 123)).toBe('BAW-2026-000123');
    expect(formatTicket(2027, 1_234_567)).toBe('BAW-2027-1234567');
    expect(ticketPattern.test('BAW-2026-000123')).toBe(true);
    expect(ticketPattern.test('BAW-26-123')).toBe(false);
  });
});

describe.each(backends)('issueTicket on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigratedDb(backend, 'tickets');
  });
  afterAll(() => t.dispose());

  it('issues a readable ticket for the current year', async () => {
    const ticket = await issueTicket(t.db, 'journey-format');
    expect(ticket).toMatch(ticketPattern);
    const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date()));
    expect(ticket.slice(4, 8)).toBe(String(year));
    expect(await findTicket(t.db, 'journey-format')).toBe(ticket);
    expect(await findTicket(t.db, 'journey-unknown')).toBeNull();
  });

  it('gives the same ticket to the same journey, however often asked', async () => {
    const first = await issueTicket(t.db, 'journey-again');
    expect(await issueTicket(t.db, 'journey-again')).toBe(first);
  });

  it('gives one ticket to 20 concurrent calls for one journey', async () => {
    const tickets = await Promise.all(Array.from({ length: 20 }, () => issueTicket(t.db, 'journey-concurrent')));
    expect(new Set(tickets).size).toBe(1);
    expect(await t.db.one(`SELECT count(*) AS n FROM tickets WHERE journey_id = 'journey-concurrent'`)).toEqual({ n: 1 });
  });

  it('gives different tickets to 20 concurrent journeys', async () => {
    const journeys = Array.from({ length: 20 }, (_, i) => `journey-${i}`);
    const tickets = await Promise.all(journeys.map((journey) => issueTicket(t.db, journey)));
    expect(new Set(tickets).size).toBe(20);
    for (const ticket of tickets) expect(ticket).toMatch(ticketPattern);
  });

  (backend === 'postgres' ? it : it.skip)('stays one ticket per journey across separate connection pools', async () => {
    const other = await t.openAnother();
    const dbs = [t.db, other];
    const tickets = await Promise.all(
      Array.from({ length: 20 }, (_, i) => issueTicket(dbs[i % 2] ?? t.db, 'journey-two-pools')),
    );
    expect(new Set(tickets).size).toBe(1);
  });
});
