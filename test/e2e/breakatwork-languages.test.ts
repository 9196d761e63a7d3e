/**
 * The guide's steps 2 and 3 in Dutch and in German, both at once: the language switched on the
 * landing page, every heading and the refused NISS's message in that language.
 */
import type { BrowserService } from '../support/browser';
import { withBrowserService } from '../support/browser';
import { findInOverview, introduceRequest } from './breakatwork-flow';
import { WORDS, signInToBreakAtWork, type Lang } from './breakatwork-support';

let run: BrowserService;
withBrowserService((r) => (run = r));

async function walk(lang: Lang): Promise<void> {
  const page = await run.newPage();
  await page.goto('/breakatwork');
  await page.getByRole('button', { name: lang.toUpperCase(), exact: true }).click();
  await page.getByRole('button', { name: WORDS[lang].employer }).waitFor();
  await signInToBreakAtWork(page, 'Marc Peeters', { lang });
  const ticket = await introduceRequest(page, lang);
  await findInOverview(page, lang, ticket);
}

describe('Break@Work, the guide’s steps 2 and 3 in Dutch and German', () => {
  it('Marc Peeters introduces a request in Dutch and another in German', async () => {
    await Promise.all([walk('nl'), walk('de')]);
  }, 90_000);
});
