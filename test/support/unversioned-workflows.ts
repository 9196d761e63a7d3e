/**
 * The service's workflows as they would be had the request journey's versioned changes (bounded record
 * retries, the rules across requests, the one-step submission) been shipped without versioning (no
 * `patches`: every run, old ones too, takes the new behaviour). The replay gate shows that this breaks
 * journeys recorded before each change.
 */
import { journeys } from '../../machines';
import { createMachineHost } from '../../workflows/host';

export const journey = createMachineHost({ ...journeys, request: { ...journeys.request!, patches: [] } });
