/**
 * Ticket numbers, the reference a PO uses to follow a request.
 *
 * Format: `BAW-<year of issue>-<sequence>`, e.g. `BAW-2026-000123`: the prefix names Break@Work,
 * the year (Brussels time) helps people read and say it, and the sequence is zero-padded to at
 * least 6 digits. The sequence is one PostgreSQL SEQUENCE that never resets, so the number alone
 * is unique; gaps are normal (a sequence value is spent when two callers race for one journey).
 */
import type { Db } from './db';

export const ticketPattern = /^BAW-\d{4}-\d{6,}$/;

export function formatTicket(year: number, sequence: number): string {
  return `BAW-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The journey's ticket, issued on the first call; every later or concurrent call gets the same one.
 * Two round trips when it is issued (the journey's ticket or the next number, then the insert), one when
 * it exists; a third only when a concurrent caller inserted between the two.
 */
export async function issueTicket(db: Db, journeyId: string): Promise<string> {
  // The sequence is drawn only when the journey has no ticket yet.
  const next = await db.one<{ existing: string | null; year: number; sequence: number | null }>(
    `SELECT t.ticket AS existing,
            extract(year FROM now() AT TIME ZONE 'Europe/Brussels')::int AS year,
            CASE WHEN t.ticket IS NULL THEN nextval('ticket_sequence') END AS sequence
     FROM (VALUES (1)) AS one (x) LEFT JOIN tickets t ON t.journey_id = $1`,
    [journeyId],
    { prepared: 'ticket-next' },
  );
  if (next.existing) return next.existing;
  const inserted = await db.query<{ ticket: string }>(
    'INSERT INTO tickets (journey_id, ticket) VALUES ($1, $2) ON CONFLICT (journey_id) DO NOTHING RETURNING ticket',
    [journeyId, formatTicket(next.year, Number(next.sequence))],
    { prepared: 'ticket-insert' },
  );
  if (inserted[0]) return inserted[0].ticket;
  // A concurrent caller inserted meanwhile: its row wins, and we read it back.
  const issued = await findTicket(db, journeyId);
  if (!issued) throw new Error(`Ticket for journey ${journeyId} vanished after it was issued.`);
  return issued;
}

export async function findTicket(db: Db, journeyId: string): Promise<string | null> {
  const row = await db.maybeOne<{ ticket: string }>('SELECT ticket FROM tickets WHERE journey_id = $1', [journeyId]);
  return row?.ticket ?? null;
}
