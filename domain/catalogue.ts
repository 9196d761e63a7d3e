// Catalogues of the domain as data: English codes, the guide's French labels, and the limits of each leave.
// Community enterprise numbers are NOT here: they are reference data in the store (configuration).
import { DomainError } from './errors';

type Catalogue<C extends string> = Readonly<Record<C, { readonly label: string }>>;

// ---------------------------------------------------------------------------------------------------
// Communities

export const COMMUNITY_CODES = ['FR', 'NL', 'DE'] as const;
export type Community = (typeof COMMUNITY_CODES)[number];

export const COMMUNITIES: Catalogue<Community> = {
  FR: { label: 'Fédération Wallonie-Bruxelles' },
  NL: { label: 'Communauté flamande' },
  DE: { label: 'Communauté germanophone' },
};

// ---------------------------------------------------------------------------------------------------
// Access management: permissions, roles, member statuses

export const PERMISSION_CODES = ['EMPLOYER', 'PO_EDUCATION'] as const;
export type Permission = (typeof PERMISSION_CODES)[number];

export const PERMISSIONS: Catalogue<Permission> = {
  EMPLOYER: { label: 'Interruption de carrière et crédit-temps' },
  PO_EDUCATION: {
    label: 'Interruption de carrière et crédit-temps – Pouvoir organisateur pour le secteur de l’enseignement',
  },
};

export const ROLE_CODES = ['MAIN_ACCESS_MANAGER', 'ACCESS_MANAGER', 'USER'] as const;
export type Role = (typeof ROLE_CODES)[number];

export const ROLES: Catalogue<Role> = {
  MAIN_ACCESS_MANAGER: { label: 'Gestionnaire d’accès principal' },
  ACCESS_MANAGER: { label: 'Gestionnaire d’accès' },
  USER: { label: 'Utilisateur' },
};

/** Only access managers add members or change their permissions. */
export function isAccessManager(role: Role): boolean {
  return role === 'MAIN_ACCESS_MANAGER' || role === 'ACCESS_MANAGER';
}

export const MEMBER_STATUS_CODES = ['ACTIVE', 'INACTIVE'] as const;
export type MemberStatus = (typeof MEMBER_STATUS_CODES)[number];

export const MEMBER_STATUSES: Catalogue<MemberStatus> = {
  ACTIVE: { label: 'Actif' },
  INACTIVE: { label: 'Inactif' },
};

// ---------------------------------------------------------------------------------------------------
// Break@Work: acting modes, worker statuses

export const ACTING_MODE_CODES = ['PO', 'OWN_COMPANY'] as const;
export type ActingMode = (typeof ACTING_MODE_CODES)[number];

export const ACTING_MODES: Catalogue<ActingMode> = {
  PO: { label: 'J’agis en tant que pouvoir organisateur' },
  OWN_COMPANY: { label: 'J’agis au nom de la société avec laquelle je suis connecté' },
};

/** The permission that opens each acting mode. */
const PERMISSION_OF_MODE: Readonly<Record<ActingMode, Permission>> = { PO: 'PO_EDUCATION', OWN_COMPANY: 'EMPLOYER' };

/** The permission a person must hold, live, to act in the mode (checked again on every acting call). */
export function permissionOfMode(mode: ActingMode): Permission {
  return PERMISSION_OF_MODE[mode];
}

/** The modes a person may act in for an organisation, from the permissions they hold in it. */
export function actingModesOf(permissions: readonly Permission[]): ActingMode[] {
  return ACTING_MODE_CODES.filter((mode) => permissions.includes(PERMISSION_OF_MODE[mode]));
}

export const WORKER_STATUS_CODES = ['STATUTORY', 'CONTRACTUAL', 'TEMPORARY'] as const;
export type WorkerStatus = (typeof WORKER_STATUS_CODES)[number];

export const WORKER_STATUSES: Catalogue<WorkerStatus> = {
  STATUTORY: { label: 'Statutaire' },
  CONTRACTUAL: { label: 'Contractuel' },
  TEMPORARY: { label: 'Temporaire' },
};

// ---------------------------------------------------------------------------------------------------
// Request lifecycle (our model: the guide stops at the ticket)

export const REQUEST_STATUS_CODES = [
  'draft',
  'submitted',
  'awaiting_worker',
  'in_processing',
  'accepted',
  'refused',
  'withdrawn',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUS_CODES)[number];

export const REQUEST_STATUSES: Catalogue<RequestStatus> = {
  draft: { label: 'Brouillon' },
  submitted: { label: 'Introduite' },
  awaiting_worker: { label: 'En attente du travailleur' },
  in_processing: { label: 'En traitement' },
  accepted: { label: 'Acceptée' },
  refused: { label: 'Refusée' },
  withdrawn: { label: 'Retirée' },
  expired: { label: 'Expirée' },
};

