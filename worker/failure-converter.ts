/**
 * The failure converter of every client and worker (the workflow bundle loads it by path): error
 * messages and stack traces go into the failure's encoded attributes, a payload, so that the payload
 * codec encrypts them too — a refusal's message may name a person. A failure recorded before, with its
 * message in plain text, still reads as it was.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
