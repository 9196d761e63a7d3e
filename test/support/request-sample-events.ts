/**
 * Valid payloads of the request journey for Sophie Lambert, statutory primary teacher of school A of PO Y
 * in the demo cast (the guide's example under valid numbers). The unit tests generate paths with them
 * (xstate/graph), and the HTTP path tests can send them as they are.
 */
import type { CheckWorkerOutput, RequestEventPayload, RequestEventType } from '../../machines/request';
import { demoCast } from '../../store/demo-data';

const { organisations, schools, teachers, people } = demoCast;

export const poY = { enterprise: organisations.poY.enterpriseNumber, name: organisations.poY.name } as const;
export const schoolA = { number: schools.a.schoolNumber, name: schools.a.name } as const;
/** 82.04.12-072.57, born 12 April 1982, full time in primary at school A. */
export const teacher = {
  niss: teachers.primaryA.niss,
  lastName: teachers.primaryA.lastName,
  firstName: teachers.primaryA.firstName,
  birthDate: teachers.primaryA.birthDate,
  email: teachers.primaryA.email,
} as const;
/** The PO user who introduces the request (PO-education permission only). */
export const poUser = { niss: people.poEducationOnly.niss } as const;

/** A start input as the API fills it for a PO Y user. */
export const requestSampleInput = {
  acting: { enterprise: poY.enterprise, mode: 'PO', enterpriseName: poY.name },
  introducedBy: poUser.niss,
  openedOn: '2025-08-20',
} as const;

type SampleOf<K extends RequestEventType> = Extract<RequestEventPayload, { type: K }>;

