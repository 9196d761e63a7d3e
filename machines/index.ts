/** Every journey the service runs, by machine id (the guide's three steps). */
import { accessManagementJourney } from './access-management';
import type { Journey } from './journey';
import { requestJourney } from './request';
import { signInJourney } from './sign-in';

export const journeys: Readonly<Record<string, Journey>> = {
  [accessManagementJourney.id]: accessManagementJourney,
  [signInJourney.id]: signInJourney,
  [requestJourney.id]: requestJourney,
};
