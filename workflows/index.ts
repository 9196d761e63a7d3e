/** The workflows of the service's bundle: the one machine host, with every journey registered. */
import { journeys } from '../machines';
import { createMachineHost } from './host';

export const journey = createMachineHost(journeys);
