/**
 * The way into Axess in the browser, as the guide walks it: /axess → the digital key (a demo person) →
 * "Gestion des accès" → "Se connecter" (CSAM) → the link under the organisation's name → "Mes groupes"
 * → the group. Each screen is photographed and checked with axe-core once per name.
 */
import type { Page } from 'playwright-core';
import { checkScreen } from '../support/browser';

export const PO_Y = 'PO Y – Réseau scolaire Les Tilleuls';
export const PO_EDUCATION = 'Interruption de carrière et crédit-temps – Pouvoir organisateur pour le secteur de l’enseignement';

const checked = new Set<string>();
/** checkScreen, once per screen name in a file (each screen is still waited for every time). */
export async function checkOnce(page: Page, name: string): Promise<void> {
  if (checked.has(name)) return;
  checked.add(name);
  await checkScreen(page, name);
}

export async function screen(page: Page, code: string): Promise<void> {
  await page.locator(`.journey[data-screen="${code}"][aria-busy="false"]`).waitFor();
}

/** Signs `person` in with the digital key from /axess and comes back to Axess's first screen. */
export async function signInToAxess(page: Page, person: string): Promise<void> {
  await page.goto('/axess');
  await page.getByRole('heading', { level: 1, name: 'Connexion avec une clé numérique' }).waitFor();
  await page.getByLabel(person).check();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await screen(page, 'employerPage');
}

/** From the employer page to the organisation's member list (French). */
export async function openGroup(page: Page, organisation = PO_Y, check = true): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Gestion des accès pour entreprises et organisations' }).waitFor();
  if (check) await checkOnce(page, 'axess-employerPage');
  await page.getByRole('button', { name: 'Gestion des accès', exact: true }).click();
  await screen(page, 'signIn');
  await page.getByRole('heading', { level: 1, name: 'Connectez-vous via CSAM' }).waitFor();
  if (check) await checkOnce(page, 'axess-signIn');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await screen(page, 'organisationChoice');
  if (check) await checkOnce(page, 'axess-organisationChoice');
  await page.getByRole('button', { name: `Accéder à la gestion des accès de ${organisation}` }).click();
  await screen(page, 'home');
  await page.getByRole('heading', { level: 2, name: 'Mes groupes' }).waitFor();
  if (check) await checkOnce(page, 'axess-home');
  await page.getByRole('button', { name: `Ouvrir le groupe ${organisation}` }).click();
  await screen(page, 'memberList');
  await page.getByRole('heading', { level: 1, name: 'Membres du groupe' }).waitFor();
}

/** The member table's row of a person (by their last name). */
export function rowOf(page: Page, lastName: string) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: lastName }) });
}
