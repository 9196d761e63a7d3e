/**
 * `breakatwork-po-journeys/machines`, the entry a UI imports to run the journeys' machines locally:
 * it resolves through package.json `exports`, imports nothing node-only, and a machine runs in it with
 * the invoked actors the UI provides.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { createActor, fromPromise, waitFor } from 'xstate';
import { signIn, toView } from '../../../machines';

const root = resolve(__dirname, '../../..');

describe('package entry', () => {
  it.each([
    ['breakatwork-po-journeys/machines', 'machines/index.ts'],
    ['breakatwork-po-journeys/machines/definition', 'machines/definition.ts'],
  ])('%s resolves to %s', (specifier, file) => {
    expect(relative(root, require.resolve(specifier))).toBe(file);
  });
});

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** The static imports and re-exports of a TypeScript file, each marked when only types cross it. */
function importsOf(file: string): Array<{ specifier: string; typeOnly: boolean }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(clause?.isTypeOnly || (named && named.length > 0 && !clause?.name && named.every((e) => e.isTypeOnly)));
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : undefined;
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly || Boolean(named && named.length > 0 && named.every((e) => e.isTypeOnly)) });
    }
  }
  // Calls such as require('x') or import('x') would escape the graph above: none is allowed.
  expect({ file: relative(root, file), dynamic: /\brequire\(|\bimport\(/.test(source.text) }).toEqual({ file: relative(root, file), dynamic: false });
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // the next candidate
    }
  }
  throw new Error(`${relative(root, from)} imports ${specifier}, which is no TypeScript file`);
}

/** Every edge reachable from the entry; type-only edges are followed too (a UI's type-checker reads them). */
function importGraph(entry: string): Edge[] {
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { specifier, typeOnly } of importsOf(file)) {
      const local = specifier.startsWith('.');
      const to = local ? relative(root, resolveLocal(file, specifier)) : specifier;
      edges.push({ from: relative(root, file), to, typeOnly });
      if (local && isShared(to)) visit(resolve(root, to));
    }
  };
  visit(resolve(root, entry));
  return edges;
}

/** Code a browser can run: the machines and the pure domain rules. */
const isShared = (file: string) => file.startsWith('machines/') || file.startsWith('domain/');
const packagesAllowed = new Set(['xstate', 'zod']);

describe('the machines entry imports nothing node-only', () => {
  const edges = importGraph('machines/index.ts');

  it('reaches only machines/, domain/, xstate and zod at run time', () => {
    const outside = edges.filter((e) => !e.typeOnly && !isShared(e.to) && !packagesAllowed.has(e.to)).map((e) => `${e.from} → ${e.to}`);
    expect(outside).toEqual([]);
    // The check reads the real graph: it sees the journeys' folders.
    expect(edges.map((e) => e.to)).toEqual(expect.arrayContaining(['machines/request/machine.ts', 'machines/sign-in/machine.ts', 'xstate', 'zod']));
  });

  it('reaches nothing else through types either (a UI’s type-checker reads those)', () => {
    const outside = edges.filter((e) => e.typeOnly && !isShared(e.to) && !packagesAllowed.has(e.to)).map((e) => `${e.from} → ${e.to}`);
    expect(outside).toEqual([]);
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });
});

describe('a UI runs a journey locally', () => {
  it('signs in with the machine of the service, its invoked actor stubbed, and renders the same views', async () => {
    const { signInJourney } = signIn;
    // The UI provides what the service runs as activities: here a person with both permissions in PO Y.
    const machine = signInJourney.machine.provide({
      actors: {
        loadOrganisationsOfPerson: fromPromise<signIn.LoadOrganisationsOfPersonOutput, signIn.LoadOrganisationsOfPersonInput>(() =>
          Promise.resolve([{ enterprise: '0123456749', name: 'PO Y', role: 'USER', status: 'ACTIVE', permissions: ['EMPLOYER', 'PO_EDUCATION'] }]),
        ),
      },
    });
    const actor = createActor(machine, { input: { niss: '79011603980' } }).start();
    const screen = () => toView(signInJourney, actor.getSnapshot(), 'local').screen;
    // Events go through the journey's own schemas first, as the service does.
    const send = (event: Record<string, unknown> & { type: keyof typeof signInJourney.events }) => actor.send(signInJourney.events[event.type]!.parse(event) as signIn.SignInEvent);

    expect(screen()).toBe('landing');
    send({ type: 'EMPLOYER' });
    send({ type: 'INTRODUCE_REQUEST' });
    send({ type: 'SIGN_IN' });
    await waitFor(actor, (s) => s.matches('organisationChoice'));
    send({ type: 'CHOOSE_ORGANISATION', enterprise: '0123.456.749' });
    expect(toView(signInJourney, actor.getSnapshot(), 'local')).toMatchObject({ screen: 'actingChoice', allowedEvents: expect.arrayContaining(['CHOOSE_ACTING_MODE']) });
    send({ type: 'CHOOSE_ACTING_MODE', mode: 'PO' });
    send({ type: 'CONFIRM_ACTING_MODE' });
    expect(screen()).toBe('signedIn');
    expect(actor.getSnapshot().output).toEqual({ niss: '79011603980', enterprise: '0123456749', enterpriseName: 'PO Y', mode: 'PO' });
    actor.stop();
  });
});
