/**
 * The answers of a career-interruption request for a demo teacher, shared by the load lifecycles of the
 * tests (test/support/lifecycles.ts) and the scale driver (scripts/scale/lifecycles.ts): an ordinary
 * interruption of 3 months (its minimum) in the teacher's first occupation, full or partial, starting at
 * a given month. Callers spread the periods so that no two requests of a teacher that count at the same
 * time overlap (REQUEST_PERIOD_OVERLAP) and the career maximum (60 months of each form) is not reached.
 */
import type { DemoTeacher } from '../../store/demo-data';

export interface RequestPlan {
  selectWorker: { type: 'SELECT_WORKER'; community: string; school: string; niss: string; status: string };
  chooseLeave: { type: 'CHOOSE_LEAVE'; leave: 'ORDINARY_INTERRUPTION'; form: 'FULL' | 'PARTIAL' };
  answers: {
    type: 'ANSWER_QUESTIONS';
    level: string;
    before: number;
    during: number;
    start: string;
    end: string;
    multipleEmployers: boolean;
    interruptsAllEmployers?: boolean;
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `startMonth` counts months from January of year 0 (e.g. `2027 * 12` is January 2027); the period runs
 * 3 whole months from there. `community` is the community of the teacher's first occupation.
 */
export function requestPlan(teacher: DemoTeacher, community: string, form: 'FULL' | 'PARTIAL', startMonth: number): RequestPlan {
  const [occupation] = teacher.occupations;
  if (!occupation) throw new Error(`${teacher.lastName} has no occupation`);
  const several = teacher.occupations.length > 1;
  const year = Math.floor(startMonth / 12);
  const month = startMonth % 12;
  return {
    selectWorker: { type: 'SELECT_WORKER', community, school: occupation.schoolNumber, niss: teacher.niss, status: occupation.status },
    chooseLeave: { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form },
    answers: {
      type: 'ANSWER_QUESTIONS',
      level: occupation.level,
      before: occupation.periodsPerWeek,
      during: form === 'FULL' ? 0 : Math.floor(occupation.periodsPerWeek / 2),
      start: day(new Date(Date.UTC(year, month, 1))),
      end: day(new Date(Date.UTC(year, month + 3, 0))),
      multipleEmployers: several,
      ...(several ? { interruptsAllEmployers: true } : {}),
    },
  };
}
