/** The start page: who does what, in the guide's order, each party's way in. */
import { Layout } from '../components/Layout';
import { defineStrings, useStrings } from '../i18n';
import { Link } from '../router';

const words = defineStrings(
  {
    title: 'Interruption de carrière dans l’enseignement',
    intro: 'Un pouvoir organisateur (PO) introduit les demandes d’interruption de carrière de ses membres du personnel enseignant dans Break@Work, l’application de l’ONEM.',
    axess: 'Gestion des accès',
    axessText: 'Étape 1 — le gestionnaire d’accès donne l’autorisation « Pouvoir organisateur – enseignement » à un membre de son groupe.',
    baw: 'Break@Work — employeur',
    bawText: 'Étapes 2 et 3 — se connecter, agir en tant que pouvoir organisateur, introduire une demande et suivre ses demandes.',
    worker: 'Break@Work — travailleur',
    workerText: 'Le membre du personnel complète et confirme sa partie de la demande.',
    backoffice: 'Back-office de l’ONEM',
    backofficeText: 'Rechercher les demandes, consulter leur historique, décider ou renvoyer.',
    dev: 'Développeurs',
    devText: 'Les parcours dessinés comme diagrammes d’états, avec l’état courant d’un parcours ouvert.',
    key: 'Se connecter avec une clé numérique',
  },
  {
    title: 'Loopbaanonderbreking in het onderwijs',
    intro: 'Een inrichtende macht (IM) dient de aanvragen tot loopbaanonderbreking van haar onderwijzend personeel in via Break@Work, de toepassing van de RVA.',
    axess: 'Toegangsbeheer',
    axessText: 'Stap 1 — de toegangsbeheerder geeft de machtiging "Inrichtende macht – onderwijs" aan een lid van zijn groep.',
    baw: 'Break@Work — werkgever',
    bawText: 'Stappen 2 en 3 — aanmelden, optreden als inrichtende macht, een aanvraag indienen en de aanvragen opvolgen.',
    worker: 'Break@Work — werknemer',
    workerText: 'Het personeelslid vult zijn deel van de aanvraag aan en bevestigt het.',
    backoffice: 'Backoffice van de RVA',
    backofficeText: 'Aanvragen zoeken, hun geschiedenis bekijken, beslissen of terugsturen.',
    dev: 'Ontwikkelaars',
    devText: 'De trajecten als toestandsdiagrammen, met de huidige toestand van een open traject.',
    key: 'Aanmelden met een digitale sleutel',
  },
  {
    title: 'Laufbahnunterbrechung im Unterrichtswesen',
    intro: 'Ein Organisationsträger (OT) reicht die Anträge auf Laufbahnunterbrechung seines Lehrpersonals in Break@Work ein, der Anwendung des LfA.',
    axess: 'Zugriffsverwaltung',
    axessText: 'Schritt 1 — der Zugriffsverwalter erteilt einem Mitglied seiner Gruppe die Berechtigung „Organisationsträger – Unterrichtswesen“.',
    baw: 'Break@Work — Arbeitgeber',
    bawText: 'Schritte 2 und 3 — anmelden, als Organisationsträger handeln, einen Antrag einreichen und die Anträge verfolgen.',
    worker: 'Break@Work — Arbeitnehmer',
    workerText: 'Das Personalmitglied ergänzt und bestätigt seinen Teil des Antrags.',
    backoffice: 'Backoffice des LfA',
    backofficeText: 'Anträge suchen, ihren Verlauf einsehen, entscheiden oder zurücksenden.',
    dev: 'Entwickler',
    devText: 'Die Vorgänge als Zustandsdiagramme, mit dem aktuellen Zustand eines offenen Vorgangs.',
    key: 'Mit einem digitalen Schlüssel anmelden',
  },
);

export function HomePage() {
  const t = useStrings(words);
  const cards = [
    { to: '/axess', title: t('axess'), text: t('axessText') },
    { to: '/breakatwork', title: t('baw'), text: t('bawText') },
    { to: '/worker', title: t('worker'), text: t('workerText') },
    { to: '/backoffice', title: t('backoffice'), text: t('backofficeText') },
    { to: '/dev/machines', title: t('dev'), text: t('devText') },
  ];
  return (
    <Layout app="Break@Work" account="person">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <ul className="cards">
        {cards.map((c) => (
          <li key={c.to}>
            <Link to={c.to}>{c.title}</Link>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/key">{t('key')}</Link>
      </p>
    </Layout>
  );
}
