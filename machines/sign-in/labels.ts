/**
 * French text of the Break@Work sign-in screens (guide, step 2), in the guide's wording: the reference
 * every other language translates key for key.
 */
import { ACTING_MODES, PERMISSIONS, type Permission } from '../../domain';
import type { LabelMap } from '../journey';

const quoted = (permission: Permission) => `« ${PERMISSIONS[permission].label} »`;

export const signInLabels = {
  'signIn.landing.title': 'Break@Work',
  'signIn.landing.address': 'www.onem.be/breakatwork',
  'signIn.landing.employer': 'Employeur',
  'signIn.employerPage.title': 'Employeur',
  'signIn.employerPage.introduceRequest': 'Introduisez une demande',
  'signIn.signIn.title': 'Introduire une demande',
  'signIn.signIn.digitalKey': 'Connectez-vous avec une clé numérique.',
  'signIn.organisationChoice.title': 'Choisissez votre organisation',
  'signIn.organisationChoice.instruction': 'Sélectionnez l’organisation (numéro BCE) avec laquelle vous vous connectez.',
  'signIn.actingChoice.title': 'En tant que quel employeur souhaitez-vous agir ?',
  'signIn.actingChoice.explanation':
    `Vous disposez des accès ${quoted('EMPLOYER')} et ${quoted('PO_EDUCATION')} : ` +
    'sélectionnez en tant que quel employeur vous souhaitez agir (propre ou pouvoir organisateur).',
  'signIn.actingChoice.asPo': ACTING_MODES.PO.label,
  'signIn.actingChoice.ownCompany': ACTING_MODES.OWN_COMPANY.label,
  'signIn.actingConfirmation.title': 'Confirmez votre choix',
  'signIn.actingConfirmation.confirm': 'Confirmer',
  'signIn.actingConfirmation.back': 'Retour',
  'signIn.refused.title': 'Accès refusé',
  'signIn.refused.explanation':
    `Pour introduire une demande d’un membre du personnel de l’enseignement, vous devez disposer de la permission ${quoted('PO_EDUCATION')} ` +
    `(ou de la permission ${quoted('EMPLOYER')} pour le personnel propre de l’organisation).`,
  'signIn.refused.accessManagement':
    'Pour avoir accès à cette permission, vous devez l’ajouter dans « Gestion des accès pour entreprises et organisations ».',
  'signIn.refused.accessManagementUrl': 'https://www.socialsecurity.be/site_fr/employer/applics/umoe/index.htm',
  'signIn.refused.chooseOtherOrganisation': 'Choisir une autre organisation',
  'signIn.signedIn.title': 'Vous êtes connecté.',
  'signIn.expired.title': 'Votre session a expiré. Veuillez vous reconnecter.',
} as const satisfies LabelMap;

export type SignInLabelKey = keyof typeof signInLabels;
