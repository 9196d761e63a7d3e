/**
 * Axess's member list in a real browser against the real service: search and filters (role, status,
 * permission) with hostile input, pages once the group outgrows one (16 members added at once through
 * the API first), the filters kept across a reload; a permission granted with the keyboard alone; the
 * list at phone width (375 px).
 */
import type { Locator, Page } from 'playwright-core';
import { demoCast } from '../../store/demo-data';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { identityToken, ok, send, start, type JourneyEvent } from '../support/http-journeys';
import { checkOnce, openGroup, PO_EDUCATION, PO_Y, rowOf, screen, signInToAxess } from './axess-walk';

const { people, organisations } = demoCast;
const Y = organisations.poY.enterpriseNumber;

let run: BrowserService;
withBrowserService((r) => (run = r));

/** A valid NISS of someone born on 1 January 1980 with this counter (check digits 97 − n mod 97). */
function niss(counter: number): string {
  const first = `800101${String(counter).padStart(3, '0')}`;
  return first + String(97 - (Number(first) % 97)).padStart(2, '0');
}

const NEWCOMERS = ['Adam', 'Baert', 'Bastin', 'Charlier', 'Declercq', 'Desmet', 'Dupont', 'Fontaine', 'Gilson', 'Hermans', 'Jacobs', 'Lambotte', 'Maes', 'Noël', 'Simon', 'Wauters'];

/** Adds one member as the access manager would, through a journey of its own. */
async function addThroughApi(token: string, lastName: string, counter: number): Promise<string> {
  const http = run.service.http;
  let journey = ok(await start(http, token, 'accessManagement'));
  const walk: JourneyEvent[] = [
    { type: 'OPEN_ACCESS_MANAGEMENT' },
    { type: 'SIGN_IN' },
    { type: 'CHOOSE_ORGANISATION', enterprise: Y },
    { type: 'CHOOSE_GROUP', enterprise: Y },
    { type: 'ADD_USER' },
    { type: 'SUBMIT_NEW_MEMBER', niss: niss(counter), lastName, firstName: 'Test', role: 'USER', permissions: counter % 2 === 0 ? ['EMPLOYER'] : [] },
  ];
  for (const event of walk) journey = ok(await send(http, token, journey.id, event));
  return journey.screen;
}

const members = (page: Page) => page.locator('table.axess-members tbody tr');
const count = (page: Page) => page.locator('.axess-count');
const pager = (page: Page) => page.getByRole('navigation', { name: 'Pages de la liste des membres' });

