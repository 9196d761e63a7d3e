/**
 * What the Break@Work browser tests share: the words they click in each language (the machines' labels
 * and the area's own words, as a user reads them) and the walk through the sign-in.
 */
import type { Page } from 'playwright-core';
import type TestAgent from 'supertest/lib/agent';
import { checkScreen } from '../support/browser';
import { ok, send, signIn, start, type JourneyEvent } from '../support/http-journeys';

export type Lang = 'fr' | 'nl' | 'de';

export const WORDS = {
  fr: {
    employer: 'Employeur',
    introduce: 'Introduisez une demande',
    withKey: 'Se connecter avec une clé numérique',
    signIn: 'Se connecter',
    continue: 'Continuer',
    overview: 'Aperçu des demandes',
    newRequest: 'Introduire une nouvelle demande',
    community: /Choisissez la communauté/,
    school: /Indiquez le numéro BCE/,
    niss: 'NISS du membre du personnel',
    status: /Choisissez son statut/,
    email: 'Adresse e-mail (facultatif)',
    select: 'Sélectionner',
    fwb: 'Fédération Wallonie-Bruxelles',
    statutory: 'Statutaire',
    selected: 'Membre du personnel sélectionné',
    leaveTitle: 'Congé sollicité',
    parental: 'Congé parental',
    half: 'Réduction des prestations à mi-temps',
    next: 'Suivant',
    questions: 'Caractéristiques de l’interruption',
    before: 'Charge de travail avant l’interruption (en périodes)',
    during: 'Charge de travail pendant l’interruption (en périodes)',
    start: 'Date de début',
    end: 'Date de fin',
    confirmation: 'Confirmation',
    allCorrect: 'Toutes les informations sont correctes',
    confirm: 'Confirmer',
    awaiting: 'En attente du travailleur',
    errorTitle: 'Il y a un problème',
  },
  nl: {
    employer: 'Werkgever',
    introduce: 'Dien een aanvraag in',
    withKey: 'Aanmelden met een digitale sleutel',
    signIn: 'Aanmelden',
    continue: 'Doorgaan',
    overview: 'Overzicht van de aanvragen',
    newRequest: 'Een nieuwe aanvraag indienen',
    community: /Kies de gemeenschap/,
    school: /Vul het KBO-nummer in/,
    niss: 'INSZ van het personeelslid',
    status: /Kies het statuut/,
    email: 'E-mailadres (facultatief)',
    select: 'Selecteren',
    fwb: 'Federatie Wallonië-Brussel',
    statutory: 'Statutair',
    selected: 'Geselecteerd personeelslid',
    leaveTitle: 'Gevraagd verlof',
    parental: 'Ouderschapsverlof',
    half: 'Vermindering van de prestaties tot halftijds',
    next: 'Volgende',
    questions: 'Kenmerken van de onderbreking',
    before: 'Werkvolume vóór de onderbreking (in lestijden)',
    during: 'Werkvolume tijdens de onderbreking (in lestijden)',
    start: 'Begindatum',
    end: 'Einddatum',
    confirmation: 'Bevestiging',
    allCorrect: 'Alle informatie is juist',
    confirm: 'Bevestigen',
    awaiting: 'Wacht op de werknemer',
    errorTitle: 'Er is een probleem',
  },
  de: {
    employer: 'Arbeitgeber',
    introduce: 'Reichen Sie einen Antrag ein',
    withKey: 'Mit einem digitalen Schlüssel anmelden',
    signIn: 'Anmelden',
    continue: 'Weiter',
    overview: 'Übersicht der Anträge',
    newRequest: 'Einen neuen Antrag einreichen',
    community: /Wählen Sie die Gemeinschaft/,
    school: /Geben Sie die ZDU-Nummer/,
    niss: 'ENSS des Personalmitglieds',
    status: /Wählen Sie sein Statut/,
    email: 'E-Mail-Adresse (freiwillig)',
    select: 'Auswählen',
    fwb: 'Föderation Wallonie-Brüssel',
    statutory: 'Statutarisch',
    selected: 'Ausgewähltes Personalmitglied',
    leaveTitle: 'Beantragter Urlaub',
    parental: 'Elternurlaub',
    half: 'Verringerung der Leistungen auf Halbzeit',
    next: 'Weiter',
    questions: 'Merkmale der Unterbrechung',
    before: 'Arbeitspensum vor der Unterbrechung (in Perioden)',
    during: 'Arbeitspensum während der Unterbrechung (in Perioden)',
    start: 'Anfangsdatum',
    end: 'Enddatum',
    confirmation: 'Bestätigung',
    allCorrect: 'Alle Angaben sind richtig',
    confirm: 'Bestätigen',
    awaiting: 'Wartet auf den Arbeitnehmer',
    errorTitle: 'Es gibt ein Problem',
  },
} as const;

