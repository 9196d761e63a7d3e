/**
 * French text of the Break@Work sign-in screens (guide, step 2), in the guide's wording: the reference
 * every other language translates key for key.
 */
import { ACTING_MODES, PERMISSIONS, type Permission } from '../../domain';
import type { LabelMap, Translation } from '../journey';

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

// Dutch and German, key for key (the type refuses a missing or an extra key), in the wording of the
// RVA / LfA and socialsecurity.be.
const PERMISSION_NAMES: Readonly<Record<Permission, Readonly<Record<'nl' | 'de', string>>>> = {
  EMPLOYER: { nl: 'Loopbaanonderbreking en tijdskrediet', de: 'Laufbahnunterbrechung und Zeitkredit' },
  PO_EDUCATION: {
    nl: 'Loopbaanonderbreking en tijdskrediet – Inrichtende macht voor de onderwijssector',
    de: 'Laufbahnunterbrechung und Zeitkredit – Organisationsträger für den Unterrichtssektor',
  },
};
const quotedNl = (permission: Permission) => `"${PERMISSION_NAMES[permission].nl}"`;
const quotedDe = (permission: Permission) => `„${PERMISSION_NAMES[permission].de}“`;

export const signInLabelsNl: Translation<typeof signInLabels> = {
  'signIn.landing.title': 'Break@Work',
  'signIn.landing.address': 'www.onem.be/breakatwork',
  'signIn.landing.employer': 'Werkgever',
  'signIn.employerPage.title': 'Werkgever',
  'signIn.employerPage.introduceRequest': 'Dien een aanvraag in',
  'signIn.signIn.title': 'Een aanvraag indienen',
  'signIn.signIn.digitalKey': 'Meld u aan met een digitale sleutel.',
  'signIn.organisationChoice.title': 'Kies uw organisatie',
  'signIn.organisationChoice.instruction': 'Selecteer de organisatie (KBO-nummer) waarmee u zich aanmeldt.',
  'signIn.actingChoice.title': 'Als welke werkgever wilt u handelen?',
  'signIn.actingChoice.explanation':
    `U beschikt over de toegangen ${quotedNl('EMPLOYER')} en ${quotedNl('PO_EDUCATION')}: ` +
    'selecteer als welke werkgever u wilt handelen (eigen werkgever of inrichtende macht).',
  'signIn.actingChoice.asPo': 'Ik handel als inrichtende macht',
  'signIn.actingChoice.ownCompany': 'Ik handel in naam van de onderneming waarmee ik aangemeld ben',
  'signIn.actingConfirmation.title': 'Bevestig uw keuze',
  'signIn.actingConfirmation.confirm': 'Bevestigen',
  'signIn.actingConfirmation.back': 'Terug',
  'signIn.refused.title': 'Toegang geweigerd',
  'signIn.refused.explanation':
    `Om een aanvraag in te dienen voor een personeelslid van het onderwijs moet u beschikken over de toelating ${quotedNl('PO_EDUCATION')} ` +
    `(of over de toelating ${quotedNl('EMPLOYER')} voor het eigen personeel van de organisatie).`,
  'signIn.refused.accessManagement': 'Om toegang te krijgen tot deze toelating moet u ze toevoegen in "Toegangsbeheer voor ondernemingen en organisaties".',
  'signIn.refused.accessManagementUrl': 'https://www.socialsecurity.be/site_nl/employer/applics/umoe/index.htm',
  'signIn.refused.chooseOtherOrganisation': 'Een andere organisatie kiezen',
  'signIn.signedIn.title': 'U bent aangemeld.',
  'signIn.expired.title': 'Uw sessie is verlopen. Meld u opnieuw aan.',
};

export const signInLabelsDe: Translation<typeof signInLabels> = {
  'signIn.landing.title': 'Break@Work',
  'signIn.landing.address': 'www.onem.be/breakatwork',
  'signIn.landing.employer': 'Arbeitgeber',
  'signIn.employerPage.title': 'Arbeitgeber',
  'signIn.employerPage.introduceRequest': 'Reichen Sie einen Antrag ein',
  'signIn.signIn.title': 'Einen Antrag einreichen',
  'signIn.signIn.digitalKey': 'Melden Sie sich mit einem digitalen Schlüssel an.',
  'signIn.organisationChoice.title': 'Wählen Sie Ihre Organisation',
  'signIn.organisationChoice.instruction': 'Wählen Sie die Organisation (ZDU-Nummer), mit der Sie sich anmelden.',
  'signIn.actingChoice.title': 'Als welcher Arbeitgeber möchten Sie handeln?',
  'signIn.actingChoice.explanation':
    `Sie verfügen über die Zugänge ${quotedDe('EMPLOYER')} und ${quotedDe('PO_EDUCATION')}: ` +
    'wählen Sie, als welcher Arbeitgeber Sie handeln möchten (eigener Arbeitgeber oder Organisationsträger).',
  'signIn.actingChoice.asPo': 'Ich handle als Organisationsträger',
  'signIn.actingChoice.ownCompany': 'Ich handle im Namen des Unternehmens, mit dem ich angemeldet bin',
  'signIn.actingConfirmation.title': 'Bestätigen Sie Ihre Wahl',
  'signIn.actingConfirmation.confirm': 'Bestätigen',
  'signIn.actingConfirmation.back': 'Zurück',
  'signIn.refused.title': 'Zugang verweigert',
  'signIn.refused.explanation':
    `Um einen Antrag für ein Personalmitglied des Unterrichtswesens einzureichen, benötigen Sie die Berechtigung ${quotedDe('PO_EDUCATION')} ` +
    `(oder die Berechtigung ${quotedDe('EMPLOYER')} für das eigene Personal der Organisation).`,
  'signIn.refused.accessManagement':
    'Um Zugang zu dieser Berechtigung zu erhalten, müssen Sie sie in der „Zugangsverwaltung für Unternehmen und Organisationen“ hinzufügen.',
  'signIn.refused.accessManagementUrl': 'https://www.socialsecurity.be/site_de/employer/applics/umoe/index.htm',
  'signIn.refused.chooseOtherOrganisation': 'Eine andere Organisation wählen',
  'signIn.signedIn.title': 'Sie sind angemeldet.',
  'signIn.expired.title': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
};
