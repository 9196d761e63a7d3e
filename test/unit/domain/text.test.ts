import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { domainCodeOf, emailAddressError, emailSchema, freeTextErrors, freeTextSchema, issueMessage } from '../../../domain';

const codes = (text: string) => freeTextErrors(text).map((e) => e.code);

describe('freeTextErrors', () => {
  it('accepts text, tab, line breaks and well-formed characters beyond the BMP', () => {
    expect(codes('Plus nécessaire :\tla personne\r\na changé d’avis 🙂 𝔄')).toEqual([]);
    expect(codes('')).toEqual([]);
  });

  it.each([
    ['\u0000', 0],
    ['a\u0001', 1],
    ['ab\u0008', 2],
    ['\u000B', 0],
    ['\u000C', 0],
    ['\u001B[0m', 0],
    ['\u001F', 0],
    ['\u007F', 0],
  ])('refuses the control character in %j (TEXT_CONTROL_CHARACTERS, position %i)', (text, position) => {
    const [error, ...rest] = freeTextErrors(text);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'TEXT_CONTROL_CHARACTERS', details: { position } });
    expect(error?.message).toMatch(/^Le texte ne peut pas contenir de caractères de contrôle \(U\+[0-9A-F]{4} en position \d+\)/);
  });

  it.each([
    ['a lone high surrogate', 'x\uD800', 'U+D800'],
    ['a high surrogate at the end', '🙂\uD83D', 'U+D83D'],
    ['a lone low surrogate', '\uDC00x', 'U+DC00'],
    ['a pair the wrong way round', '\uDE00\uD83D', 'U+DE00'],
    ['two high surrogates', '\uD83D\uD83D\uDE00', 'U+D83D'],
  ])('refuses %s (TEXT_INVALID_UNICODE)', (_name, text, character) => {
    expect(freeTextErrors(text)).toEqual([expect.objectContaining({ code: 'TEXT_INVALID_UNICODE', details: expect.objectContaining({ character }) })]);
  });

  it('names each rule once, whatever the number of offending characters', () => {
    expect(codes('\u0000\u0000\uD800\uD800\u0001')).toEqual(['TEXT_CONTROL_CHARACTERS', 'TEXT_INVALID_UNICODE']);
  });

  it('is linear: a long text is checked at once', () => {
    expect(codes(`${'a'.repeat(1_000_000)}\u0000`)).toEqual(['TEXT_CONTROL_CHARACTERS']);
  });
});

describe('freeTextSchema', () => {
  const reason = freeTextSchema().min(1, 'The reason must not be empty.').max(10);
  const issues = (value: unknown) => reason.safeParse(value).error?.issues.map((i) => ({ rule: domainCodeOf(i), message: i.message })) ?? [];

  it('trims, and keeps its length rules', () => {
    expect(reason.parse('  Erreur  ')).toBe('Erreur');
    expect(issues('   ')).toEqual([{ rule: undefined, message: 'The reason must not be empty.' }]);
    expect(issues(42)).toEqual([{ rule: 'TEXT_EXPECTED', message: 'TEXT_EXPECTED' }]);
    expect(issueMessage(reason.safeParse(42).error!.issues[0]!)).toBe('Cette valeur doit être donnée sous forme de texte.');
  });

  it('checks before trimming: no control character hides at either end', () => {
    expect(issues('Erreur\u000B')).toEqual([expect.objectContaining({ rule: 'TEXT_CONTROL_CHARACTERS' })]);
    expect(issues('\u000CErreur')).toEqual([expect.objectContaining({ rule: 'TEXT_CONTROL_CHARACTERS' })]);
  });

  it('names the rule of each issue', () => {
    expect(issues('a\u0000\uDC00')).toEqual([
      expect.objectContaining({ rule: 'TEXT_CONTROL_CHARACTERS' }),
      expect.objectContaining({ rule: 'TEXT_INVALID_UNICODE' }),
    ]);
  });

  it('is still a plain string in JSON Schema', () => {
    expect(z.toJSONSchema(reason, { io: 'input' })).toMatchObject({ type: 'string', minLength: 1, maxLength: 10 });
  });
});

describe('e-mail addresses', () => {
  it.each(['jean.dupont@ecole.be', "o'brien+test@mail.example.org", 'a_b-c@sub-domain.ecole.be', 'x@y.zz'])('accepts %s', (address) => {
    expect(emailAddressError(address)).toBeNull();
  });

  it.each(['jean.dupont@', '@ecole.be', 'jean@ecole', 'jean@@ecole.be', '.jean@ecole.be', 'jean..dupont@ecole.be', 'jean.@ecole.be', 'jean@-ecole.be', 'jean dupont@ecole.be', 'jean\u0000@ecole.be', 'jean\uD800@ecole.be', 'jéan@ecole.be'])(
    'refuses %j (EMAIL_FORMAT)',
    (address) => {
      expect(emailAddressError(address)).toMatchObject({ code: 'EMAIL_FORMAT', message: 'L’adresse e-mail doit avoir la forme nom@domaine.tld et compter au plus 254 caractères.' });
    },
  );

  it('refuses more than 254 characters', () => {
    expect(emailAddressError(`${'a'.repeat(246)}@ecole.be`)).toMatchObject({ code: 'EMAIL_FORMAT', message: expect.stringMatching(/au plus 254 caractères/), details: { length: 255, maxLength: 254 } });
  });

  it('stays fast on input built to make a regular expression backtrack', () => {
    const started = performance.now();
    for (const address of ['a'.repeat(250), `${'a.'.repeat(120)}@`, `a@${'a-'.repeat(120)}`, `${"'".repeat(250)}@x`]) expect(emailAddressError(address)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('the schema keeps format "email" in JSON Schema', () => {
    expect(JSON.stringify(z.toJSONSchema(emailSchema, { io: 'input', unrepresentable: 'any' }))).toContain('"format":"email"');
  });
});

describe('schemas that run in the workflow bundle', () => {
  // webpack (the Temporal workflow bundler) resolves a property of a namespace that zod re-exports by name
  // to the wrong binding: `z.regexes.email` became `z.email`, the schema factory, so `.test` was no
  // function inside workflows while the same code worked under Node. Code that runs in workflows reaches
  // no nested namespace of zod (`z.regexes`, `z.core`, `z.util`, `z.locales`): each rule is the domain's own.
  const dirs = ['domain', 'machines', 'workflows'].map((d) => join(__dirname, '../../..', d));
  const sources = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const));

  it.each(sources)('%s reaches no nested zod namespace at run time', (_file, text) => {
    const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(code).not.toMatch(/\bz\.(regexes|core|util|locales)\.(?!\$)/);
  });
});