export const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/**
 * The guide's step 2 from the landing page: Employeur → Introduisez une demande → the digital key
 * (the person picked by name) → back in Break@Work, the organisation chosen. Screenshots when `snap`.
 */
export async function signInToBreakAtWork(page: Page, person: string, options: { lang?: Lang; snap?: boolean } = {}): Promise<void> {
  const w = WORDS[options.lang ?? 'fr'];
  const shot = async (name: string) => {
    if (options.snap) await checkScreen(page, name);
  };
  await h1(page, 'Break@Work').waitFor();
  await shot('breakatwork-landing');
  await page.getByRole('button', { name: w.employer }).click();
  await h1(page, w.employer).waitFor();
  await shot('breakatwork-employerPage');
  await page.getByRole('button', { name: w.introduce }).click();
  await page.getByRole('button', { name: w.withKey }).click();
  await page.getByLabel(person).check();
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  // Back from the key: the journey replays the steps taken and asks for the organisation.
  await page.locator('[data-screen="organisationChoice"]').waitFor();
  await shot('breakatwork-organisationChoice');
  await page.getByRole('button', { name: w.continue }).click();
}

/** A person signed in and acting for an organisation, obtained through the API as the sign-in page would. */
export interface Signed {
  identity: { token: string; expiresAt: string; name: string; niss: string };
  acting: { token: string; expiresAt: string; name: string; enterprise: string; enterpriseName: string; mode: 'PO' | 'OWN_COMPANY' };
}

export async function signedInThroughApi(http: TestAgent, niss: string, enterprise: string, mode: 'PO' | 'OWN_COMPANY' = 'PO'): Promise<Signed> {
  const person = await http.post('/api/dev/identity/tokens').send({ niss });
  if (person.status !== 200 && person.status !== 201) throw new Error(`identity of ${niss}: ${person.status}`);
  const body = person.body as { token: string; expiresAt: string; name: string };
  const { journey } = await signIn(http, niss, enterprise, mode);
  const acting = journey.actingToken!;
  const output = journey.output as { enterpriseName: string };
  return {
    identity: { ...body, niss },
    acting: { token: acting.token, expiresAt: acting.expiresAt, name: body.name, enterprise, enterpriseName: output.enterpriseName, mode },
  };
}

/** Opens `path` in a browser that already holds this session (the application's own storage). */
export async function openSignedIn(page: Page, signed: Signed, path: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(`localStorage.setItem('baw.session', ${JSON.stringify(JSON.stringify(signed))})`);
  await page.goto(path);
}

/** A draft request of this PO for a teacher (worker selected), through the API; its journey id. */
export async function draftThroughApi(http: TestAgent, actingToken: string, selection: { community: string; school: string; niss: string; status: 'STATUTORY' | 'CONTRACTUAL' | 'TEMPORARY' }): Promise<string> {
  const journey = ok(await start(http, actingToken, 'request'));
  ok(await send(http, actingToken, journey.id, { type: 'SELECT_WORKER', ...selection } as JourneyEvent));
  return journey.id;
}
