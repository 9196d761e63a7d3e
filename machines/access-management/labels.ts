/**
 * French text of the access-management screens (guide, step 1), in the guide's wording: the reference
 * every other language translates key for key.
 */
import { PERMISSIONS } from '../../domain';
import type { LabelMap } from '../journey';

const PO_EDUCATION = `« ${PERMISSIONS.PO_EDUCATION.label} »`;

export const accessManagementLabels = {
  'accessManagement.employerPage.title': 'Gestion des accès pour entreprises et organisations',
  'accessManagement.employerPage.openAccessManagement': 'Gestion des accès',
  'accessManagement.signIn.title': 'Connectez-vous via CSAM',
  'accessManagement.signIn.signIn': 'Se connecter',
  'accessManagement.organisationChoice.title': 'Choisissez votre organisation',
  'accessManagement.organisationChoice.instruction': 'Cliquez sur le lien sous le nom de votre organisation.',
  'accessManagement.noOrganisation.title': 'Aucune organisation',
  'accessManagement.noOrganisation.explanation':
    'Vous n’êtes membre actif du groupe d’aucune organisation. Demandez au gestionnaire d’accès de votre organisation de vous ajouter.',
  'accessManagement.home.title': 'Vous êtes maintenant connecté à l’application « Axess ».',
  'accessManagement.home.myGroups': 'Mes groupes',
  'accessManagement.home.instruction': `Choisissez l’organisation pour laquelle vous souhaitez ajouter la permission ${PO_EDUCATION}.`,
  'accessManagement.memberList.title': 'Membres du groupe',
  'accessManagement.memberList.search': 'Rechercher un membre',
  'accessManagement.memberList.filterRole': 'Filtrer par rôle d’utilisateur',
  'accessManagement.memberList.filterStatus': 'Filtrer par statut',
  'accessManagement.memberList.filterPermission': 'Filtrer par permission',
  'accessManagement.memberList.lastName': 'Nom',
  'accessManagement.memberList.firstName': 'Prénom',
  'accessManagement.memberList.role': 'Rôle d’utilisateur',
  'accessManagement.memberList.status': 'Statut',
  'accessManagement.memberList.permissions': 'Permissions',
  'accessManagement.memberList.edit': 'Modifier les permissions du membre',
  'accessManagement.memberList.addUser': 'Ajouter un utilisateur',
  'accessManagement.memberList.backToGroups': 'Mes groupes',
  'accessManagement.memberList.memberSaved': 'Les permissions du membre ont été sauvegardées.',
  'accessManagement.memberList.memberAdded': 'L’utilisateur a été rajouté à la liste de membres de votre organisation.',
  'accessManagement.memberEdit.title': 'Permissions du membre',
  'accessManagement.memberEdit.lastName': 'Nom',
  'accessManagement.memberEdit.firstName': 'Prénom',
  'accessManagement.memberEdit.role': 'Rôle d’utilisateur',
  'accessManagement.memberEdit.status': 'Statut',
  'accessManagement.memberEdit.permissions': `Sélectionnez la permission ${PO_EDUCATION}.`,
  'accessManagement.memberEdit.save': 'Sauvegarder',
  'accessManagement.memberEdit.cancel': 'Annuler',
  'accessManagement.memberAdd.title': 'Ajouter un utilisateur',
  'accessManagement.memberAdd.niss': 'Numéro de registre national',
  'accessManagement.memberAdd.lastName': 'Nom de famille',
  'accessManagement.memberAdd.firstName': 'Prénom',
  'accessManagement.memberAdd.role': 'Rôle utilisateur',
  'accessManagement.memberAdd.permissions': `Permissions de l’utilisateur : cochez l’accès ${PO_EDUCATION}.`,
  'accessManagement.memberAdd.submit': 'Ajouter l’utilisateur',
  'accessManagement.memberAdd.cancel': 'Annuler',
  'accessManagement.help.title': 'Besoin d’aide ?',
  'accessManagement.help.explanation': `En cas de difficultés pour obtenir ce rôle ${PO_EDUCATION}, veuillez passer par le formulaire de contact ou appelez le Centre de contact.`,
  'accessManagement.help.contactForm': 'Formulaire de contact',
  'accessManagement.help.contactCentre': 'Appelez le Centre de contact',
  'accessManagement.help.contactPage': 'Contactez-nous - Sécurité sociale (socialsecurity.be)',
  'accessManagement.help.contactPageUrl': 'https://www.socialsecurity.be/site_fr/employer/general/contactcenter/index.htm',
  'accessManagement.help.back': 'Retour',
  'accessManagement.signedOut.title': 'Vous êtes déconnecté.',
  'accessManagement.expired.title': 'Votre session a expiré. Veuillez vous reconnecter.',
} as const satisfies LabelMap;

export type AccessManagementLabelKey = keyof typeof accessManagementLabels;