export type TransitionActor = 'employer' | 'worker' | 'backoffice' | 'system';

export interface RequestTransition {
  readonly from: RequestStatus;
  readonly to: RequestStatus;
  readonly by: TransitionActor;
}

export const REQUEST_TRANSITIONS: readonly RequestTransition[] = [
  { from: 'draft', to: 'submitted', by: 'employer' }, // confirmed: ticket issued
  { from: 'draft', to: 'withdrawn', by: 'employer' },
  { from: 'draft', to: 'expired', by: 'system' }, // left untouched for the configured time
  { from: 'submitted', to: 'awaiting_worker', by: 'system' }, // worker notified
  { from: 'submitted', to: 'withdrawn', by: 'employer' },
  { from: 'awaiting_worker', to: 'in_processing', by: 'worker' }, // worker part done
  { from: 'awaiting_worker', to: 'withdrawn', by: 'employer' },
  { from: 'in_processing', to: 'accepted', by: 'backoffice' },
  { from: 'in_processing', to: 'refused', by: 'backoffice' },
  { from: 'in_processing', to: 'draft', by: 'backoffice' }, // sent back: the employer corrects
  { from: 'in_processing', to: 'awaiting_worker', by: 'backoffice' }, // sent back: the worker corrects
];

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return REQUEST_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

export function nextStatuses(from: RequestStatus): RequestStatus[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

export function isFinalStatus(status: RequestStatus): boolean {
  return nextStatuses(status).length === 0;
}

/** Throws TRANSITION_NOT_ALLOWED naming the statuses that are reachable. */
export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (canTransition(from, to)) return;
  throw new DomainError('TRANSITION_NOT_ALLOWED', { from, to, allowed: nextStatuses(from) });
}

// ---------------------------------------------------------------------------------------------------
// Education levels and full-time loads (in periods)

