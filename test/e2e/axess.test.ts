/**
 * Access management ("Axess", guide step 1) in a real browser against the real service: the access
 * manager grants the PO-education permission and the person then signs in to Break@Work as PO; a
 * refused NISS shows the rule's message at the field (French, then Dutch); a person who may not
 * change the group only reads it, and one in no group is told so; the help path and signing out.
 */
import { demoCast } from '../../store/demo-data';
import { listMembers } from '../../store/access';
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';
import { identityToken } from '../support/http-journeys';
import { h1, signInToBreakAtWork } from './breakatwork-support';
import { checkOnce, openGroup, PO_EDUCATION, rowOf, screen, signInToAxess } from './axess-walk';

const { people, organisations } = demoCast;
const Y = organisations.poY.enterpriseNumber;

let run: BrowserService;
withBrowserService((r) => (run = r));

describe('Axess, access management', () => {
  it('Anne Lejeune grants Paul Martin the PO-education permission; Paul then signs in to Break@Work as PO', async () => {
    const page = await run.newPage();
    await signInToAxess(page, 'Anne Lejeune');
    await openGroup(page);
    await checkOnce(page, 'axess-memberList');
    const paul = rowOf(page, 'Martin');
    await expect(paul.getByRole('cell').nth(4).textContent()).resolves.toBe('Aucune');

    await page.getByRole('button', { name: 'Modifier Paul Martin' }).click();
    await screen(page, 'memberEdit');
    await page.getByRole('heading', { level: 1, name: 'Permissions du membre' }).waitFor();
    await checkOnce(page, 'axess-memberEdit');
    await page.getByLabel(PO_EDUCATION, { exact: true }).check();
    await page.getByRole('button', { name: 'Sauvegarder' }).click();

    await screen(page, 'memberList');
    await page.getByRole('status').filter({ hasText: 'Les permissions du membre ont été sauvegardées.' }).waitFor();
    await rowOf(page, 'Martin').getByText(PO_EDUCATION).waitFor();
    await checkScreen(page, 'axess-memberList-saved');
    // The store has it, and only for Paul.
    const stored = await listMembers(run.service.db, Y, { permission: 'PO_EDUCATION' });
    expect(stored.items.map((m) => m.niss).sort()).toEqual([people.bothPermissions.niss, people.inactiveMember.niss, people.noPermission.niss, people.poEducationOnly.niss].sort());

    // Paul, in a browser of his own: Break@Work lets him in as PO now (straight to the overview: he
    // holds the PO-education permission alone), where before this grant he was refused.
    const paulsPage = await run.newPage();
    await paulsPage.goto('/breakatwork');
    await signInToBreakAtWork(paulsPage, 'Paul Martin');
    await h1(paulsPage, 'Aperçu des demandes').waitFor();
    expect(await paulsPage.getByTestId('acting').textContent()).toContain('en tant que pouvoir organisateur');
    await checkScreen(paulsPage, 'axess-granted-breakatwork-overview');
  });

  it('refuses a NISS with wrong check digits at the field, in French, then in Dutch, keeping what was typed', async () => {
    const page = await run.newPage();
    await signInToAxess(page, 'Anne Lejeune');
    await openGroup(page);
    await page.getByRole('button', { name: 'Ajouter un utilisateur' }).click();
    await screen(page, 'memberAdd');
    await checkOnce(page, 'axess-memberAdd');

    const niss = page.getByLabel('Numéro de registre national');
    await niss.pressSequentially('85073003399');
    await expect(niss.inputValue()).resolves.toBe('85.07.30-033.99');
    await page.getByLabel('Nom de famille').fill('Verhoeven');
    await page.getByLabel('Prénom').fill('Lotte');
    await page.getByLabel('Rôle utilisateur').selectOption({ label: 'Utilisateur' });
    await page.getByLabel(PO_EDUCATION, { exact: true }).check();
    await page.getByRole('button', { name: 'Ajouter l’utilisateur' }).click();

    const message = page.locator('#error-niss');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^Les chiffres de contrôle 99 du NISS ne correspondent pas à 97 − \(les 9 premiers chiffres modulo 97\) : 28 attendu/);
    await expect(niss.getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary has the same message, linked to the field, and holds the focus.
    const summary = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
    await expect(summary.getByRole('link').textContent()).resolves.toContain('Les chiffres de contrôle 99');
    await page.locator('.error-summary:focus').waitFor();
    await checkScreen(page, 'axess-memberAdd-error');
    // Nothing typed is lost.
    await expect(page.getByLabel('Nom de famille').inputValue()).resolves.toBe('Verhoeven');
    await expect(page.getByLabel(PO_EDUCATION, { exact: true }).isChecked()).resolves.toBe(true);

    // Nederlands: the same rule, in Dutch, at the same field.
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Een gebruiker toevoegen' }).waitFor();
    await page.getByRole('button', { name: 'De gebruiker toevoegen' }).click();
    await page.locator('#error-niss', { hasText: 'De controlecijfers 99 van het INSZ komen niet overeen' }).waitFor();
    await checkScreen(page, 'axess-memberAdd-error-nl');

    // A good NISS: the user joins the list with the permission.
    await page.getByLabel('Rijksregisternummer').fill('85073003328');
    await expect(page.getByLabel('Rijksregisternummer').inputValue()).resolves.toBe('85.07.30-033.28');
    await page.getByRole('button', { name: 'De gebruiker toevoegen' }).click();
    await screen(page, 'memberList');
    await page.getByRole('status').filter({ hasText: 'De gebruiker werd toegevoegd aan de ledenlijst van uw organisatie.' }).waitFor();
    await rowOf(page, 'Verhoeven').getByText('Loopbaanonderbreking en tijdskrediet – Inrichtende macht voor de onderwijssector').waitFor();

    // The same NISS again: the activity refuses it, at the NISS field too.
    await page.getByRole('button', { name: 'Een gebruiker toevoegen' }).click();
    await screen(page, 'memberAdd');
    await page.getByLabel('Rijksregisternummer').fill('85073003328');
    await page.getByLabel('Familienaam').fill('Verhoeven');
    await page.getByLabel('Voornaam').fill('Lotte');
    await page.getByRole('button', { name: 'De gebruiker toevoegen' }).click();
    await page.locator('#error-niss', { hasText: 'Deze persoon is al lid van de groep van de organisatie.' }).waitFor();
    // The journey's own refusal follows the language switch (the view is read again in it).
    await page.getByRole('button', { name: 'DE', exact: true }).click();
    await page.locator('#error-niss', { hasText: 'Diese Person ist bereits Mitglied der Gruppe der Organisation.' }).waitFor();
    await checkScreen(page, 'axess-memberAdd-duplicate-de');
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    await page.locator('#error-niss', { hasText: 'Cette personne est déjà membre du groupe de l’organisation.' }).waitFor();
    await expect(page.getByLabel('Nom de famille').inputValue()).resolves.toBe('Verhoeven');
  });

  it('shows a plain user no member list (need to know), and tells a person in no group so; help and sign-out', async () => {
    const marc = await run.newPage();
    await signInToAxess(marc, 'Marc Peeters');
    await openGroup(marc, undefined, false);
    await marc.getByText('seul un gestionnaire d’accès de l’organisation peut consulter la liste de ses membres').waitFor();
    // The list holds every member's NISS: the service refuses it to a plain member, and the page shows none.
    const marcsToken = await identityToken(run.service.http, people.poEducationOnly.niss);
    const refused = await run.service.http.get(`/api/organisations/${Y}/members`).set('Authorization', `Bearer ${marcsToken}`);
    expect({ status: refused.status, body: refused.body as unknown }).toEqual({ status: 403, body: { error: { code: 'NOT_ACCESS_MANAGER', message: expect.any(String) } } });
    expect(await marc.locator('table.axess-members').count()).toBe(0);
    expect(await marc.getByRole('search').count()).toBe(0);
    expect(await marc.getByRole('button', { name: /^Modifier / }).count()).toBe(0);
    expect(await marc.getByRole('button', { name: 'Ajouter un utilisateur' }).count()).toBe(0);
    await checkScreen(marc, 'axess-memberList-readOnly');

    const sophie = await run.newPage();
    await signInToAxess(sophie, 'Sophie Lambert');
    await sophie.getByRole('button', { name: 'Gestion des accès', exact: true }).click();
    await screen(sophie, 'signIn');
    await sophie.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await screen(sophie, 'noOrganisation');
    await sophie.getByRole('heading', { level: 1, name: 'Aucune organisation' }).waitFor();
    await sophie.getByText('Demandez au gestionnaire d’accès de votre organisation de vous ajouter.').waitFor();
    await checkScreen(sophie, 'axess-noOrganisation');

    await sophie.getByRole('button', { name: 'Besoin d’aide ?' }).click();
    await screen(sophie, 'help');
    await sophie.getByRole('heading', { level: 2, name: 'Formulaire de contact' }).waitFor();
    await sophie.getByRole('heading', { level: 2, name: 'Appelez le Centre de contact' }).waitFor();
    const contact = sophie.getByRole('link', { name: 'Contactez-nous - Sécurité sociale (socialsecurity.be)' }).first();
    await expect(contact.getAttribute('href')).resolves.toBe('https://www.socialsecurity.be/site_fr/employer/general/contactcenter/index.htm');
    await checkScreen(sophie, 'axess-help');
    await sophie.getByRole('button', { name: 'Retour' }).click();
    await screen(sophie, 'noOrganisation');

    // A reload comes back to the same screen (the journey is the service's).
    await sophie.reload();
    await screen(sophie, 'noOrganisation');
    await sophie.getByRole('button', { name: 'Se déconnecter d’Axess' }).click();
    await sophie.getByRole('heading', { level: 1, name: 'Vous êtes déconnecté.' }).waitFor();
    await sophie.getByText('Ce parcours est terminé.').waitFor();
    await checkScreen(sophie, 'axess-signedOut');
  });
});
