/**
 * The guide's step 3 as the browser tests walk it, in a language: from the overview, a request for
 * Sophie Lambert (school A of PO Y) to its ticket — with a refused NISS on the way — then the request
 * found in the overview with its status and opened with its history.
 */
import type { Page } from 'playwright-core';
import { checkScreen } from '../support/browser';
import { WORDS, h1, type Lang } from './breakatwork-support';

/** A different two-month block per language: one worker's parental leaves must not overlap. */
const PERIODS: Record<Lang, { start: string; end: string }> = {
  fr: { start: '2027-01-01', end: '2027-02-28' },
  nl: { start: '2027-03-01', end: '2027-04-30' },
  de: { start: '2027-05-01', end: '2027-06-30' },
};

const NISS_CHECK_DIGITS: Record<Lang, RegExp> = {
  fr: /chiffres de contrôle/i,
  nl: /controlecijfers/i,
  de: /Prüfziffern/i,
};

export async function introduceRequest(page: Page, lang: Lang): Promise<string> {
  const w = WORDS[lang];
  const snap = (name: string) => checkScreen(page, lang === 'fr' ? name : `${name}-${lang}`);
  await h1(page, w.overview).waitFor();
  await snap('breakatwork-overview');
  await page.getByRole('navigation').getByRole('link', { name: w.newRequest }).click();

  // Worker selection: community, school, NISS typed (formatted while typing), status, e-mail.
  await h1(page, w.newRequest).waitFor();
  await page.getByLabel(w.fwb).check();
  await page.getByLabel(w.school).fill('0321.654.968');
  const niss = page.getByLabel(w.niss);
  await niss.pressSequentially('82041207258');
  expect(await niss.inputValue()).toBe('82.04.12-072.58');
  await page.getByLabel(w.statutory).check();
  await page.getByLabel(w.email).fill('sophie.lambert@example.org');
  await snap('request-workerSelection');
  await page.getByRole('button', { name: w.select }).click();
  // A wrong check digit: the rule's message beside the field, in the language, and in the summary.
  await page.locator('#error-niss').getByText(NISS_CHECK_DIGITS[lang]).waitFor();
  await expect(page.getByRole('heading', { name: w.errorTitle }).isVisible()).resolves.toBe(true);
  await niss.fill('');
  await niss.pressSequentially('82041207257');
  await page.getByRole('button', { name: w.select }).click();

  await h1(page, w.selected).waitFor();
  await expect(page.getByText('Sophie Lambert').first().isVisible()).resolves.toBe(true);
  await snap('request-workerSelected');
  // As the guide says: the menu's "Introduire une nouvelle demande" once the worker is selected.
  await page.getByRole('navigation').getByRole('link', { name: w.newRequest }).click();

  await h1(page, w.leaveTitle).waitFor();
  await page.getByLabel(w.parental).check();
  await page.getByLabel(w.half).check();
  await snap('request-leaveSelection');
  await page.getByRole('button', { name: w.next }).click();

  await h1(page, w.questions).waitFor();
  await page.getByLabel(w.before).fill('24');
  await page.getByLabel(w.during).fill('12');
  await page.getByLabel(w.start).fill(PERIODS[lang].start);
  await page.getByLabel(w.end).fill(PERIODS[lang].end);
  await snap('request-questions');
  await page.getByRole('button', { name: w.next }).click();

  await h1(page, w.confirmation).waitFor();
  await snap('request-confirmation');
  await page.getByLabel(w.allCorrect).check();
  await page.getByRole('button', { name: w.confirm }).click();

  await h1(page, w.awaiting).waitFor();
  const ticket = (await page.getByTestId('ticket').textContent())!.trim();
  expect(ticket).toMatch(/^BAW-\d{4}-\d{6}$/);
  await snap('request-awaitingWorker');
  return ticket;
}

export async function findInOverview(page: Page, lang: Lang, ticket: string): Promise<void> {
  const w = WORDS[lang];
  await page.getByRole('navigation').getByRole('link', { name: w.overview }).click();
  await h1(page, w.overview).waitFor();
  const row = page.getByTestId('requests').getByRole('row').filter({ hasText: ticket });
  await row.waitFor();
  expect(await row.textContent()).toContain('Lambert Sophie');
  expect(await row.textContent()).toContain(w.awaiting);
  expect(await row.textContent()).toContain(w.parental);
  await row.getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: new RegExp(ticket) }).waitFor();
  await page.getByTestId('history').waitFor();
  await checkScreen(page, lang === 'fr' ? 'breakatwork-request' : `breakatwork-request-${lang}`);
}

