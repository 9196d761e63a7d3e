/**
 * The workflow bundle's registry (workflows/index.ts) must hold exactly the service's journeys, the same
 * objects the worker's shared V8 context preloads (worker/workflow-shared-modules.ts).
 */
import { journeys as service } from '../../../machines';
import { journeys as registered } from '../../../workflows';

test('the workflow registry holds every journey of the service, under its machine id', () => {
  expect(Object.keys(registered).sort()).toEqual(Object.keys(service).sort());
  for (const [id, journey] of Object.entries(service)) {
    expect(Object.hasOwn(registered, id)).toBe(true);
    expect(registered[id]).toBe(journey);
    expect(registered[id]!.id).toBe(id);
  }
});
