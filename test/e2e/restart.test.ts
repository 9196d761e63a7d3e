/**
 * Durable in the browser, across a restart of the whole service: `npm start` (embedded dev server and
 * PGlite in a data folder of its own) is stopped while a PO is on the questions of a request with
 * values typed. The next click says the service does not answer and keeps the values; once `npm start`
 * runs again on the same folder, a reload brings the same screen back with what was typed, and the
 * request goes on to its ticket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import request from 'supertest';
import { chromiumPath, checkScreen } from '../support/browser';
import { freeServicePorts, spawnNpmStart, waitFor, type ServicePorts, type StartedProcess } from '../support/npm-start';
import { demoCast } from '../../store/demo-data';
import { WORDS, h1, openSignedIn, signedInThroughApi } from './breakatwork-support';

const w = WORDS.fr;
let dataDir: string;
let ports: ServicePorts;
let service: StartedProcess | undefined;
let browser: Browser;

async function startService(): Promise<string> {
  service = spawnNpmStart(dataDir, ports, { LOG_LEVEL: 'warn' });
  const url = `http://127.0.0.1:${ports.port}`;
  await waitFor(`${url}/readyz`, 90_000, service);
  return url;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'baw-e2e-restart-'));
  ports = await freeServicePorts();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a request on its questions survives a restart of npm start: values kept, same screen after reload, then to its ticket', async () => {
  const url = await startService();
  const { people, organisations, schools, teachers } = demoCast;
  const signed = await signedInThroughApi(request(url), people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
  const context = await browser.newContext({ baseURL: url, locale: 'fr-BE' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await openSignedIn(page, signed, '/breakatwork/requests/new');

  await h1(page, w.newRequest).waitFor();
  await page.getByLabel(w.fwb).check();
  await page.getByLabel(w.school).fill(schools.a.schoolNumber);
  await page.getByLabel(w.niss).pressSequentially(teachers.primaryA.niss);
  await page.getByLabel(w.statutory).check();
  await page.getByRole('button', { name: w.select }).click();
  await h1(page, w.selected).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: w.newRequest }).click();
  await h1(page, w.leaveTitle).waitFor();
  await page.getByLabel(w.parental).check();
  await page.getByLabel(w.half).check();
  await page.getByRole('button', { name: w.next }).click();
  await h1(page, w.questions).waitFor();
  await page.getByLabel(w.before).fill('24');
  await page.getByLabel(w.during).fill('12');
  await page.getByLabel(w.start).fill('2027-09-01');
  await page.getByLabel(w.end).fill('2027-10-31');

  // The service goes away (Ctrl-C: the worker drains, everything stops).
  expect(await service!.stop()).toBe(0);
  await page.getByRole('button', { name: w.next }).click();
  await page.getByRole('alert').getByText(/ne répond pas/).waitFor();
  await checkScreen(page, 'request-questions-unavailable');
  expect(await page.getByLabel(w.before).inputValue()).toBe('24');
  expect(await page.getByLabel(w.end).inputValue()).toBe('2027-10-31');

  // Back on the same data folder: a reload lands on the same screen with what was typed.
  await startService();
  await page.reload();
  await h1(page, w.questions).waitFor();
  expect(await page.getByLabel(w.before).inputValue()).toBe('24');
  expect(await page.getByLabel(w.during).inputValue()).toBe('12');
  expect(await page.getByLabel(w.start).inputValue()).toBe('2027-09-01');
  expect(await page.getByLabel(w.end).inputValue()).toBe('2027-10-31');
  await page.getByRole('button', { name: w.next }).click();
  await h1(page, w.confirmation).waitFor();
  await page.getByLabel(w.allCorrect).check();
  await page.getByRole('button', { name: w.confirm }).click();
  await h1(page, w.awaiting).waitFor();
  expect((await page.getByTestId('ticket').textContent())?.trim()).toMatch(/^BAW-\d{4}-\d{6}$/);
  await context.close();
}, 240_000);
