/**
 * The workflow of the floor section (./floor.ts): it does nothing but answer updates, one of them after
 * an activity that returns at once. What it costs is what Temporal and the SDK cost on this machine.
 */
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/** Answers at once; a negative step ends the run. */
export const floorStep = defineUpdate<number, [number]>('floorStep');
/** Answers after one activity. */
export const floorActivityStep = defineUpdate<number, [number]>('floorActivityStep');

const { floorActivity } = proxyActivities<{ floorActivity(step: number): Promise<number> }>({ startToCloseTimeout: '10 seconds' });

export async function floorWorkflow(): Promise<number> {
  let total = 0;
  let ended = false;
  setHandler(floorStep, (step) => {
    if (step < 0) ended = true;
    else total += step;
    return total;
  });
  setHandler(floorActivityStep, async (step) => {
    total += await floorActivity(step);
    return total;
  });
  await condition(() => ended);
  return total;
}
