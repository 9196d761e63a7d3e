/**
 * Who gets in, and as whom: Claire Dubois (both permissions) meets the intermediate screen and acts as
 * PO; Paul Martin (no permission) is refused and pointed to access management; Ingrid Schmitz (PO Z)
 * never sees PO Y's requests — not in her overview, not by a request's address — while PO Y's user
 * sees all of his, page by page, and resumes a draft.
 */
import { setMemberPermissions } from '../../store/access';
import { demoCast } from '../../store/demo-data';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { draftThroughApi, h1, openSignedIn, signInToBreakAtWork, signedInThroughApi } from './breakatwork-support';

let run: BrowserService;
withBrowserService((r) => (run = r));

const { organisations, people, schools, teachers } = demoCast;

describe('Break@Work sign-in and the overview’s boundaries', () => {
  it('Claire Dubois holds both permissions: the intermediate screen, acting as PO, confirmed', async () => {
    const page = await run.newPage();
    await page.goto('/breakatwork');
    await signInToBreakAtWork(page, 'Claire Dubois');
    await h1(page, 'En tant que quel employeur souhaitez-vous agir ?').waitFor();
    await checkScreen(page, 'breakatwork-actingChoice');
    await page.getByLabel('J’agis en tant que pouvoir organisateur').check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await h1(page, 'Confirmez votre choix').waitFor();
    await checkScreen(page, 'breakatwork-actingConfirmation');
    // Back and forth: the choice can be changed before it is confirmed.
    await page.getByRole('button', { name: 'Retour' }).click();
    await page.getByLabel('J’agis en tant que pouvoir organisateur').check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await h1(page, 'Aperçu des demandes').waitFor();
    expect(await page.getByTestId('acting').textContent()).toContain('en tant que pouvoir organisateur');
  }, 60_000);

  it('Paul Martin holds no permission: refused, with the way to access management', async () => {
    const page = await run.newPage();
    await page.goto('/breakatwork');
    await signInToBreakAtWork(page, 'Paul Martin');
    await h1(page, 'Accès refusé').waitFor();
    await checkScreen(page, 'breakatwork-refused');
    await page.getByRole('link', { name: 'Aller à la gestion des accès' }).click();
    expect(new URL(page.url()).pathname).toBe('/axess');
    // Without acting, the overview sends back to the sign-in.
    await page.goto('/breakatwork/overview');
    await page.waitForURL((url) => url.pathname === '/breakatwork');
  }, 60_000);

  it('an acting token the service refuses is dropped: back to the sign-in, still signed in with the digital key', async () => {
    const marc = await signedInThroughApi(run.service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
    const page = await run.newPage();
    const [header, , signature] = marc.acting.token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: people.poEducationOnly.niss, acting: { enterprise: organisations.poZ.enterpriseNumber, enterpriseName: 'PO Z', mode: 'PO' } })).toString('base64url')}.${signature}`;
    await openSignedIn(page, { ...marc, acting: { ...marc.acting, token: forged } }, '/breakatwork/overview');
    await page.waitForURL((url) => url.pathname === '/breakatwork');
    await page.getByText('Connecté : Marc Peeters').waitFor();
    expect(await page.getByTestId('acting').count()).toBe(0);
  }, 30_000);

  it('a permission withdrawn since the sign-in: the overview says so and offers to sign in again, the acting token dropped', async () => {
    const { http, db } = run.service;
    const nadia = await signedInThroughApi(http, people.employerOnly.niss, organisations.poY.enterpriseNumber, 'OWN_COMPANY');
    const change = { enterpriseNumber: organisations.poY.enterpriseNumber, niss: people.employerOnly.niss, actor: people.accessManagerY.niss };
    await setMemberPermissions(db, { ...change, permissions: [] });
    try {
      const page = await run.newPage();
      await openSignedIn(page, nadia, '/breakatwork/overview');
      await page.getByRole('alert').getByText('demandez la permission au gestionnaire d’accès de l’organisation').waitFor();
      expect(await page.getByTestId('requests').count()).toBe(0);
      await checkScreen(page, 'breakatwork-permissionRevoked');
      await page.getByRole('button', { name: 'Se reconnecter à Break@Work' }).click();
      await page.waitForURL((url) => url.pathname === '/breakatwork');
      await page.getByText('Connecté : Nadia Benali').waitFor();
      expect(await page.getByTestId('acting').count()).toBe(0);
    } finally {
      await setMemberPermissions(db, { ...change, permissions: ['EMPLOYER'] });
    }
  }, 30_000);

  it('PO Z never sees PO Y’s requests, while PO Y sees all of its own, page by page, and resumes a draft', async () => {
    const http = run.service.http;
    const [marc, ingrid] = await Promise.all([
      signedInThroughApi(http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber),
      signedInThroughApi(http, people.poZUser.niss, organisations.poZ.enterpriseNumber),
    ]);
    // 22 drafts of PO Y at once (more than a page), 2 of PO Z.
    const yTeachers = [teachers.primaryA, teachers.nurseryA];
    const yDrafts = await Promise.all(
      Array.from({ length: 22 }, (_, i) => {
        const teacher = yTeachers[i % 2]!;
        return draftThroughApi(http, marc.acting.token, { community: 'FR', school: schools.a.schoolNumber, niss: teacher.niss, status: teacher.occupations[0].status });
      }),
    );
    await Promise.all([
      draftThroughApi(http, ingrid.acting.token, { community: 'DE', school: schools.d.schoolNumber, niss: teachers.germanD.niss, status: 'STATUTORY' }),
      draftThroughApi(http, ingrid.acting.token, { community: 'FR', school: schools.e.schoolNumber, niss: teachers.upperSecondaryE.niss, status: 'CONTRACTUAL' }),
    ]);

    const z = await run.newPage();
    await openSignedIn(z, ingrid, '/breakatwork/overview');
    await h1(z, 'Aperçu des demandes').waitFor();
    await z.getByText('2 demande(s)').waitFor();
    const zTable = (await z.getByTestId('requests').textContent())!;
    expect(zTable).toContain('Kessler Anna');
    expect(zTable).toContain('Lefèvre Emma');
    for (const teacher of yTeachers) expect(zTable).not.toContain(teacher.lastName);
    // Filtering for PO Y's worker finds nothing; a PO Y request's address is not found.
    await z.getByLabel('NISS du membre du personnel').fill(teachers.primaryA.niss);
    await z.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await z.getByText('Aucune demande ne correspond.').waitFor();
    // Hostile filters: refused at their fields by the service's rules, nothing of PO Y shown.
    await z.getByLabel('Numéro BCE de l’école').fill(`${organisations.poY.enterpriseNumber}' OR '1'='1`);
    await z.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await z.locator('#error-school').waitFor();
    await z.goto('/breakatwork/overview?status=%3Cscript%3Ealert(1)%3C%2Fscript%3E&leave=PARENTAL');
    await z.locator('#error-status').waitFor();
    expect(await z.locator('.error-summary').textContent()).not.toContain('<script>');
    expect(await z.getByTestId('requests').count()).toBe(0);
    await z.goto(`/breakatwork/overview/${yDrafts[0]!}`);
    await z.getByRole('alert').waitFor();
    expect(await z.getByRole('alert').textContent()).toMatch(/introuvable|n’existe pas|not found|cette demande/i);
    await z.goto(`/breakatwork/requests/${yDrafts[0]!}`);
    await z.getByRole('alert').waitFor();
    expect(await z.locator('[data-machine="request"]').count()).toBe(0);

    const y = await run.newPage();
    await openSignedIn(y, marc, '/breakatwork/overview');
    await y.getByText('22 demande(s)').waitFor();
    expect(await y.getByTestId('requests').getByRole('row').count()).toBe(21); // a header and 20 rows
    expect(await y.getByTestId('requests').textContent()).not.toContain('Kessler');
    const pages = y.getByRole('navigation', { name: 'Pages de l’aperçu' });
    expect(await pages.getByRole('button', { name: 'Page précédente' }).count()).toBe(0);
    await pages.getByRole('button', { name: 'Page suivante' }).click();
    await y.waitForURL(/cursor=/);
    await pages.getByRole('button', { name: 'Page précédente' }).waitFor();
    expect(await y.getByTestId('requests').getByRole('row').count()).toBe(3);
    expect(await pages.getByRole('button', { name: 'Page suivante' }).count()).toBe(0);
    await y.getByText('22 demande(s)').waitFor();
    await checkScreen(y, 'breakatwork-overview-page2');
    // Back to the first page, and the second one again from its address (a reload keeps the page).
    await pages.getByRole('button', { name: 'Page précédente' }).click();
    await pages.getByRole('button', { name: 'Page suivante' }).waitFor();
    const rows = y.getByTestId('requests').getByRole('row');
    await rows.nth(20).waitFor();
    expect(await rows.count()).toBe(21);
    await y.goBack();
    await rows.nth(3).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(3);
    // An address whose cursor the service does not take (cut, or of other filters): the rule, and the way back.
    await y.goto('/breakatwork/overview?status=draft&cursor=abc');
    await y.locator('.error-summary').getByText('curseur').waitFor();
    await y.getByRole('link', { name: 'Revenir à la première page' }).click();
    await y.getByText('22 demande(s)').waitFor();
    expect(y.url()).toMatch(/status=draft$/);
    // Filter by worker and status, then resume one draft where it was left.
    await y.getByLabel('NISS du membre du personnel').fill(teachers.nurseryA.niss);
    await y.getByLabel('Statut', { exact: true }).selectOption('draft');
    await y.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await y.getByText('11 demande(s)').waitFor();
    await y.getByRole('link', { name: 'Reprendre le brouillon' }).first().click();
    await h1(y, 'Membre du personnel sélectionné').waitFor();
    expect(await y.getByText('Renard Thomas').or(y.getByText('Thomas Renard')).first().isVisible()).toBe(true);
  }, 90_000);
});
