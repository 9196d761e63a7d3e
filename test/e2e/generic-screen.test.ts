/**
 * A screen the application has no component for is still a working screen: drawn from the view alone
 * (its labels, its public context, one form per allowed event built from the event's JSON Schema).
 * The test makes the service's answer name a screen code the application does not know — as a new
 * state of a machine would — and completes that screen through the generic form.
 */
import { demoCast } from '../../store/demo-data';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { WORDS, h1, openSignedIn, signedInThroughApi } from './breakatwork-support';

let run: BrowserService;
withBrowserService((r) => (run = r));

test('an unknown screen code is drawn from its labels and its events’ JSON Schemas, and its form sends the event', async () => {
  const { people, organisations, schools, teachers } = demoCast;
  const signed = await signedInThroughApi(run.service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
  const page = await run.newPage();
  // The request journey's first screen (as started, then read again by its address) comes under a
  // screen code no component draws; every later view is left as the service answers it.
  await page.route(/\/api\/journeys(\/[^/]+)?$/, async (route) => {
    const response = await route.fetch();
    const view = (await response.json()) as { screen?: string };
    await route.fulfill({ response, json: view.screen === 'workerSelection' ? { ...view, screen: 'aScreenNoOneDrewYet' } : view });
  });
  await openSignedIn(page, signed, '/breakatwork/requests/new');

  const generic = page.locator('section.generic-screen[data-screen="aScreenNoOneDrewYet"]');
  await generic.waitFor();
  // The title is the screen's first label, in the user's language.
  await h1(page, WORDS.fr.newRequest).waitFor();
  const form = page.getByRole('form', { name: 'SELECT_WORKER' });
  await checkScreen(page, 'generic-screen');
  // Each field of the event's schema is a labelled control; a list of values is a choice.
  expect(await form.locator('select#field-community option').allTextContents()).toEqual(expect.arrayContaining(['FR', 'NL', 'DE']));
  await form.locator('#field-community').selectOption('FR');
  await form.locator('#field-school').fill(schools.a.schoolNumber);
  await form.locator('#field-niss').fill(teachers.primaryA.niss);
  await form.locator('#field-status').selectOption('STATUTORY');
  await form.getByRole('button', { name: 'SELECT_WORKER' }).click();

  // The service's next view has a component of its own again.
  await h1(page, WORDS.fr.selected).waitFor();
  await page.getByText('Sophie Lambert').first().waitFor();
});
