/**
 * The request journey with the keyboard only (Tab, Shift+Tab, arrows, Space, Enter and typing — no
 * click), from the overview's menu to the ticket; and a screen at phone width (375 px), checked by axe.
 */
import type { Page } from 'playwright-core';
import { demoCast } from '../../store/demo-data';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { h1, openSignedIn, signedInThroughApi } from './breakatwork-support';

let run: BrowserService;
withBrowserService((r) => (run = r));

const { organisations, people } = demoCast;

/** What has the focus: its id, or the text of a link or button. */
function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => { const e = document.activeElement; if (!e) return ''; return e.id || (e.textContent || '').trim(); })()`);
}

/** Tab until the focus is on `target` (an id, or a link's or button's text); fails after 60 presses. */
async function tabTo(page: Page, target: string | RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const now = await focused(page);
    if (typeof target === 'string' ? now === target : target.test(now)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached ${String(target)} (focus on ${await focused(page)})`);
}

/** Arrow down in a radio group until the one whose id is `target` is checked. */
async function arrowTo(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    if ((await focused(page)) === target) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrows never reached ${target}`);
}

describe('Break@Work with the keyboard only, and at phone width', () => {
  it('completes the request journey without a click', async () => {
    const marc = await signedInThroughApi(run.service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
    const page = await run.newPage();
    await openSignedIn(page, marc, '/breakatwork/overview');
    await h1(page, 'Aperçu des demandes').waitFor();

    // The skip link comes first, then the menu's entry.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Aller au contenu');
    await tabTo(page, 'Introduire une nouvelle demande');
    await page.keyboard.press('Enter');
    await h1(page, 'Introduire une nouvelle demande').waitFor();

    await tabTo(page, 'field-community-FR');
    await page.keyboard.press('Space');
    await tabTo(page, 'field-school');
    await page.keyboard.type('0321654968');
    await tabTo(page, 'field-niss');
    await page.keyboard.type('82041207257');
    expect(await page.locator('#field-niss').inputValue()).toBe('82.04.12-072.57');
    await tabTo(page, /^field-status-/);
    await arrowTo(page, 'field-status-STATUTORY');
    await tabTo(page, 'field-email');
    await page.keyboard.type('sophie.lambert@example.org');
    await page.keyboard.press('Enter');

    await h1(page, 'Membre du personnel sélectionné').waitFor();
    await tabTo(page, 'Introduire une nouvelle demande');
    // The focus is on the menu's entry or the screen's button: both start the request.
    await page.keyboard.press('Enter');

    await h1(page, 'Congé sollicité').waitFor();
    await tabTo(page, /^field-leave-/);
    await arrowTo(page, 'field-leave-PARENTAL');
    await tabTo(page, /^field-form-/);
    await arrowTo(page, 'field-form-HALF');
    await tabTo(page, 'Suivant');
    await page.keyboard.press('Enter');

    await h1(page, 'Caractéristiques de l’interruption').waitFor();
    await tabTo(page, 'field-before');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('24');
    await tabTo(page, 'field-during');
    await page.keyboard.type('12');
    // A date field's segments fill in turn as the digits come, in the browser's own order (this
    // chromium's is month, day, year whatever the page's language).
    await tabTo(page, 'field-start');
    await page.keyboard.type('01012027', { delay: 30 });
    expect(await page.locator('#field-start').inputValue()).toBe('2027-01-01');
    await tabTo(page, 'field-end');
    await page.keyboard.type('02282027', { delay: 30 });
    expect(await page.locator('#field-end').inputValue()).toBe('2027-02-28');
    await tabTo(page, 'Suivant');
    await page.keyboard.press('Enter');

    await h1(page, 'Confirmation').waitFor();
    await tabTo(page, 'field-allCorrect');
    await page.keyboard.press('Space');
    await tabTo(page, 'Confirmer');
    await page.keyboard.press('Enter');

    await h1(page, 'En attente du travailleur').waitFor();
    expect(await page.getByTestId('ticket').textContent()).toMatch(/^BAW-\d{4}-\d{6}$/);
  }, 90_000);

  it('works at phone width: the worker selection and the overview at 375 px, axe clean, nothing wider than the screen', async () => {
    const marc = await signedInThroughApi(run.service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
    const page = await run.newPage({ phone: true });
    await openSignedIn(page, marc, '/breakatwork/requests/new');
    await h1(page, 'Introduire une nouvelle demande').waitFor();
    await checkScreen(page, 'request-workerSelection-phone');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.goto('/breakatwork/overview');
    await h1(page, 'Aperçu des demandes').waitFor();
    await checkScreen(page, 'breakatwork-overview-phone');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  }, 60_000);
});
