/**
 * Every journey the service runs, by machine id (the guide's three steps, then the worker's part). Also the package entry
 * `breakatwork-po-journeys/machines` (package.json `exports`): a UI runs the same machines locally,
 * providing their invoked actors itself (`machine.provide({ actors })`). Nothing here may import
 * node-only code (see test/unit/machines/package-entry.test.ts).
 */
import { accessManagementJourney } from './access-management';
import type { Journey } from './journey';
import { requestJourney } from './request';
import { signInJourney } from './sign-in';
import { workerPartJourney } from './worker-part';

export const journeys: Readonly<Record<string, Journey>> = {
  [accessManagementJourney.id]: accessManagementJourney,
  [signInJourney.id]: signInJourney,
  [requestJourney.id]: requestJourney,
  [workerPartJourney.id]: workerPartJourney,
};

export * as accessManagement from './access-management';
export * as signIn from './sign-in';
export * as request from './request';
export * as workerPart from './worker-part';
export { toView, type Journey, type JourneyStatus, type JourneyView, type ScreenMeta } from './journey';
export * from './definition';
