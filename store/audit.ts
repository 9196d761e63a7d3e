/** Append-only audit trail: who did what to which subject, when, with details. */
import type { Db } from './db';

export interface AuditEntry {
  id: number;
  /** ISO-8601. */
  at: string;
  actor: string;
  action: string;
  /** What the entry is about, e.g. `member:<enterprise number>:<niss>` or `request:<journey id>`. */
  subject: string;
  details: Record<string, unknown>;
}

export type NewAuditEntry = Pick<AuditEntry, 'actor' | 'action' | 'subject'> & { details?: Record<string, unknown> };

const columns = 'id, at, actor, action, subject, details';

export function appendAudit(db: Db, entry: NewAuditEntry): Promise<AuditEntry> {
  return db.one<AuditEntry>(
    `INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4::jsonb) RETURNING ${columns}`,
    [entry.actor, entry.action, entry.subject, JSON.stringify(entry.details ?? {})],
  );
}

/** The subject's entries, oldest first. */
export function listAuditBySubject(db: Db, subject: string, options: { limit?: number } = {}): Promise<AuditEntry[]> {
  return db.query<AuditEntry>(`SELECT ${columns} FROM audit_log WHERE subject = $1 ORDER BY id LIMIT $2`, [
    subject,
    options.limit ?? 1000,
  ]);
}

export function memberSubject(enterpriseNumber: string, niss: string): string {
  return `member:${enterpriseNumber}:${niss}`;
}
