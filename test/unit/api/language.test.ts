/** Accept-Language negotiation: fr, nl or de by quality, regional tags, French by default. */
import { negotiateLanguage } from '../../../api/language';

test.each([
  [undefined, 'fr'],
  ['', 'fr'],
  ['nl', 'nl'],
  ['de-BE', 'de'],
  ['NL-be', 'nl'],
  ['en-GB, nl;q=0.8, fr;q=0.5', 'nl'],
  ['fr;q=0.4, de;q=0.9', 'de'],
  ['de;q=0.5, nl;q=0.5', 'de'],
  ['nl;q=0, de;q=0.1', 'de'],
  ['en, es', 'fr'],
  ['*', 'fr'],
  ['en, *;q=0.5, nl;q=0.4', 'fr'],
  ['nl;q=abc, de;q=0.2', 'de'],
  ['nl;q=1.5, de;q=0.2', 'de'],
  [',,;q=1, de', 'de'],
] as const)('%j → %s', (header, language) => {
  expect(negotiateLanguage(header)).toBe(language);
});
