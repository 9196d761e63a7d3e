/** Every label key of every journey has its text in French, Dutch and German. */
import { COMMUNITY_CODES, EDUCATION_LEVEL_CODES, LEAVE_CODES, LEAVE_FORM_CODES, WORKER_STATUS_CODES } from '../../../domain';
import { LANGUAGES, TERMS } from '../../../domain/error-catalogue';
import { journeys } from '../../../machines';

// Texts that are the same in every language: a brand, an address.
const SAME_EVERYWHERE = new Set(['signIn.landing.title', 'signIn.landing.address', 'request.awaitingWorker.ticket', 'request.inProcessing.ticket']);

describe.each(Object.values(journeys).map((journey) => [journey.id, journey] as const))('%s', (_id, journey) => {
  const french = journey.labels.fr;

  it('has the French keys, each with a text, in every language', () => {
    const keys = Object.keys(french).sort();
    expect(keys.length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      const texts = journey.labels[language];
      expect({ language, keys: Object.keys(texts).sort() }).toEqual({ language, keys });
      for (const key of keys) expect({ language, key, blank: (texts[key] ?? '').trim() === '' }).toEqual({ language, key, blank: false });
    }
  });

  it('translates: a Dutch or German text is not the French one left in place', () => {
    for (const language of ['nl', 'de'] as const) {
      const untranslated = Object.keys(french).filter((key) => !SAME_EVERYWHERE.has(key) && journey.labels[language][key] === french[key]);
      expect({ language, untranslated }).toEqual({ language, untranslated: [] });
    }
  });
});

describe('the choices the request journey offers are named in every language', () => {
  // A screen's choices carry codes of the domain; the API names them from the catalogue's terms.
  const offered = [...COMMUNITY_CODES, ...WORKER_STATUS_CODES, ...LEAVE_CODES, ...LEAVE_FORM_CODES, ...EDUCATION_LEVEL_CODES];

  it.each(LANGUAGES.map((language) => [language]))('%s', (language) => {
    const unnamed = offered.filter((code) => (TERMS[code]?.[language] ?? '').trim() === '');
    expect(unnamed).toEqual([]);
    if (language !== 'fr') expect(offered.filter((code) => TERMS[code]![language] === TERMS[code]!.fr)).toEqual([]);
  });
});
