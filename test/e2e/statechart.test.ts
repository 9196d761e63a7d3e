/**
 * The developers' statechart pages in a real browser: every machine's page draws every state of its
 * served definition (as an SVG group and in the text list), passes axe, and follows an open journey —
 * its current state highlighted, moving when an event is sent through the API, with its workflow's
 * link in the Temporal web UI.
 */
import type { Page } from 'playwright-core';
import { demoCast } from '../../store/demo-data';
import { apiClient } from '../support/http-client';
import { bearer, send, start } from '../support/http-journeys';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';

const TEMPORAL_UI = 'http://127.0.0.1:8233';

let run: BrowserService;
withBrowserService((r) => (run = r), { env: { TEMPORAL_WEB_URL: TEMPORAL_UI } });

interface StateDef {
  states?: Record<string, StateDef>;
}
function statePaths(def: StateDef, prefix = ''): string[] {
  return Object.entries(def.states ?? {}).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...statePaths(child, path)];
  });
}

async function attributes(page: Page, selector: string, name: string): Promise<string[]> {
  const found = await page.locator(selector).all();
  return Promise.all(found.map(async (element) => (await element.getAttribute(name)) ?? ''));
}

/** The states the chart marks as current, from its SVG and from its text list. */
async function currentState(page: Page): Promise<{ svg: string[]; list: string[] }> {
  return {
    svg: await attributes(page, 'svg g[data-current="true"]', 'data-state'),
    list: await attributes(page, '.state-list li[data-state]:has(> .current-mark)', 'data-state'),
  };
}

describe('statechart pages', () => {
  it('lists the machines and draws each one: every state of its definition in the SVG and in the text list', async () => {
    const machines = (await apiClient(run.service.http).GET('/api/machines')).data!;
    expect(machines.map((m) => m.id).sort()).toEqual(['accessManagement', 'request', 'signIn', 'workerPart']);
    const page = await run.newPage();
    await page.goto('/dev/machines');
    await page.getByRole('heading', { level: 1, name: 'Machines des parcours' }).waitFor();
    for (const machine of machines) expect(await page.getByRole('link', { name: machine.title, exact: true }).getAttribute('href')).toBe(`/dev/machines/${machine.id}`);
    await checkScreen(page, 'dev-machines');

    for (const machine of machines) {
      await page.goto(`/dev/machines/${machine.id}`);
      await page.getByRole('heading', { level: 1, name: `${machine.title} (${machine.id})` }).waitFor();
      const definition = (await apiClient(run.service.http).GET('/api/machines/{machine}', { params: { path: { machine: machine.id } } })).data!;
      const paths = statePaths(definition.definition);
      expect(paths.length).toBeGreaterThan(3);
      const image = page.getByRole('img', { name: new RegExp(`^Diagramme d’états de la machine ${machine.id} : ${paths.length} états`) });
      await image.waitFor();
      const frame = (await image.boundingBox())!;
      const boxes = await page.locator('svg[role="img"] g[data-state] > rect:first-child').all();
      let outside = 0;
      for (const box of boxes) {
        const b = (await box.boundingBox())!;
        if (b.x < frame.x - 0.5 || b.y < frame.y - 0.5 || b.x + b.width > frame.x + frame.width + 0.5 || b.y + b.height > frame.y + frame.height + 0.5) outside++;
      }
      const drawn = {
        svg: await attributes(page, 'svg[role="img"] g[data-state]', 'data-state'),
        list: await attributes(page, '.state-list li[data-state]', 'data-state'),
        // Every drawn box lies inside the image (nothing cut off).
        outside,
        arrows: await page.locator('svg[role="img"] path[data-edge]').count(),
      };
      expect([...drawn.svg].sort()).toEqual([...paths].sort());
      expect([...drawn.list].sort()).toEqual([...paths].sort());
      expect(drawn.outside).toBe(0);
      expect(drawn.arrows).toBeGreaterThan(3);
      // Transitions as text: each event of the machine's own appears in the table.
      const table = page.getByRole('table');
      for (const event of machine.events.slice(0, 5)) await expect(table.getByText(event, { exact: false }).first().isVisible()).resolves.toBe(true);
      await checkScreen(page, `dev-${machine.id}`);
    }
  });

  it('highlights the current state of an open sign-in journey, follows an event sent through the API, and links to its workflow', async () => {
    const person = demoCast.people.poEducationOnly;
    const issued = (await apiClient(run.service.http).POST('/api/dev/identity/tokens', { body: { niss: person.niss } })).data!;
    const started = await start(run.service.http, issued.token, 'signIn');
    expect(started.status).toBe(201);
    const journey = started.body as { id: string; state: string };
    expect(journey.state).toBe('landing');

    // A browser that holds no token of the journey's owner says so instead of drawing a stale state.
    const stranger = await run.newPage();
    await stranger.goto(`/dev/machines/signIn?journey=${journey.id}`);
    await stranger.getByText('Aucune session de ce navigateur ne peut lire ce parcours').waitFor();
    expect((await currentState(stranger)).svg).toEqual([]);

    const page = await run.newPage();
    await page.goto('/');
    // The session as the application keeps it (web/src/session.tsx), with the owner's identity token.
    const session = JSON.stringify({ identity: { token: issued.token, expiresAt: issued.expiresAt, name: issued.name, niss: person.niss } });
    await page.evaluate(`localStorage.setItem('baw.session', ${JSON.stringify(session)})`);
    await page.goto(`/dev/machines/signIn?journey=${encodeURIComponent(journey.id)}`);
    await page.locator('svg g[data-state="landing"][data-current="true"]').waitFor();
    expect(await currentState(page)).toEqual({ svg: ['landing'], list: ['landing'] });
    await page.getByText('État actuel : landing (statut active)').waitFor();

    const link = page.getByRole('link', { name: `Voir le workflow ${journey.id} dans l’interface web de Temporal` });
    expect(await link.getAttribute('href')).toBe(`${TEMPORAL_UI}/namespaces/default/workflows/${encodeURIComponent(journey.id)}`);
    await checkScreen(page, 'dev-signIn-journey');

    // Events through the API: the highlight follows within a poll or two.
    expect((await send(run.service.http, issued.token, journey.id, { type: 'EMPLOYER' })).status).toBe(200);
    await page.locator('svg g[data-state="employerPage"][data-current="true"]').waitFor({ timeout: 10_000 });
    expect(await currentState(page)).toEqual({ svg: ['employerPage'], list: ['employerPage'] });
    expect((await send(run.service.http, issued.token, journey.id, { type: 'INTRODUCE_REQUEST' })).status).toBe(200);
    await page.locator('svg g[data-state="signIn"][data-current="true"]').waitFor({ timeout: 10_000 });
    expect(await currentState(page)).toEqual({ svg: ['signIn'], list: ['signIn'] });
    await page.getByText('État actuel : signIn (statut active)').waitFor();
    // Nothing but the token's owner reads it: the API itself refuses another person.
    const other = (await apiClient(run.service.http).POST('/api/dev/identity/tokens', { body: { niss: demoCast.people.poZUser.niss } })).data!;
    const refused = await apiClient(run.service.http).GET('/api/journeys/{id}', { params: { path: { id: journey.id } }, headers: bearer(other.token) });
    expect(refused.response.ok).toBe(false);
  });
});
