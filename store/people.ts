/** The people who sign in (by NISS): what the development identity provider may issue tokens for. */
import type { Db } from './db';

export interface Person {
  niss: string;
  lastName: string;
  firstName: string;
}

const personColumns = 'niss, last_name AS "lastName", first_name AS "firstName"';

export function findPerson(db: Db, niss: string): Promise<Person | null> {
  return db.maybeOne<Person>(`SELECT ${personColumns} FROM people WHERE niss = $1`, [niss]);
}

export function listPeople(db: Db): Promise<Person[]> {
  return db.query<Person>(`SELECT ${personColumns} FROM people ORDER BY last_name, first_name, niss`);
}