/** One valid payload per event type: a half-time parental leave over September and October 2025. */
export const requestSampleEvents: { readonly [K in RequestEventType]: SampleOf<K> } = {
  SELECT_WORKER: { type: 'SELECT_WORKER', community: 'FR', school: '0321.654.968', niss: '82.04.12-072.57', status: 'STATUTORY', email: teacher.email },
  START_REQUEST: { type: 'START_REQUEST' },
  CHOOSE_LEAVE: { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' },
  ANSWER_QUESTIONS: { type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 12, start: '2025-09-01', end: '2025-10-31', multipleEmployers: false },
  CONFIRM: { type: 'CONFIRM', allCorrect: true },
  BACK: { type: 'BACK' },
  ABANDON: { type: 'ABANDON', reason: 'The worker changed their mind.' },
  WITHDRAW: { type: 'WITHDRAW', reason: 'The worker no longer wants the leave.' },
  WORKER_PART_COMPLETED: { type: 'WORKER_PART_COMPLETED' },
  DECIDE: { type: 'DECIDE', decision: 'accepted', reason: 'All conditions are met.' },
  SEND_BACK: { type: 'SEND_BACK', to: 'employer', reason: 'The workload before the interruption is missing one period.' },
  RETRY_RECORD: { type: 'RETRY_RECORD' },
};

/** Every sample, with the other outcomes of the back-office events, for path generation. */
export const requestSampleEventList: readonly RequestEventPayload[] = [
  ...Object.values(requestSampleEvents),
  { type: 'DECIDE', decision: 'refused', reason: 'The parental leave for this child is used up.' },
  { type: 'SEND_BACK', to: 'worker', reason: 'The birth certificate of the child is missing.' },
];

/** What the stubbed `checkWorker` answers for the teacher. */
export const teacherCheck: Extract<CheckWorkerOutput, { ok: true }> = {
  ok: true,
  worker: { niss: teacher.niss, lastName: teacher.lastName, firstName: teacher.firstName, birthDate: teacher.birthDate },
  school: { ...schoolA, community: 'FR' },
  occupation: { level: 'PRIMARY', periodsPerWeek: 24 },
  employerCount: 1,
};

/**
 * The invoked actors' results as the machine receives them, for path generation on the bare machine
 * (`xstate.*` steps of a generated path are what the activities do: an HTTP driver skips them).
 */
export const requestSampleActorEvents = [
  { type: 'xstate.done.actor.checkWorker', output: teacherCheck },
  { type: 'xstate.done.actor.checkWorker', output: { ok: false, code: 'WORKER_NOT_OCCUPIED_IN_SCHOOL', message: 'The staff member is not occupied in this school' } },
  { type: 'xstate.done.actor.recordRequest', output: { version: 1 } },
  { type: 'xstate.error.actor.recordRequest', error: { code: 'STORE_UNAVAILABLE', message: 'The store is unavailable.' } },
  { type: 'xstate.done.actor.issueTicket', output: { ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z' } },
  { type: 'xstate.done.actor.notifyWorker', output: { notified: true } },
  { type: 'xstate.error.actor.checkWorker', error: { code: 'REGISTRY_UNAVAILABLE', message: 'The registry does not answer.' } },
  { type: 'xstate.error.actor.issueTicket', error: { code: 'TICKETS_UNAVAILABLE', message: 'No ticket could be issued.' } },
  { type: 'xstate.error.actor.notifyWorker', error: { code: 'MAIL_UNAVAILABLE', message: 'The mail relay refused the message.' } },
  { type: 'xstate.done.actor.checkOtherRequests', output: { counted: 0, monthsUsed: 0, monthsLeft: 8 } },
  { type: 'xstate.error.actor.checkOtherRequests', error: { code: 'REQUEST_PERIOD_OVERLAP', message: 'The period overlaps another parental leave of the worker.' } },
  { type: 'xstate.done.actor.admitRequest', output: { ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z' } },
  { type: 'xstate.error.actor.admitRequest', error: { code: 'LEAVE_MAXIMUM_EXCEEDED', message: 'The parental leave maximum is used up.' } },
  { type: 'xstate.done.actor.recordWorkerSelection', output: { checked: teacherCheck, version: 1 } },
  { type: 'xstate.error.actor.recordWorkerSelection', error: { code: 'WORKER_NOT_OCCUPIED_IN_SCHOOL', message: 'The staff member is not occupied in this school' } },
  { type: 'xstate.done.actor.submitRequest', output: { ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z', version: 3, notified: true } },
  { type: 'xstate.error.actor.submitRequest', error: { code: 'REQUEST_PERIOD_OVERLAP', message: 'Another confirmation of an overlapping period came first.' } },
] as const;

/** The teachers of PO Y in the French Community, each with their first occupation. */
const teachersOfY = [teachers.primaryA, teachers.temporaryB, teachers.nurseryA, teachers.twoCommunities].map((worker) => ({
  worker,
  occupation: worker.occupations[0],
  several: worker.occupations.length > 1,
}));

/** One request of a series: its worker selection, leave and answers, as the API takes them. */
export interface SeriesRequest {
  selectWorker: Omit<SampleOf<'SELECT_WORKER'>, 'email'>;
  chooseLeave: SampleOf<'CHOOSE_LEAVE'>;
  answers: SampleOf<'ANSWER_QUESTIONS'>;
}

/**
 * Requests that may all stand at once on one store: each call of the returned function hands out the
 * next, a half-time parental leave of 2 months (the form's block). The rules across requests refuse a
 * period overlapping the same worker's leave of the same kind, and a worker has 8 months of parental
 * leave at half time: the four teachers of PO Y in the French Community take turns, and every request
 * starts after the previous one, so 16 requests fit (a 17th would exceed a worker's maximum).
 */
export function requestSeries(firstMonth = '2027-01'): () => SeriesRequest {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  let next = 0;
  return () => {
    const i = next++;
    if (i >= teachersOfY.length * 4) throw new Error(`a series holds ${teachersOfY.length * 4} half-time parental leaves of 2 months; request ${i + 1} would exceed a maximum`);
    const { worker, occupation, several } = teachersOfY[i % teachersOfY.length]!;
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return {
      selectWorker: { type: 'SELECT_WORKER', community: 'FR', school: occupation.schoolNumber, niss: worker.niss, status: occupation.status },
      chooseLeave: { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' },
      answers: {
        type: 'ANSWER_QUESTIONS',
        level: occupation.level,
        before: occupation.periodsPerWeek,
        during: Math.floor(occupation.periodsPerWeek / 2),
        start: day(new Date(Date.UTC(year, month - 1 + 2 * i, 1))),
        end: day(new Date(Date.UTC(year, month - 1 + 2 * i + 2, 0))),
        multipleEmployers: several,
        ...(several ? { interruptsAllEmployers: true } : {}),
      },
    };
  };
}
