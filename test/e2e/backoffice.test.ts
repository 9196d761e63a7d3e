/**
 * The back-office console in a real browser: requests introduced to their ticket through the API, then an
 * ONEM agent signs in with the digital key's agent form, searches by ticket and by NISS, opens a request,
 * reads its history, and moves it only by the actions its journey takes now: no decision before the
 * worker's part, a refusal without a reason shows the rule's message at the reason field, an acceptance
 * the PO's overview then shows. Another request is moved by the agent (worker part completed) and sent
 * back to the worker. The console at phone width, axe on every page.
 */
import type { Page } from 'playwright-core';
import { demoCast } from '../../store/demo-data';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { apiClient } from '../support/http-client';
import { introduceThroughApi, ordinaryInterruption } from './requests-through-api';
import { bearer, identityToken, ok, send, signIn, start, type JourneyEvent } from '../support/http-journeys';

jest.setTimeout(150_000);

const { teachers, people, organisations } = demoCast;
const sophie = teachers.primaryA;
const thomas = teachers.nurseryA;
const AGENT = 'Agent Dupont';

let run: BrowserService;
withBrowserService((r) => (run = r), { env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' } });

let poToken: string;
let sophieTicket: string;
let thomasTicket: string;

const ordinary = ordinaryInterruption;
const introduce = (events: JourneyEvent[]) => introduceThroughApi(run.service.http, poToken, events);

/** The teacher completes their part through the API (the worker's screens have their own test). */
async function completeWorkerPart(niss: string, ticket: string): Promise<void> {
  const { http } = run.service;
  const token = await identityToken(http, niss);
  const journey = ok(await start(http, token, 'workerPart'));
  ok(await send(http, token, journey.id, { type: 'CHOOSE_REQUEST', ticket }));
  expect(ok(await send(http, token, journey.id, { type: 'CONFIRM_WORKER_PART', allCorrect: true })).screen).toBe('completed');
}

const statusForPo = async (ticket: string) =>
  (await apiClient(run.service.http).GET('/api/requests/{ref}', { params: { path: { ref: ticket } }, headers: bearer(poToken) })).data?.status;

interface Row {
  getAttribute: (name: string) => string | null;
}
const ticketsListed = (page: Page) => page.locator('tr[data-ticket]').evaluateAll((rows: Row[]) => rows.map((r) => r.getAttribute('data-ticket')));

/** Not signed in: the console sends the agent to the digital key's agent form and back. */
async function signInAsAgent(page: Page): Promise<void> {
  await page.goto('/backoffice');
  await page.getByRole('heading', { level: 1, name: 'Console du back-office' }).waitFor();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Connexion avec une clé numérique' }).waitFor();
  await page.getByLabel('Nom de l’agent').fill(AGENT);
  await page.getByRole('button', { name: 'Se connecter comme agent' }).click();
  await page.getByRole('heading', { level: 2, name: 'Rechercher des demandes' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/backoffice');
}

async function search(page: Page, fields: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: 'Effacer les critères' }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.waitForURL((url) => Object.values(fields).every((value) => [...url.searchParams.values()].includes(value)));
  // The results of this search (the page never shows an earlier search's), or its refusal.
  await page.locator('#results-title, .error-summary').first().waitFor();
}

beforeAll(async () => {
  poToken = (await signIn(run.service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber)).token;
  sophieTicket = await introduce(ordinary(sophie, '2031-01'));
  thomasTicket = await introduce(ordinary(thomas, '2031-01'));
});

test('the agent finds a request by ticket and by NISS, reads its history, and accepts it once the worker’s part is done', async () => {
  const page = await run.newPage();
  await signInAsAgent(page);
  await page.getByText(`Connecté : ${AGENT}`).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Parcours en attente d’un opérateur' }).waitFor();
  await page.locator('tr[data-ticket]').first().waitFor();
  await checkScreen(page, 'backoffice-console');

  await search(page, { 'Numéro de ticket': sophieTicket });
  expect(await ticketsListed(page)).toEqual([sophieTicket]);
  expect(new URL(page.url()).searchParams.get('ticket')).toBe(sophieTicket);
  await checkScreen(page, 'backoffice-results');

  // By NISS, written as people write it: Sophie's request, not Thomas's.
  await search(page, { 'NISS du travailleur': '82.04.12-072.57' });
  await page.locator(`tr[data-ticket="${sophieTicket}"]`).waitFor();
  expect(await ticketsListed(page)).toEqual([sophieTicket]);
  // A NISS with wrong check digits: the rule's message at the field.
  await search(page, { 'NISS du travailleur': '82.04.12-072.58' });
  await page.locator('#error-niss').waitFor();
  expect(await page.locator('#error-niss').textContent()).toContain('57');

  await search(page, { 'NISS du travailleur': sophie.niss });
  await page.getByRole('link', { name: `Ouvrir la demande ${sophieTicket}` }).click();
  await page.getByRole('heading', { level: 1, name: `Demande ${sophieTicket}` }).waitFor();
  const history = page.locator('table.backoffice-history');
  await history.locator('tr[data-action="request.awaiting_worker"]').waitFor();
  await history.getByText('Statut : En attente du travailleur').first().waitFor();
  // Before the worker's part: no decision, no send-back; only "worker part completed".
  await page.getByRole('heading', { level: 3, name: 'Partie du travailleur' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Décider' }).count()).toBe(0);
  expect(await page.getByRole('heading', { name: 'Renvoyer la demande' }).count()).toBe(0);
  await checkScreen(page, 'backoffice-request-awaiting');

  await completeWorkerPart(sophie.niss, sophieTicket);
  await page.reload();
  await page.getByRole('heading', { level: 3, name: 'Décider' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Partie du travailleur' }).count()).toBe(0);
  await page.getByRole('heading', { level: 3, name: 'Renvoyer la demande' }).waitFor();
  await history.locator('tr[data-action="request.in_processing"]').waitFor();

  // A refusal without a reason: the rule's message at the reason field; nothing moved.
  await page.getByLabel('Refuser').check();
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  const reasonError = page.locator('#error-reason');
  await reasonError.waitFor();
  expect((await reasonError.textContent())?.length).toBeGreaterThan(5);
  await checkScreen(page, 'backoffice-request-refusal-error');
  expect(await statusForPo(sophieTicket)).toBe('in_processing');

  await page.getByLabel('Accepter').check();
  await page.getByLabel('Motif', { exact: true }).first().fill('Toutes les conditions sont remplies.');
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await page.getByText('L’action est enregistrée.').waitFor();
  const accepted = history.locator('tr[data-action="request.accepted"]');
  await accepted.getByText('Toutes les conditions sont remplies.').waitFor();
  await accepted.getByText(AGENT).waitFor();
  await page.getByText('Aucune action du back-office n’est possible à cette étape.').waitFor();
  await checkScreen(page, 'backoffice-request-accepted');

  // The PO's overview shows it accepted.
  const overview = await apiClient(run.service.http).GET('/api/requests', { headers: bearer(poToken) });
  expect(overview.data?.items.find((r) => r.ticket === sophieTicket)?.status).toBe('accepted');

  // Back to the search it came from.
  await page.getByRole('link', { name: 'Retour à la recherche' }).click();
  await page.locator(`tr[data-ticket="${sophieTicket}"]`).getByText('Acceptée').waitFor();

  // PO Y's requests one per page: newest first, the pages linked both ways.
  await page.goto(`/backoffice?enterprise=${organisations.poY.enterpriseNumber}&pageSize=1`);
  await page.getByText('2 demande(s) trouvée(s)').waitFor();
  expect(await ticketsListed(page)).toEqual([thomasTicket]);
  const pages = page.getByRole('navigation', { name: 'Pagination des résultats' });
  expect(await pages.getByRole('link', { name: 'Page précédente' }).count()).toBe(0);
  await pages.getByRole('link', { name: 'Page suivante' }).click();
  await page.locator(`tr[data-ticket="${sophieTicket}"]`).waitFor();
  await pages.getByRole('link', { name: 'Page précédente' }).waitFor();
  expect(await ticketsListed(page)).toEqual([sophieTicket]);
  expect(await pages.getByRole('link', { name: 'Page suivante' }).count()).toBe(0);
  await pages.getByRole('link', { name: 'Page précédente' }).click();
  await page.locator(`tr[data-ticket="${thomasTicket}"]`).waitFor();
});

test('the agent records the worker’s part and sends the request back to the worker; the console works at phone width', async () => {
  const page = await run.newPage({ phone: true });
  await signInAsAgent(page);
  await page.locator('tr[data-ticket]').first().waitFor();
  await checkScreen(page, 'backoffice-console-phone');
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);

  await search(page, { 'Numéro de ticket': thomasTicket });
  await page.getByRole('link', { name: `Ouvrir la demande ${thomasTicket}` }).click();
  await page.getByRole('heading', { level: 1, name: `Demande ${thomasTicket}` }).waitFor();
  await page.getByRole('button', { name: 'Partie du travailleur complétée' }).click();
  await page.getByText('L’action est enregistrée.').waitFor();
  await page.getByRole('heading', { level: 3, name: 'Renvoyer la demande' }).waitFor();
  expect(await statusForPo(thomasTicket)).toBe('in_processing');
  await checkScreen(page, 'backoffice-request-phone');

  await page.getByLabel('au travailleur (il complète à nouveau sa partie)').check();
  await page.locator('#field-sendBackReason').fill('L’acte de naissance de l’enfant manque.');
  await page.getByRole('button', { name: 'Renvoyer', exact: true }).click();
  await page.locator('table.backoffice-history tr[data-action="request.awaiting_worker"]').nth(1).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Partie du travailleur' }).waitFor();
  expect(await statusForPo(thomasTicket)).toBe('awaiting_worker');
});
