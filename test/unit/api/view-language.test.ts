/** A journey's view in the caller's language: screen error, warnings, choices and the service's own status reasons. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, placeholdersOf, warningText } from '../../../domain/error-catalogue';
import { lateIntroductionWarning } from '../../../domain';
import { STATUS_REASONS, localiseView, statusReasonOf } from '../../../api/view-language';

// The machine and its context module (where the reasons it shares with the activities are written).
const machineSource = ['machine.ts', 'context.ts'].map((file) => readFileSync(join(__dirname, '../../../machines/request', file), 'utf8')).join('\n');

describe('status reasons the request journey writes', () => {
  // The reasons are the sentences of the machine's sources (capitalised, with a space, ending with a period).
  const written = [...machineSource.matchAll(/'([A-Z][^']* [^']*\.)'/g)].map((m) => m[1]!);
  const templated = [...machineSource.matchAll(/`([A-Z][^`]* [^`]*\.)`/g)].map((m) => m[1]!.replace(/\$\{[^}]*\}/g, 'the service did not answer'));

  it('each has a stable code', () => {
    expect(written.length).toBeGreaterThanOrEqual(8);
    expect(templated.length).toBeGreaterThanOrEqual(1);
    expect([...written, ...templated].filter((reason) => statusReasonOf(reason) === undefined)).toEqual([]);
  });

  it.each(Object.keys(STATUS_REASONS).map((code) => [code]))('%s has a text in each language with the same placeholders', (code) => {
    const { text } = STATUS_REASONS[code]!;
    for (const language of LANGUAGES) expect(text[language].trim()).not.toBe('');
    for (const language of LANGUAGES) expect({ language, placeholders: placeholdersOf(text[language]) }).toEqual({ language, placeholders: placeholdersOf(text.fr) });
    expect(text.nl).not.toBe(text.fr);
    expect(text.de).not.toBe(text.fr);
  });

  it('a reason typed by a person is no code and stays as typed', () => {
    const view = localiseView({ context: { statusReason: 'Le travailleur a changé d’avis.' } }, 'de');
    expect(view.context).toEqual({ statusReason: 'Le travailleur a changé d’avis.', statusReasonCode: null });
  });

  it('a reason of the service is written in the language, with its code', () => {
    expect(localiseView({ context: { statusReason: 'Worker selected by the employer.' } }, 'nl').context).toEqual({
      statusReason: 'Werknemer geselecteerd door de werkgever.',
      statusReasonCode: 'WORKER_SELECTED',
    });
    const failed = 'The worker could not be notified (mail relay refused); they complete their part in Break@Work.';
    expect(localiseView({ context: { statusReason: failed } }, 'fr').context).toEqual({
      statusReason: 'Le travailleur n’a pas pu être averti (mail relay refused) ; il complète sa partie dans Break@Work.',
      statusReasonCode: 'WORKER_NOT_NOTIFIED',
    });
  });

  it('a view with no status reason gets no code', () => {
    expect(localiseView({ context: { screen: 'x' } }, 'nl').context).toEqual({ screen: 'x' });
  });
});

describe('warnings and choices', () => {
  const late = lateIntroductionWarning('2025-01-15', '2025-06-01')!;

  it('a warning speaks the language from its code and details', () => {
    const view = localiseView({ context: { warnings: [late] } }, 'de');
    expect(view.context.warnings).toEqual([{ ...late, message: warningText('LATE_INTRODUCTION', late.details, 'de') }]);
    expect(view.context.warnings[0]?.message).toMatch(/^Der Antrag wird mehr als 2 Monate nach seinem Beginndatum \(2025-01-15\) eingereicht/);
  });

  it('a warning without the details its text needs keeps its message', () => {
    const bare = { code: 'LATE_INTRODUCTION', message: late.message };
    expect(localiseView({ context: { warnings: [bare] } }, 'nl').context.warnings).toEqual([bare]);
  });

  it('the choices offered are named in the language, nested forms too; codes and other fields unchanged', () => {
    const choices = {
      educationLevels: [{ code: 'PRIMARY', label: 'Enseignement primaire', fullLoad: 24 }],
      leaves: [{ code: 'PARENTAL', label: 'Congé parental', forms: [{ code: 'ONE_TENTH', label: 'Réduction des prestations d’1/10', requiresEmployerAgreement: true }] }],
      workerStatuses: [{ code: 'TEMPORARY', label: 'Temporaire' }],
      communities: [{ code: 'DE', label: 'Communauté germanophone' }],
    };
    expect(localiseView({ context: { choices } }, 'nl').context.choices).toEqual({
      educationLevels: [{ code: 'PRIMARY', label: 'Lager onderwijs', fullLoad: 24 }],
      leaves: [{ code: 'PARENTAL', label: 'Ouderschapsverlof', forms: [{ code: 'ONE_TENTH', label: 'Vermindering van de prestaties met 1/10', requiresEmployerAgreement: true }] }],
      workerStatuses: [{ code: 'TEMPORARY', label: 'Tijdelijk' }],
      communities: [{ code: 'DE', label: 'Duitstalige Gemeenschap' }],
    });
    expect(localiseView({ context: { choices } }, 'fr').context.choices).toEqual(choices);
  });
});
