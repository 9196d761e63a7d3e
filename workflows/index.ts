/**
 * The workflows of the service's bundle: the one machine host, with every journey registered.
 *
 * The journeys are evaluated once for all the workflows a worker holds: their modules are preloaded
 * into the worker's shared V8 context (worker/workflow-shared-modules.ts, decision 26).
 */
import { journeys } from '../machines';
import { createMachineHost } from './host';

export { journeys };

export const journey = createMachineHost(journeys);
