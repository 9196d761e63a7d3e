import { DomainError } from '../../../domain';

/** The DomainError a call throws (fails the test if it throws anything else or nothing). */
export function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError to be thrown');
}