/** Presses Tab until `target` has the focus (the keyboard user's way to it). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if ((await target.and(page.locator(':focus')).count()) === 1) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

describe('Axess member list', () => {
  it('searches and filters the members, page by page, with the filters kept across a reload', async () => {
    // 16 newcomers at once, each through the access manager's own journey: every one lands.
    const manager = await identityToken(run.service.http, people.accessManagerY.niss);
    const screens = await Promise.all(NEWCOMERS.map((name, i) => addThroughApi(manager, name, i + 1)));
    expect(screens).toEqual(NEWCOMERS.map(() => 'memberList'));

    const page = await run.newPage();
    await signInToAxess(page, 'Anne Lejeune');
    await openGroup(page);
    // 6 of the demo cast + 16: three pages of 10, sorted by last name.
    await count(page).filter({ hasText: '22 membre(s) trouvé(s)' }).waitFor();
    await expect(members(page).count()).resolves.toBe(10);
    await expect(pager(page).getByText('Page 1 sur 3').isVisible()).resolves.toBe(true);
    await expect(pager(page).getByRole('button', { name: 'Page précédente' }).isDisabled()).resolves.toBe(true);
    await checkOnce(page, 'axess-memberList');
    await pager(page).getByRole('button', { name: 'Page suivante' }).click();
    await pager(page).getByText('Page 2 sur 3').waitFor();
    await expect(members(page).count()).resolves.toBe(10);
    await pager(page).getByRole('button', { name: 'Page suivante' }).click();
    await pager(page).getByText('Page 3 sur 3').waitFor();
    await expect(members(page).count()).resolves.toBe(2);
    await expect(pager(page).getByRole('button', { name: 'Page suivante' }).isDisabled()).resolves.toBe(true);
    await expect(members(page).nth(1).getByRole('cell').first().textContent()).resolves.toContain('Wauters');
    await checkScreen(page, 'axess-memberList-page3');

    // Search by name: one page, no pager.
    await page.getByLabel('Rechercher un membre').fill('martin');
    await count(page).filter({ hasText: '1 membre(s) trouvé(s)' }).waitFor();
    await expect(members(page).first().textContent()).resolves.toContain('Paul');
    await expect(pager(page).count()).resolves.toBe(0);
    // By the NISS's digits, as written on a card.
    await page.getByLabel('Rechercher un membre').fill('92.06.30');
    await page.getByLabel('Rechercher un membre').press('Enter');
    await count(page).filter({ hasText: '1 membre(s) trouvé(s)' }).waitFor();
    await expect(members(page).first().textContent()).resolves.toContain('Martin');
    // Hostile searches find nothing and break nothing; one too long is refused with the rule's message.
    for (const hostile of ["%' OR '1'='1", '_', '<img src=x onerror=alert(1)>', '\\']) {
      await page.getByLabel('Rechercher un membre').fill(hostile);
      await page.getByLabel('Rechercher un membre').press('Enter');
      await count(page).filter({ hasText: 'Aucun membre ne correspond à votre recherche.' }).waitFor();
    }
    await page.getByLabel('Rechercher un membre').fill('x'.repeat(101));
    await page.getByLabel('Rechercher un membre').press('Enter');
    await page.getByRole('alert').filter({ hasText: '100' }).waitFor();
    await page.getByLabel('Rechercher un membre').fill('');
    await count(page).filter({ hasText: '22 membre(s) trouvé(s)' }).waitFor();

    // Filters: role, status, permission, and together.
    await page.getByLabel('Filtrer par rôle d’utilisateur').selectOption({ label: 'Gestionnaire d’accès principal' });
    await count(page).filter({ hasText: '1 membre(s) trouvé(s)' }).waitFor();
    await expect(members(page).first().textContent()).resolves.toContain('Lejeune');
    await page.getByLabel('Filtrer par rôle d’utilisateur').selectOption({ label: 'Tous' });
    await page.getByLabel('Filtrer par statut').selectOption({ label: 'Inactif' });
    await count(page).filter({ hasText: '1 membre(s) trouvé(s)' }).waitFor();
    await expect(members(page).first().textContent()).resolves.toContain('Claes');
    await page.getByLabel('Filtrer par statut').selectOption({ label: 'Actif' });
    await page.getByLabel('Filtrer par permission').selectOption({ label: PO_EDUCATION });
    // Active with PO-education: Dubois and Peeters (Claes is inactive).
    await count(page).filter({ hasText: '2 membre(s) trouvé(s)' }).waitFor();
    await page.getByLabel('Filtrer par permission').selectOption({ label: 'Interruption de carrière et crédit-temps' });
    // Benali, Dubois and the 8 even newcomers: 10, one page exactly, so no pager.
    await count(page).filter({ hasText: '10 membre(s) trouvé(s)' }).waitFor();
    await expect(pager(page).count()).resolves.toBe(0);
    await checkScreen(page, 'axess-memberList-filtered');

    // A reload: the same screen, the same filters.
    await page.reload();
    await screen(page, 'memberList');
    await count(page).filter({ hasText: '10 membre(s) trouvé(s)' }).waitFor();
    await expect(page.getByLabel('Filtrer par statut').inputValue()).resolves.toBe('ACTIVE');
    await expect(page.getByLabel('Filtrer par permission').inputValue()).resolves.toBe('EMPLOYER');
  });

  it('grants a permission with the keyboard alone, from the digital key to "Sauvegarder"', async () => {
    const page = await run.newPage();
    await page.goto('/axess');
    await page.getByRole('heading', { level: 1, name: 'Connexion avec une clé numérique' }).waitFor();
    // The demo people are one radio group: Tab into it, arrows to the person.
    const anne = page.getByLabel('Anne Lejeune');
    await tabTo(page, page.getByRole('radio').first());
    for (let i = 0; i < 30 && !(await anne.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
    await expect(anne.isChecked()).resolves.toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Se connecter', exact: true }));
    await page.keyboard.press('Enter');

    const press = async (target: Locator, next: string) => {
      await tabTo(page, target);
      await page.keyboard.press('Enter');
      await screen(page, next);
    };
    await screen(page, 'employerPage');
    await press(page.getByRole('button', { name: 'Gestion des accès', exact: true }), 'signIn');
    await press(page.getByRole('button', { name: 'Se connecter', exact: true }), 'organisationChoice');
    await press(page.getByRole('button', { name: `Accéder à la gestion des accès de ${PO_Y}` }), 'home');
    await press(page.getByRole('button', { name: `Ouvrir le groupe ${PO_Y}` }), 'memberList');
    // Narrow the list to Benali by typing, then her pencil.
    await tabTo(page, page.getByLabel('Rechercher un membre'));
    await page.keyboard.type('Benali');
    await page.keyboard.press('Enter');
    await count(page).filter({ hasText: '1 membre(s) trouvé(s)' }).waitFor();
    await press(page.getByRole('button', { name: 'Modifier Nadia Benali' }), 'memberEdit');
    const poEducation = page.getByLabel(PO_EDUCATION, { exact: true });
    await tabTo(page, poEducation);
    await page.keyboard.press('Space');
    await expect(poEducation.isChecked()).resolves.toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Sauvegarder' }));
    await page.keyboard.press('Enter');
    await screen(page, 'memberList');
    await page.getByRole('status').filter({ hasText: 'Les permissions du membre ont été sauvegardées.' }).waitFor();
    await rowOf(page, 'Benali').getByText(PO_EDUCATION).waitFor();
    await rowOf(page, 'Benali').getByText('Interruption de carrière et crédit-temps', { exact: true }).waitFor();
  });

  it('shows the member list at phone width, without sideways scrolling, and opens the pencil there', async () => {
    const page = await run.newPage({ phone: true });
    await signInToAxess(page, 'Anne Lejeune');
    await openGroup(page, PO_Y, false);
    await count(page).filter({ hasText: 'membre(s) trouvé(s)' }).waitFor();
    await checkScreen(page, 'axess-memberList-phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Modifier Nadia Benali' }).click();
    await screen(page, 'memberEdit');
    await checkScreen(page, 'axess-memberEdit-phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await screen(page, 'memberList');
  });
});
