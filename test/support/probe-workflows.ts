/** The workflow bundle of the host's tests: the generic host with the probe machine registered. */
import { createMachineHost } from '../../workflows/host';
import { probeJourney } from './probe-machine';

export const journey = createMachineHost({ probe: probeJourney });
