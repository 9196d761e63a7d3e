/**
 * `GET /api/machines/{id}` as a visualiser or a UI fetches it: every journey's definition loads with
 * `createMachine()` as it arrives, is the machine the service runs, keeps its guards by name, and reads
 * as the OpenAPI document says.
 */
import { createMachine } from 'xstate';
import { journeys } from '../../../machines';
import type { MachineConfigJson } from '../../../machines/definition';
import { machineDefinitionResponse } from '../../../api/machine-definition';
import { apiClient } from '../../support/http-client';
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
  const api = apiClient(service.http);
  const ids = ((await api.GET('/api/machines')).data ?? []).map((m) => m.id).sort();
  expect(ids).toEqual(Object.keys(journeys).sort());
  for (const id of ids) {
    const { data: body, response } = await api.GET('/api/machines/{machine}', { params: { path: { machine: id } } });
    expect({ id, status: response.status }).toEqual({ id, status: 200 });
    expect(body).toMatchObject({ id, title: journeys[id]!.title, definition: { id } });
    if (!body) throw new Error(`no definition of ${id}`);
    // The body reads as documented: parsing with the route's response schema keeps every field.
    expect(machineDefinitionResponse.parse(body)).toEqual(body);
    const loaded = createMachine(body.definition as never);
    expect(machineShape(loaded)).toEqual(machineShape(journeys[id]!.machine));
  }
});

test('the request journey’s guarded events arrive with their guards', async () => {
  const { data } = await apiClient(service.http).GET('/api/machines/{machine}', { params: { path: { machine: 'request' } } });
  const definition = data?.definition as MachineConfigJson;
  const on = (state: string) => definition.states![state]!.on!;
  expect(on('workerSelected').BACK).toEqual([expect.objectContaining({ target: 'workerSelection', guard: { type: 'not', guards: [{ type: 'hasTicket' }] } })]);
  expect(on('confirmation').ABANDON!.map((t) => t.guard)).toEqual([{ type: 'not', guards: [{ type: 'isRecorded' }] }, { type: 'canBecome', params: { status: 'withdrawn' } }]);
  expect(on('confirmation').CONFIRM!.map((t) => t.guard)).toContainEqual({ type: 'and', guards: [{ type: 'isReadyToSubmit' }, { type: 'hasTicket' }] });
});

test('an unknown machine is 404', async () => {
  const { error, response } = await apiClient(service.http).GET('/api/machines/{machine}', { params: { path: { machine: 'nothing' } } });
  expect(response.status).toBe(404);
  expect(error).toMatchObject({ error: { code: 'UNKNOWN_MACHINE' } });
});
