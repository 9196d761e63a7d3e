/** One component per screen code of the machine workerPart. */
import type { ScreenTable } from '../../../journey/screens';
import { Completed } from './Completed';
import { Expired } from './Expired';
import { RequestChoice } from './RequestChoice';
import { Review } from './Review';

export const workerScreens: ScreenTable = {
  'workerPart.requestChoice': RequestChoice,
  'workerPart.review': Review,
  'workerPart.completed': Completed,
  'workerPart.expired': Expired,
};
