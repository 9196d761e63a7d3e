/**
 * Errors where the user looks, and nothing typed lost: a refused NISS, school number and workload show
 * the rule's message beside the field and in the error summary (focused); a refusal the journey's check
 * gives without a field path lands on its field; a reload on the questions keeps the screen and what was
 * typed; a 503 on an event says "try again", keeps the values, and the retry goes through.
 */
import type { Page } from 'playwright-core';
import { demoCast } from '../../store/demo-data';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { ok, send } from '../support/http-journeys';
import { draftThroughApi, h1, openSignedIn, signedInThroughApi } from './breakatwork-support';

let run: BrowserService;
withBrowserService((r) => (run = r));

const { organisations, people, schools, teachers } = demoCast;

async function summaryFocused(page: Page): Promise<string> {
  await page.locator('.error-summary:focus').waitFor();
  return (await page.locator('.error-summary').textContent()) ?? '';
}

describe('Break@Work: refusals at their field, reload and 503', () => {
  it('shows each rule’s message at its field and in the focused summary, resumes after a reload, and retries after a 503', async () => {
    const marc = await signedInThroughApi(run.service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
    const page = await run.newPage();
    await openSignedIn(page, marc, '/breakatwork/requests/new');
    await h1(page, 'Introduire une nouvelle demande').waitFor();
    await page.waitForURL(/\/breakatwork\/requests\/request-/);

    // The guide's own numbers fail their check digits: school 0123.456.789, a NISS off by one.
    await page.getByLabel('Fédération Wallonie-Bruxelles').check();
    await page.getByLabel(/Indiquez le numéro BCE/).fill('0321.654.987');
    await page.getByLabel('NISS du membre du personnel').pressSequentially('82041207258');
    await page.getByLabel('Statutaire').check();
    await page.getByRole('button', { name: 'Sélectionner' }).click();
    const summary = await summaryFocused(page);
    const schoolError = (await page.locator('#error-school').textContent())!;
    const nissError = (await page.locator('#error-niss').textContent())!;
    expect(schoolError).toMatch(/chiffres de contrôle/);
    expect(nissError).toMatch(/chiffres de contrôle/);
    expect(summary).toContain(schoolError);
    expect(summary).toContain(nissError);
    expect(await page.getByLabel('NISS du membre du personnel').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'request-workerSelection-errors');
    // The summary's link takes the keyboard to the field.
    await page.locator('.error-summary').getByRole('link', { name: schoolError }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('field-school');

    // A refusal of the worker check without a field path: on the NISS (school C is Flemish, Sophie is not).
    await page.getByLabel('Communauté flamande').check();
    await page.getByLabel(/Indiquez le numéro BCE/).fill(schools.c.schoolNumber);
    await page.getByLabel('NISS du membre du personnel').fill('');
    await page.getByLabel('NISS du membre du personnel').pressSequentially(teachers.primaryA.niss);
    await page.getByRole('button', { name: 'Sélectionner' }).click();
    await page.locator('#error-niss').getByText('n’est pas enregistré sous le numéro BCE de cette communauté').waitFor();
    expect(await summaryFocused(page)).toContain('n’est pas enregistré');
    // What was typed is still there after the refusal.
    expect(await page.getByLabel(/Indiquez le numéro BCE/).inputValue()).toBe(schools.c.schoolNumber);

    await page.getByLabel('Fédération Wallonie-Bruxelles').check();
    await page.getByLabel(/Indiquez le numéro BCE/).fill('0321.654.968');
    await page.getByRole('button', { name: 'Sélectionner' }).click();
    await page.getByRole('button', { name: 'Introduire une nouvelle demande' }).click();
    await page.getByLabel('Congé parental').check();
    await page.getByLabel('Réduction des prestations à mi-temps').check();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await h1(page, 'Caractéristiques de l’interruption').waitFor();

    // Workload in hours, and above the full load: each refused at its field.
    const before = page.getByLabel('Charge de travail avant l’interruption (en périodes)');
    const during = page.getByLabel('Charge de travail pendant l’interruption (en périodes)');
    await before.fill('10h30');
    await during.fill('5');
    await page.getByLabel('Date de début').fill('2027-01-01');
    await page.getByLabel('Date de fin').fill('2027-02-28');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.locator('#error-before').getByText('en périodes').waitFor();
    expect(await summaryFocused(page)).toContain('heures');
    await checkScreen(page, 'request-questions-errors');
    await before.fill('30');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.locator('#error-before').getByText('dépasse la charge complète').waitFor();

    // Reload with values typed: the same screen, the same values.
    await before.fill('24');
    await during.fill('12');
    await page.reload();
    await h1(page, 'Caractéristiques de l’interruption').waitFor();
    expect(await before.inputValue()).toBe('24');
    expect(await during.inputValue()).toBe('12');
    expect(await page.getByLabel('Date de début').inputValue()).toBe('2027-01-01');

    // One event call answers 503 as the API does: "try again", values kept, the retry goes through.
    let refused = 0;
    await page.route('**/api/journeys/*/events', async (route) => {
      refused += 1;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'Le service est momentanément indisponible.', details: {} } }),
      });
    });
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Réessayer' }).waitFor();
    expect(await summaryFocused(page)).toContain('Le service ne répond pas pour le moment');
    expect(refused).toBe(1);
    expect(await before.inputValue()).toBe('24');
    expect(await during.inputValue()).toBe('12');
    await checkScreen(page, 'request-questions-unavailable');
    await page.unroute('**/api/journeys/*/events');
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await h1(page, 'Confirmation').waitFor();

    // The unticked box is refused at the box.
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.locator('#error-allCorrect').waitFor();
    expect(await summaryFocused(page)).toContain((await page.locator('#error-allCorrect').textContent())!);

    // Withdrawn while it awaits the worker: a reason is required (at its field), then a plain notice.
    await page.getByLabel('Toutes les informations sont correctes').check();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await h1(page, 'En attente du travailleur').waitFor();
    await page.getByRole('button', { name: 'Retirer la demande' }).click();
    await page.locator('#error-reason').waitFor();
    await page.getByLabel('Motif du retrait').fill('Le membre du personnel renonce au congé.');
    await page.getByRole('button', { name: 'Retirer la demande' }).click();
    await h1(page, 'Retirée').waitFor();
    await page.getByText('Ce parcours est terminé.').waitFor();
    expect(await page.getByRole('button', { name: 'Retirer la demande' }).count()).toBe(0);
    await checkScreen(page, 'request-withdrawn');
  }, 90_000);

  it('opens a draft left on its confirmation by its address, with the warnings the service gives', async () => {
    const http = run.service.http;
    const marc = await signedInThroughApi(http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
    const julie = teachers.temporaryB;
    const id = await draftThroughApi(http, marc.acting.token, { community: 'FR', school: schools.b.schoolNumber, niss: julie.niss, status: 'TEMPORARY' });
    ok(await send(http, marc.acting.token, id, { type: 'START_REQUEST' }));
    ok(await send(http, marc.acting.token, id, { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' }));
    // Introduced long after its start: a warning on the confirmation page, not a refusal.
    const start = new Date(Date.now() - 150 * 86_400_000);
    const first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 2, 0));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    ok(await send(http, marc.acting.token, id, { type: 'ANSWER_QUESTIONS', level: 'LOWER_SECONDARY', before: 22, during: 11, start: day(first), end: day(last), multipleEmployers: false }));

    const page = await run.newPage();
    await openSignedIn(page, marc, `/breakatwork/requests/${id}`);
    await h1(page, 'Confirmation').waitFor();
    const warnings = page.getByRole('note');
    await warnings.getByRole('heading', { name: 'Avertissements' }).waitFor();
    await warnings.getByRole('listitem').filter({ hasText: 'plus de 2 mois après sa date de début' }).waitFor();
    expect(await page.getByText('Dumont Julie').or(page.getByText('Julie Dumont')).first().isVisible()).toBe(true);
    await checkScreen(page, 'request-confirmation-warnings');
  }, 60_000);
});
