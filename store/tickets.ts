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

/** The journey's ticket, issued on the first call; every later or concurrent call gets the same one. */
export async function issueTicket(db: Db, journeyId: string): Promise<string> {
  const existing = await findTicket(db, journeyId);
  if (existing) return existing;
  const next = await db.one<{ year: number; sequence: number }>(
    `SELECT extract(year FROM now() AT TIME ZONE 'Europe/Brussels')::int AS year,
            nextval('ticket_sequence') AS sequence`,
  );
  // A concurrent caller may have inserted meanwhile: its row wins, and we read it back.
  await db.query('INSERT INTO tickets (journey_id, ticket) VALUES ($1, $2) ON CONFLICT (journey_id) DO NOTHING', [
    journeyId,
    formatTicket(next.year, next.sequence),
  ]);
  const issued = await findTicket(db, journeyId);
  if (!issued) throw new Error(`Ticket for journey ${journeyId} vanished after it was issued.`);
  return issued;
}

export async function findTicket(db: Db, journeyId: string): Promise<string | null> {
  const row = await db.maybeOne<{ ticket: string }>('SELECT ticket FROM tickets WHERE journey_id = $1', [journeyId]);
  return row?.ticket ?? null;
}
