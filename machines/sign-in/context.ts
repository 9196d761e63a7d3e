/**
 * The Break@Work sign-in's context and the pure functions over it: the chosen organisation, the modes
 * its permissions open, the output, and what a UI may see. No I/O: the machine calls these.
 */
import { actingModesOf, type ActingMode } from '../../domain';
import type { ScreenError } from '../actors';
import { membershipIn, type OrganisationMembership } from '../organisations';
import type { SignInOutput } from './contracts';
import type { SignInInput } from './events';

export type { ScreenError } from '../actors';

export interface SignInContext {
  /** The signed-in person (from the verified token). */
  niss: string;
  organisations: OrganisationMembership[];
  /** The organisation chosen after the digital key. */
  organisation: string | null;
  mode: ActingMode | null;
  /** On `refused`: the journey that grants the missing permission. */
  next: 'accessManagement' | null;
  error: ScreenError | null;
}

export function initialContext(input: SignInInput): SignInContext {
  return { niss: input.niss, organisations: [], organisation: null, mode: null, next: null, error: null };
}

export function chosenOrganisation(context: SignInContext): OrganisationMembership | undefined {
  return membershipIn(context.organisations, context.organisation);
}

/** The acting modes the permissions held in the chosen organisation open. */
export function modesInChosenOrganisation(context: SignInContext): ActingMode[] {
  return actingModesOf(chosenOrganisation(context)?.permissions ?? []);
}

/** The machine's output: who acts for which organisation in which mode; null when the session expired. */
export function signedInAs(context: SignInContext): SignInOutput | null {
  const organisation = chosenOrganisation(context);
  if (!organisation || context.mode === null) return null;
  return { niss: context.niss, enterprise: organisation.enterprise, enterpriseName: organisation.name, mode: context.mode };
}

/** What a UI may see: the person's organisations, the chosen one, the mode and the way out of a refusal. */
export function publicContextOf(context: SignInContext) {
  const chosen = chosenOrganisation(context);
  return {
    organisations: context.organisations.map(({ enterprise, name, permissions }) => ({ enterprise, name, permissions })),
    organisation: chosen ? { enterprise: chosen.enterprise, name: chosen.name, permissions: chosen.permissions } : null,
    mode: context.mode,
    next: context.next,
    error: context.error,
  };
}
export type SignInPublicContext = ReturnType<typeof publicContextOf>;
