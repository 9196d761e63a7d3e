/**
 * Where a journey's time goes inside Temporal, read from the histories of journeys the bench ran: per
 * workflow task, the wait to be handed out (scheduled → started) and the worker's turn (started →
 * completed, the task's run and its answer's trip); per activity, its dispatch (scheduled → started) and
 * its run (started → completed, the store work and the answer's trip), by activity type; and the wait
 * from an activity's completion to the next workflow task. Asserts nothing: printed by the lifecycles
 * section at its first level, for the direct path's request journeys (no HTTP in them).
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { percentiles, type Percentiles } from './lifecycles';

const E = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface HistoryBreakdown {
  journeys: number;
  /** Each figure: p50/p95/p99 ms over every occurrence in the journeys, and how many per journey. */
  parts: Record<string, Percentiles & { perJourney: number }>;
}

const ms = (e: HistoryEvent): number => {
  const t = e.eventTime!;
  return Number(t.seconds ?? 0) * 1000 + (t.nanos ?? 0) / 1e6;
};

/**
 * The gaps of one history, up to and including its `updates`-th completed update (the journey's calls
 * the bench timed; what came after, such as the withdrawal, is left out).
 */
export function historyGaps(events: HistoryEvent[], updates: number): Map<string, number[]> {
  const gaps = new Map<string, number[]>();
  const add = (part: string, value: number) => (gaps.get(part) ?? gaps.set(part, []).get(part)!).push(value);
  const byId = new Map<number, HistoryEvent>();
  let completedUpdates = 0;
  let lastActivityDone: number | undefined;
  for (const e of events) {
    byId.set(Number(e.eventId), e);
    switch (e.eventType) {
      case E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
        if (lastActivityDone !== undefined) add('activity done → next workflow task scheduled', ms(e) - lastActivityDone);
        lastActivityDone = undefined;
        break;
      case E.EVENT_TYPE_WORKFLOW_TASK_STARTED: {
        const scheduled = byId.get(Number(e.workflowTaskStartedEventAttributes!.scheduledEventId));
        if (scheduled) add('workflow task: scheduled → started (handed out)', ms(e) - ms(scheduled));
        break;
      }
      case E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED: {
        const started = byId.get(Number(e.workflowTaskCompletedEventAttributes!.startedEventId));
        if (started) add('workflow task: started → completed (worker)', ms(e) - ms(started));
        break;
      }
      case E.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
        const scheduled = byId.get(Number(e.activityTaskStartedEventAttributes!.scheduledEventId));
        if (scheduled) add('activity: scheduled → started (handed out)', ms(e) - ms(scheduled));
        break;
      }
      case E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
      case E.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
        const attrs = e.activityTaskCompletedEventAttributes ?? e.activityTaskFailedEventAttributes!;
        const started = byId.get(Number(attrs.startedEventId));
        const scheduled = byId.get(Number(attrs.scheduledEventId));
        const type = scheduled?.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
        if (started) add(`activity ${type}: started → completed (run)`, ms(e) - ms(started));
        lastActivityDone = ms(e);
        break;
      }
      case E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED:
        completedUpdates++;
        break;
    }
    if (completedUpdates >= updates) break;
  }
  return gaps;
}

/** The breakdown of the journeys `ids`, each read up to its `updates`-th completed update. */
export async function historyBreakdown(client: Client, ids: string[], updates: number): Promise<HistoryBreakdown> {
  const all = new Map<string, number[]>();
  for (const id of ids) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    for (const [part, values] of historyGaps(history.events ?? [], updates)) all.set(part, [...(all.get(part) ?? []), ...values]);
  }
  const parts: HistoryBreakdown['parts'] = {};
  for (const [part, values] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
    parts[part] = { ...percentiles(values), perJourney: Math.round((values.length / Math.max(1, ids.length)) * 10) / 10 };
  }
  return { journeys: ids.length, parts };
}

export function printBreakdown(breakdown: HistoryBreakdown, log: (line: string) => void, what = 'request journeys (direct path)'): void {
  log(`  inside Temporal, from the histories of ${breakdown.journeys} ${what}, ms p50 p95 p99 × per journey:`);
  for (const [part, p] of Object.entries(breakdown.parts)) {
    log(`    ${part.padEnd(62)} ${p.p50.toFixed(1).padStart(6)} ${p.p95.toFixed(1).padStart(6)} ${p.p99.toFixed(1).padStart(6)}  × ${p.perJourney}`);
  }
}
