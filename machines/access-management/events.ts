/**
 * The access-management journey's start input and events as zod schemas: the API and the host parse
 * every payload with these before the machine sees it.
 */
import { z } from 'zod';
import { enterpriseNumberSchema, fieldRule, freeTextSchema, nissSchema, permissionSchema, roleSchema } from '../../domain';
import { signal, type EventOf } from '../journey';

/** Filled by the API from the verified token. */
export const accessManagementInputSchema = z.object({ niss: nissSchema });
export interface AccessManagementInput {
  /** The signed-in person. */
  niss: string;
}

function nameSchema(what: string) {
  return freeTextSchema()
    .min(1, `${what} must not be empty.`)
    .max(100, `${what} must be at most 100 characters.`);
}

/** A selection of permissions from the catalogue, each at most once (an empty selection removes them all). */
export const permissionSelectionSchema = z
  .array(permissionSchema, fieldRule('PERMISSIONS_NOT_LIST'))
  .refine((permissions) => new Set(permissions).size === permissions.length, 'Each permission may be selected only once.');

export const accessManagementEvents = {
  OPEN_ACCESS_MANAGEMENT: signal('OPEN_ACCESS_MANAGEMENT'),
  SIGN_IN: signal('SIGN_IN'),
  CHOOSE_ORGANISATION: z.object({ type: z.literal('CHOOSE_ORGANISATION'), enterprise: enterpriseNumberSchema }),
  CHOOSE_GROUP: z.object({ type: z.literal('CHOOSE_GROUP'), enterprise: enterpriseNumberSchema }),
  EDIT_MEMBER: z.object({ type: z.literal('EDIT_MEMBER'), niss: nissSchema }),
  ADD_USER: signal('ADD_USER'),
  SET_PERMISSIONS: z.object({ type: z.literal('SET_PERMISSIONS'), permissions: permissionSelectionSchema }),
  SAVE: signal('SAVE'),
  CANCEL: signal('CANCEL'),
  SUBMIT_NEW_MEMBER: z.object({
    type: z.literal('SUBMIT_NEW_MEMBER'),
    niss: nissSchema,
    lastName: nameSchema('The last name'),
    firstName: nameSchema('The first name'),
    role: roleSchema,
    permissions: permissionSelectionSchema,
  }),
  BACK_TO_GROUPS: signal('BACK_TO_GROUPS'),
  HELP: signal('HELP'),
  BACK: signal('BACK'),
  SIGN_OUT: signal('SIGN_OUT'),
};

export type AccessManagementEvent = EventOf<typeof accessManagementEvents>;
