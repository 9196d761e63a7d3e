/**
 * The Break@Work sign-in's start input and events as zod schemas: the API and the host parse every
 * payload with these before the machine sees it.
 */
import { z } from 'zod';
import { actingModeSchema, enterpriseNumberSchema, nissSchema } from '../../domain';
import { signal, type EventOf } from '../journey';

/** Filled by the API from the verified token. */
export const signInInputSchema = z.object({ niss: nissSchema });
export interface SignInInput {
  /** The signed-in person. */
  niss: string;
}

export const signInEvents = {
  EMPLOYER: signal('EMPLOYER'),
  INTRODUCE_REQUEST: signal('INTRODUCE_REQUEST'),
  SIGN_IN: signal('SIGN_IN'),
  CHOOSE_ORGANISATION: z.object({ type: z.literal('CHOOSE_ORGANISATION'), enterprise: enterpriseNumberSchema }),
  CHOOSE_ACTING_MODE: z.object({ type: z.literal('CHOOSE_ACTING_MODE'), mode: actingModeSchema }),
  CONFIRM_ACTING_MODE: signal('CONFIRM_ACTING_MODE'),
  BACK: signal('BACK'),
  CHOOSE_OTHER_ORGANISATION: signal('CHOOSE_OTHER_ORGANISATION'),
};

export type SignInEvent = EventOf<typeof signInEvents>;
