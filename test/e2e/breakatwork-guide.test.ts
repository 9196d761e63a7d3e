/**
 * The guide's steps 2 and 3 end to end in a real browser, in French, as Marc Peeters (PO Y,
 * PO-education only): sign in, straight to the overview, introduce a request for Sophie Lambert up to
 * its ticket, find it in the overview with its status and history.
 */
import type { BrowserService } from '../support/browser';
import { withBrowserService } from '../support/browser';
import { findInOverview, introduceRequest } from './breakatwork-flow';
import { signInToBreakAtWork } from './breakatwork-support';

let run: BrowserService;
withBrowserService((r) => (run = r));

describe('Break@Work, the guide’s steps 2 and 3 in French', () => {
  it('Marc Peeters signs in, goes straight to the overview, introduces a request to its ticket and follows it', async () => {
    const page = await run.newPage();
    await page.goto('/breakatwork');
    await signInToBreakAtWork(page, 'Marc Peeters', { snap: true });
    expect(await page.getByTestId('acting').textContent()).toContain('0123.456.749');
    const ticket = await introduceRequest(page, 'fr');
    await findInOverview(page, 'fr', ticket);
  }, 90_000);
});
