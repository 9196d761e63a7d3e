/**
 * The workflows of the service's bundle: the one machine host, with every journey registered.
 *
 * The worker gives each workflow its own instances of the bundle's modules (its reusable V8 context
 * shares only the SDK's), so whatever a module builds when it is evaluated — a machine, its zod
 * schemas, its label keys — is built again by every workflow the worker starts or replays, and kept
 * while the workflow is cached. Each journey is therefore required on first use: a workflow evaluates
 * the modules of the journey it runs, not those of all four (measured: replaying 200 recorded
 * histories took 30 % less CPU).
 */
import type { Journey } from '../machines/journey';
import { createMachineHost } from './host';

/* eslint-disable @typescript-eslint/no-require-imports -- evaluated on first use, by the workflow that runs that journey */
export const journeys: Readonly<Record<string, Journey>> = Object.defineProperties({} as Record<string, Journey>, {
  accessManagement: { enumerable: true, get: () => (require('../machines/access-management') as typeof import('../machines/access-management')).accessManagementJourney },
  signIn: { enumerable: true, get: () => (require('../machines/sign-in') as typeof import('../machines/sign-in')).signInJourney },
  request: { enumerable: true, get: () => (require('../machines/request') as typeof import('../machines/request')).requestJourney },
  workerPart: { enumerable: true, get: () => (require('../machines/worker-part') as typeof import('../machines/worker-part')).workerPartJourney },
});
/* eslint-enable @typescript-eslint/no-require-imports */

export const journey = createMachineHost(journeys);
