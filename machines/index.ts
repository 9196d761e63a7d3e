/** Every journey the service runs, by machine id. */
import type { Journey } from './journey';

export const journeys: Readonly<Record<string, Journey>> = {};
