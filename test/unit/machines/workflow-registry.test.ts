/**
 * The workflow bundle registers each journey behind a getter (workflows/index.ts: a workflow evaluates
 * only the modules of the journey it runs); the registry must hold exactly the service's journeys.
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
