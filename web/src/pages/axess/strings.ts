/**
 * Axess's own words: what the access-management machine has no label for (the names of roles,
 * statuses and permissions as the list shows them, the list's controls, the pager). The machine's
 * screen texts come from its labels (`useLabel`).
 */
import type { Schemas } from '../../api';
import { defineStrings } from '../../i18n';

export type Role = Schemas['Member']['role'];
export type MemberStatus = Schemas['Member']['status'];
export type Permission = Schemas['Member']['permissions'][number];

export const ROLES: readonly Role[] = ['MAIN_ACCESS_MANAGER', 'ACCESS_MANAGER', 'USER'];
export const STATUSES: readonly MemberStatus[] = ['ACTIVE', 'INACTIVE'];
export const PERMISSIONS: readonly Permission[] = ['EMPLOYER', 'PO_EDUCATION'];

export const axessWords = defineStrings(
  {
    app: 'Axess – Gestion des accès',
    role_MAIN_ACCESS_MANAGER: 'Gestionnaire d’accès principal',
    role_ACCESS_MANAGER: 'Gestionnaire d’accès',
    role_USER: 'Utilisateur',
    status_ACTIVE: 'Actif',
    status_INACTIVE: 'Inactif',
    permission_EMPLOYER: 'Interruption de carrière et crédit-temps',
    permission_PO_EDUCATION: 'Interruption de carrière et crédit-temps – Pouvoir organisateur pour le secteur de l’enseignement',
    all: 'Tous',
    none: 'Aucune',
    searchButton: 'Rechercher',
    searchHint: 'Nom, prénom ou chiffres du numéro de registre national',
    found: '{count} membre(s) trouvé(s)',
    noMember: 'Aucun membre ne correspond à votre recherche.',
    editMember: 'Modifier {name}',
    actions: 'Action',
    pagination: 'Pages de la liste des membres',
    pageOf: 'Page {page} sur {pages}',
    previous: 'Page précédente',
    next: 'Page suivante',
    readOnly: 'Vous êtes utilisateur de ce groupe : seul un gestionnaire d’accès de l’organisation peut consulter la liste de ses membres et les modifier.',
    yourRole: 'Votre rôle : {role}',
    enterprise: 'N° d’entreprise {enterprise}',
    openOrganisation: 'Accéder à la gestion des accès de {name}',
    openGroup: 'Ouvrir le groupe {name}',
    nissHint: '11 chiffres, par exemple 85.07.30-033.28',
    signOutAxess: 'Se déconnecter d’Axess',
    loadFailed: 'La liste des membres n’a pas pu être chargée. Réessayez dans un instant.',
    group: 'Groupe',
  },
  {
    app: 'Axess – Toegangsbeheer',
    role_MAIN_ACCESS_MANAGER: 'Hoofdtoegangsbeheerder',
    role_ACCESS_MANAGER: 'Toegangsbeheerder',
    role_USER: 'Gebruiker',
    status_ACTIVE: 'Actief',
    status_INACTIVE: 'Inactief',
    permission_EMPLOYER: 'Loopbaanonderbreking en tijdskrediet',
    permission_PO_EDUCATION: 'Loopbaanonderbreking en tijdskrediet – Inrichtende macht voor de onderwijssector',
    all: 'Alle',
    none: 'Geen',
    searchButton: 'Zoeken',
    searchHint: 'Naam, voornaam of cijfers van het rijksregisternummer',
    found: '{count} lid/leden gevonden',
    noMember: 'Geen enkel lid beantwoordt aan uw zoekopdracht.',
    editMember: '{name} wijzigen',
    actions: 'Actie',
    pagination: 'Pagina’s van de ledenlijst',
    pageOf: 'Pagina {page} van {pages}',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    readOnly: 'U bent gebruiker van deze groep: alleen een toegangsbeheerder van de organisatie kan de lijst van haar leden raadplegen en wijzigen.',
    yourRole: 'Uw rol: {role}',
    enterprise: 'Ondernemingsnr. {enterprise}',
    openOrganisation: 'Naar het toegangsbeheer van {name}',
    openGroup: 'De groep {name} openen',
    nissHint: '11 cijfers, bijvoorbeeld 85.07.30-033.28',
    signOutAxess: 'Afmelden bij Axess',
    loadFailed: 'De ledenlijst kon niet worden geladen. Probeer het zo meteen opnieuw.',
    group: 'Groep',
  },
  {
    app: 'Axess – Zugangsverwaltung',
    role_MAIN_ACCESS_MANAGER: 'Hauptzugangsverwalter',
    role_ACCESS_MANAGER: 'Zugangsverwalter',
    role_USER: 'Benutzer',
    status_ACTIVE: 'Aktiv',
    status_INACTIVE: 'Inaktiv',
    permission_EMPLOYER: 'Laufbahnunterbrechung und Zeitkredit',
    permission_PO_EDUCATION: 'Laufbahnunterbrechung und Zeitkredit – Organisationsträger für den Unterrichtssektor',
    all: 'Alle',
    none: 'Keine',
    searchButton: 'Suchen',
    searchHint: 'Name, Vorname oder Ziffern der Nationalregisternummer',
    found: '{count} Mitglied(er) gefunden',
    noMember: 'Kein Mitglied entspricht Ihrer Suche.',
    editMember: '{name} bearbeiten',
    actions: 'Aktion',
    pagination: 'Seiten der Mitgliederliste',
    pageOf: 'Seite {page} von {pages}',
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    readOnly: 'Sie sind Benutzer dieser Gruppe: Nur ein Zugangsverwalter der Organisation kann die Liste ihrer Mitglieder einsehen und ändern.',
    yourRole: 'Ihre Rolle: {role}',
    enterprise: 'Unternehmensnr. {enterprise}',
    openOrganisation: 'Zur Zugangsverwaltung von {name}',
    openGroup: 'Die Gruppe {name} öffnen',
    nissHint: '11 Ziffern, zum Beispiel 85.07.30-033.28',
    signOutAxess: 'Von Axess abmelden',
    loadFailed: 'Die Mitgliederliste konnte nicht geladen werden. Versuchen Sie es gleich noch einmal.',
    group: 'Gruppe',
  },
);

/** The public context the access-management machine publishes (machines/access-management/context.ts). */
export interface AxessContext {
  organisations: { enterprise: string; name: string; role: Role; permissions: Permission[] }[];
  organisation: string | null;
  group: { enterprise: string; name: string; role: Role; canManageMembers: boolean } | null;
  editing: { member: { niss: string; lastName: string; firstName: string; role: Role; status: MemberStatus; permissions: Permission[] }; permissions: Permission[] } | null;
  newMember: { niss: string; lastName: string; firstName: string; role: Role; permissions: Permission[] } | null;
  notice: { code: 'MEMBER_SAVED' | 'MEMBER_ADDED'; niss: string } | null;
}
