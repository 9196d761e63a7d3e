/**
 * `GET /api/machines/{id}` as a visualiser or a UI fetches it: every journey's definition loads with
 * `createMachine()` as it arrives, is the machine the service runs, keeps its guards by name, and reads
 * as the OpenAPI document says.
 */
import { createMachine } from 'xstate';
import { journeys } from '../../../machines';
import type { MachineConfigJson } from '../../../machines/definition';
import { machineDefinitionResponse } from '../../../api/machine-definition';
import { machineShape } from '../../support/machine-shape';
import { startTestService, type TestService } from '../../support/service-harness';

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
});

test('every listed machine is served as a config that createMachine() loads, the same machine the service runs', async () => {
  const list = await service.http.get('/api/machines');
  const ids = (list.body as Array<{ id: string }>).map((m) => m.id).sort();
  expect(ids).toEqual(Object.keys(journeys).sort());
  for (const id of ids) {
    const res = await service.http.get(`/api/machines/${id}`);
    expect({ id, status: res.status }).toEqual({ id, status: 200 });
    const body = res.body as { id: string; title: string; definition: MachineConfigJson };
    expect(body).toMatchObject({ id, title: journeys[id]!.title, definition: { id } });
    // The body reads as documented: parsing with the route's response schema keeps every field.
    expect(machineDefinitionResponse.parse(body)).toEqual(body);
    const loaded = createMachine(body.definition as never);
    expect(machineShape(loaded)).toEqual(machineShape(journeys[id]!.machine));
  }
});

test('the request journey’s guarded events arrive with their guards', async () => {
  const { definition } = (await service.http.get('/api/machines/request')).body as { definition: MachineConfigJson };
  const on = (state: string) => definition.states![state]!.on!;
  expect(on('workerSelected').BACK).toEqual([expect.objectContaining({ target: 'workerSelection', guard: { type: 'not', guards: [{ type: 'hasTicket' }] } })]);
  expect(on('confirmation').ABANDON!.map((t) => t.guard)).toEqual([{ type: 'not', guards: [{ type: 'isRecorded' }] }, { type: 'canBecome', params: { status: 'withdrawn' } }]);
  expect(on('confirmation').CONFIRM!.map((t) => t.guard)).toContainEqual({ type: 'and', guards: [{ type: 'isReadyToSubmit' }, { type: 'hasTicket' }] });
});

test('an unknown machine is 404', async () => {
  const res = await service.http.get('/api/machines/nothing');
  expect(res.status).toBe(404);
  expect(res.body).toMatchObject({ error: { code: 'UNKNOWN_MACHINE' } });
});
