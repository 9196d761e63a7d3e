/**
 * Requests put in place through the API before a browser test looks at them: a full ordinary
 * interruption of three months in school A of PO Y, introduced by the PO to its ticket.
 */
import type TestAgent from 'supertest/lib/agent';
import { demoCast } from '../../store/demo-data';
import { ok, send, start, type JourneyEvent } from '../support/http-journeys';

type Teacher = (typeof demoCast.teachers)['primaryA' | 'nurseryA'];

/** The events of a full ordinary interruption of 3 months from `startMonth` (YYYY-MM), to its ticket. */
export function ordinaryInterruption(worker: Teacher, startMonth: string): JourneyEvent[] {
  const occupation = worker.occupations[0];
  const [year, month] = startMonth.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(year, month - 1 + 3, 0)).toISOString().slice(0, 10);
  return [
    { type: 'SELECT_WORKER', community: 'FR', school: demoCast.schools.a.schoolNumber, niss: worker.niss, status: occupation.status, ...(worker.email ? { email: worker.email } : {}) },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
    { type: 'ANSWER_QUESTIONS', level: occupation.level, before: occupation.periodsPerWeek, during: 0, start: `${startMonth}-01`, end, multipleEmployers: false },
    { type: 'CONFIRM', allCorrect: true },
  ];
}

/** Introduces a request with these events as the PO of `poToken`; its ticket. */
export async function introduceThroughApi(http: TestAgent, poToken: string, events: JourneyEvent[]): Promise<string> {
  let journey = ok(await start(http, poToken, 'request'));
  for (const event of events) journey = ok(await send(http, poToken, journey.id, event));
  expect(journey.screen).toBe('awaitingWorker');
  return journey.context.ticket as string;
}