export const EDUCATION_LEVEL_CODES = ['NURSERY', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'] as const;
export type EducationLevel = (typeof EDUCATION_LEVEL_CODES)[number];

export const EDUCATION_LEVELS: Catalogue<EducationLevel> = {
  NURSERY: { label: 'Enseignement maternel' },
  PRIMARY: { label: 'Enseignement primaire' },
  LOWER_SECONDARY: { label: 'Enseignement secondaire inférieur' },
  UPPER_SECONDARY: { label: 'Enseignement secondaire supérieur' },
};

export type FullLoads = Readonly<Record<EducationLevel, number>>;

/** French Community defaults; configuration may override them, so rules take the full load as a parameter. */
export const DEFAULT_FULL_LOADS: FullLoads = {
  NURSERY: 26,
  PRIMARY: 24,
  LOWER_SECONDARY: 22,
  UPPER_SECONDARY: 20,
};

// ---------------------------------------------------------------------------------------------------
// Leaves, their forms and limits

export const LEAVE_FORM_CODES = ['FULL', 'HALF', 'ONE_FIFTH', 'ONE_TENTH', 'PARTIAL'] as const;
export type LeaveForm = (typeof LEAVE_FORM_CODES)[number];

export const LEAVE_FORMS: Readonly<Record<LeaveForm, { readonly label: string; readonly fraction: number | null }>> = {
  FULL: { label: 'Interruption complète', fraction: 1 },
  HALF: { label: 'Réduction des prestations à mi-temps', fraction: 1 / 2 },
  ONE_FIFTH: { label: 'Réduction des prestations d’1/5', fraction: 1 / 5 },
  ONE_TENTH: { label: 'Réduction des prestations d’1/10', fraction: 1 / 10 },
  // The fraction of a partial interruption is whatever the workload gives (before − during).
  PARTIAL: { label: 'Interruption partielle', fraction: null },
};

/** What the total maximum counts: the whole career, one child, or one person cared for. */
export type LimitScope = 'career' | 'child' | 'personCaredFor';

export interface FormLimits {
  readonly minMonthsPerPeriod?: number;
  readonly maxMonthsPerPeriod?: number;
  /** Periods are taken in blocks of this many months (or a multiple). */
  readonly blockMonths?: number;
  readonly totalMaxMonths?: number;
  readonly totalScope?: LimitScope;
  /** How many times a period may be extended (palliative care: twice). */
  readonly extensions?: number;
  readonly requiresEmployerAgreement?: boolean;
}

export const LEAVE_CODES = [
  'ORDINARY_INTERRUPTION',
  'END_OF_CAREER',
  'PARENTAL',
  'MEDICAL_ASSISTANCE',
  'PALLIATIVE_CARE',
  'CLOSE_CARER',
] as const;
export type LeaveCode = (typeof LEAVE_CODES)[number];

export interface Leave {
  readonly code: LeaveCode;
  readonly label: string;
  readonly communities: readonly Community[];
  readonly forms: Readonly<Partial<Record<LeaveForm, FormLimits>>>;
  readonly minAge?: number;
  /** Lower age accepted in some cases only (a warning, not a refusal). */
  readonly minAgeSpecialCases?: number;
  readonly note?: string;
}

const ALL_COMMUNITIES = COMMUNITY_CODES;

export const LEAVES: Readonly<Record<LeaveCode, Leave>> = {
  ORDINARY_INTERRUPTION: {
    code: 'ORDINARY_INTERRUPTION',
    label: 'Interruption de carrière ordinaire',
    communities: ['FR', 'DE'], // ended in Flemish education in 2016
    forms: {
      FULL: { minMonthsPerPeriod: 3, totalMaxMonths: 60, totalScope: 'career' },
      PARTIAL: { minMonthsPerPeriod: 3, totalMaxMonths: 60, totalScope: 'career' },
    },
  },
  END_OF_CAREER: {
    code: 'END_OF_CAREER',
    label: 'Interruption partielle de fin de carrière',
    communities: ALL_COMMUNITIES,
    forms: { PARTIAL: {} },
    minAge: 55,
    minAgeSpecialCases: 50,
    note: 'Only where the authority provides it.',
  },
  PARENTAL: {
    code: 'PARENTAL',
    label: 'Congé parental',
    communities: ALL_COMMUNITIES,
    forms: {
      FULL: { blockMonths: 1, totalMaxMonths: 4, totalScope: 'child' },
      HALF: { blockMonths: 2, totalMaxMonths: 8, totalScope: 'child' },
      ONE_FIFTH: { blockMonths: 5, totalMaxMonths: 20, totalScope: 'child' },
      ONE_TENTH: { blockMonths: 10, totalMaxMonths: 40, totalScope: 'child', requiresEmployerAgreement: true },
    },
  },
  MEDICAL_ASSISTANCE: {
    code: 'MEDICAL_ASSISTANCE',
    label: 'Assistance médicale',
    communities: ALL_COMMUNITIES,
    forms: {
      FULL: { minMonthsPerPeriod: 1, maxMonthsPerPeriod: 3, totalMaxMonths: 12, totalScope: 'personCaredFor' },
      HALF: { minMonthsPerPeriod: 1, maxMonthsPerPeriod: 3, totalMaxMonths: 24, totalScope: 'personCaredFor' },
      ONE_FIFTH: { minMonthsPerPeriod: 1, maxMonthsPerPeriod: 3, totalMaxMonths: 24, totalScope: 'personCaredFor' },
    },
  },
  PALLIATIVE_CARE: {
    code: 'PALLIATIVE_CARE',
    label: 'Soins palliatifs',
    communities: ALL_COMMUNITIES,
    forms: {
      FULL: { blockMonths: 1, maxMonthsPerPeriod: 1, extensions: 2, totalMaxMonths: 3, totalScope: 'personCaredFor' },
      HALF: { blockMonths: 1, maxMonthsPerPeriod: 1, extensions: 2, totalMaxMonths: 3, totalScope: 'personCaredFor' },
      ONE_FIFTH: { blockMonths: 1, maxMonthsPerPeriod: 1, extensions: 2, totalMaxMonths: 3, totalScope: 'personCaredFor' },
    },
  },
  CLOSE_CARER: {
    code: 'CLOSE_CARER',
    label: 'Congé pour aidant proche',
    communities: ALL_COMMUNITIES,
    forms: {
      FULL: { blockMonths: 1, totalMaxMonths: 3, totalScope: 'personCaredFor' },
      HALF: { blockMonths: 2, totalMaxMonths: 6, totalScope: 'personCaredFor' },
      ONE_FIFTH: { blockMonths: 2, totalMaxMonths: 6, totalScope: 'personCaredFor' },
    },
  },
};

export function leavesOpenIn(community: Community): Leave[] {
  return LEAVE_CODES.map((code) => LEAVES[code]).filter((leave) => leave.communities.includes(community));
}

export function isLeaveOpenIn(leave: LeaveCode, community: Community): boolean {
  return LEAVES[leave].communities.includes(community);
}

/** The forms of a leave, in catalogue order. */
export function formsOf(leave: LeaveCode): LeaveForm[] {
  return LEAVE_FORM_CODES.filter((form) => LEAVES[leave].forms[form] !== undefined);
}

/** The limits of a form of a leave, or undefined when the leave has no such form. */
export function formLimits(leave: LeaveCode, form: LeaveForm): FormLimits | undefined {
  return LEAVES[leave].forms[form];
}
