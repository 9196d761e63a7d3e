/**
 * The worker's part in a real browser: a PO introduces requests to their ticket through the API, then
 * the teacher signs in with their own digital key at /worker, sees only the requests about them,
 * reviews what the employer declared and confirms; the PO's overview says `in_processing`. Another
 * teacher never sees them. An unticked box shows the rule's message at the box. One teacher completes
 * their part with the keyboard only, at phone width.
 */
import type { Locator, Page } from 'playwright-core';
import { demoCast } from '../../store/demo-data';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { apiClient } from '../support/http-client';
import { introduceThroughApi, ordinaryInterruption } from './requests-through-api';
import { bearer, signIn, type JourneyEvent } from '../support/http-journeys';

jest.setTimeout(120_000);

const { teachers, people, organisations, schools } = demoCast;
const sophie = teachers.primaryA;
const thomas = teachers.nurseryA;

let run: BrowserService;
withBrowserService((r) => (run = r), { env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' } });

let poToken: string;
/** Sophie's two requests and Thomas's one, each awaiting the worker. */
let sophieTickets: string[];
let thomasTicket: string;

const ordinary = ordinaryInterruption;
const introduce = (events: JourneyEvent[]) => introduceThroughApi(run.service.http, poToken, events);

const statusForPo = async (ticket: string) =>
  (await apiClient(run.service.http).GET('/api/requests/{ref}', { params: { path: { ref: ticket } }, headers: bearer(poToken) })).data?.status;

/** The digital key, as the person named, then back to /worker. */
async function signInAsWorker(page: Page, name: string): Promise<void> {
  await page.goto('/worker');
  await page.getByRole('heading', { level: 1, name: 'Ma partie de la demande' }).waitFor();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Connexion avec une clé numérique' }).waitFor();
  await page.getByLabel(name).check();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes demandes d’interruption de carrière' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/worker');
}

interface Node {
  getAttribute: (name: string) => string | null;
  ownerDocument: { activeElement: unknown };
}
const ticketsListed = (page: Page) => page.locator('tr[data-ticket]').evaluateAll((rows: Node[]) => rows.map((r) => r.getAttribute('data-ticket')));
/** Whether the element has the keyboard's focus. */
const focused = (target: Locator) => target.evaluate((el: Node) => el.ownerDocument.activeElement === el);

/** Presses Tab until `selector`'s element has the focus (at most `max` times): the keyboard's way there. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await focused(target)) return;
  }
  throw new Error(`not reachable with Tab in ${max} presses`);
}

beforeAll(async () => {
  poToken = (await signIn(run.service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber)).token;
  sophieTickets = [await introduce(ordinary(sophie, '2031-01')), await introduce(ordinary(sophie, '2031-06'))];
  thomasTicket = await introduce(ordinary(thomas, '2031-01'));
});

test('the teacher reviews what the employer declared and confirms their part: the request moves to in_processing', async () => {
  const page = await run.newPage();
  await signInAsWorker(page, `${sophie.firstName} ${sophie.lastName}`);
  await page.getByText(`Connecté : ${sophie.firstName} ${sophie.lastName}`).waitFor();
  // Only hers: both of Sophie's requests, never Thomas's.
  expect((await ticketsListed(page)).sort()).toEqual([...sophieTickets].sort());
  await checkScreen(page, 'worker-requestChoice');

  const [ticket] = sophieTickets as [string, string];
  await page.getByRole('button', { name: `Compléter ma partie de la demande ${ticket}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Vérifiez ce que votre employeur a déclaré' }).waitFor();
  const summary = page.locator('dl.summary-list');
  for (const text of [ticket, organisations.poY.name, schools.a.name, 'Interruption de carrière ordinaire', 'Interruption complète', 'du 01/01/2031 au 31/03/2031', 'Statutaire', sophie.email]) {
    await summary.getByText(text, { exact: false }).first().waitFor();
  }
  await checkScreen(page, 'worker-review');

  // A reload puts the worker back on the same screen with what they ticked.
  const box = page.getByLabel('Toutes les informations sont correctes');
  await box.check();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Vérifiez ce que votre employeur a déclaré' }).waitFor();
  expect(await box.isChecked()).toBe(true);
  await box.uncheck();

  // The box unticked: the rule's message beside it, the summary focused; nothing moved.
  await page.getByRole('button', { name: 'Confirmer' }).click();
  const boxError = page.locator('#error-allCorrect');
  await boxError.waitFor();
  expect((await boxError.textContent())?.length).toBeGreaterThan(5);
  expect(await focused(page.getByRole('alert'))).toBe(true);
  await checkScreen(page, 'worker-review-error');
  expect(await statusForPo(ticket)).toBe('awaiting_worker');

  await page.getByLabel('Toutes les informations sont correctes').check();
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Votre partie est complétée.' }).waitFor();
  await page.getByText(ticket, { exact: true }).waitFor();
  await page.getByText('En traitement', { exact: true }).waitFor();
  await checkScreen(page, 'worker-completed');
  expect(await statusForPo(ticket)).toBe('in_processing');
  expect(await statusForPo(sophieTickets[1]!)).toBe('awaiting_worker');

  // A reload stays on the completed screen; starting again lists the request as in processing, read-only.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Votre partie est complétée.' }).waitFor();
  await page.getByRole('button', { name: 'Recommencer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes demandes d’interruption de carrière' }).waitFor();
  const row = page.locator(`tr[data-ticket="${ticket}"]`);
  await row.getByText('En traitement').waitFor();
  expect(await row.getByRole('button').count()).toBe(0);
});

test('another teacher sees only their own request, and completes it with the keyboard alone at phone width', async () => {
  const page = await run.newPage({ phone: true });
  await signInAsWorker(page, `${thomas.firstName} ${thomas.lastName}`);
  expect(await ticketsListed(page)).toEqual([thomasTicket]);
  for (const ticket of sophieTickets) expect(await page.getByText(ticket).count()).toBe(0);
  await checkScreen(page, 'worker-requestChoice-phone');
  // No horizontal scroll of the page at 375 px.
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);

  await tabTo(page, page.getByRole('button', { name: `Compléter ma partie de la demande ${thomasTicket}` }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Vérifiez ce que votre employeur a déclaré' }).waitFor();
  await checkScreen(page, 'worker-review-phone');
  await tabTo(page, page.getByLabel('Toutes les informations sont correctes'));
  await page.keyboard.press('Space');
  expect(await page.getByLabel('Toutes les informations sont correctes').isChecked()).toBe(true);
  await tabTo(page, page.getByRole('button', { name: 'Confirmer' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Votre partie est complétée.' }).waitFor();
  expect(await statusForPo(thomasTicket)).toBe('in_processing');
  // The same screen in Dutch and German: the machine's labels and the status's name in the language.
  await page.getByRole('button', { name: 'NL', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Uw deel is ingevuld.' }).waitFor();
  await page.getByText('In behandeling', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'DE', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Ihr Teil ist ausgefüllt.' }).waitFor();
  await checkScreen(page, 'worker-completed-de');
});
