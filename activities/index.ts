/** Every activity the journeys invoke, named like the machines' actors, bound to the store. */
import type { Db } from '../store/db';
import { createAccessActivities } from './access';
import { createRequestActivities } from './requests';
import { createWorkerPartActivities } from './worker-part';

export interface ActivityDeps {
  db: Db;
}

export function createActivities({ db }: ActivityDeps) {
  return { ...createAccessActivities(db), ...createRequestActivities(db), ...createWorkerPartActivities(db) };
}
