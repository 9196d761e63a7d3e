/**
 * Real identity through the real app: the API trusts a real OpenID provider (node-oidc-provider in a
 * child process, test/support/oidc.ts) and accepts its access tokens — a person by the NISS claim, an
 * ONEM agent by the back-office role — and refuses every token that is not exactly right with 401
 * UNAUTHENTICATED and its reason. Crafted tokens are signed with the provider's own key and differ
 * from a valid one by one property only (a valid crafted token is accepted: the refusals are not luck).
 */
import { SignJWT, UnsecuredJWT, generateKeyPair, exportJWK, decodeJwt } from 'jose';
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createLogger } from '../../../config/logger';
import { demoCast } from '../../../store/demo-data';
import { getOrCreateSecret } from '../../../store/service-secrets';
import { freePort } from '../../support/npm-start';
import { AGENT_LOGIN, loginOf, startOidcProvider, type TestOidcProvider } from '../../support/oidc';
import { bearer, ok, send, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

jest.setTimeout(60_000);

const { people, organisations } = demoCast;
const marc = people.poEducationOnly;

let provider: TestOidcProvider;
let service: TestService;

beforeAll(async () => {
  provider = await startOidcProvider();
  // No TOKEN_SECRET: acting tokens are signed with the secret the store generated.
  service = await startTestService({ env: { ...provider.apiEnv, RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '100000' } });
}, 60_000);
afterAll(async () => {
  await service?.stop();
  await provider?.stop();
});

const identity = (token?: string) => {
  const req = service.http.get('/api/identity');
  return token === undefined ? req : req.set(bearer(token));
};

const INVALID = 'le jeton n’est pas valide';
const EXPIRED = 'le jeton a expiré';
const MISSING = 'aucun jeton n’a été envoyé';

async function expectRefused(token: string | undefined, reason: string): Promise<void> {
  const res = await identity(token);
  expect({ status: res.status, body: res.body as unknown }).toEqual({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: expect.stringContaining(reason) } } });
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

test('a person signed in at the provider: named by the NISS claim, signs in to Break@Work and acts as PO', async () => {
  const tokens = await provider.login(loginOf(marc.firstName, marc.lastName));
  expect(decodeJwt(tokens.access_token)).toMatchObject({ iss: provider.issuer, aud: provider.audience, egovNRN: marc.niss });
  const me = await identity(tokens.access_token);
  expect(me.status).toBe(200);
  expect(me.body).toEqual({ kind: 'person', name: `${marc.firstName} ${marc.lastName}`, niss: marc.niss });

  // The sign-in journey with the provider's token ends with an acting token minted by this service.
  let journey: JourneyBody = ok(await start(service.http, tokens.access_token, 'signIn'));
  const walk: JourneyEvent[] = [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise: organisations.poY.enterpriseNumber }];
  for (const event of walk) journey = ok(await send(service.http, tokens.access_token, journey.id, event));
  const acting = journey.actingToken!.token;
  expect(decodeJwt(acting)).toMatchObject({ sub: marc.niss, acting: { enterprise: organisations.poY.enterpriseNumber, mode: 'PO' } });
  expect(decodeJwt(acting).exp).toEqual(expect.any(Number));
  expect((await service.http.get('/api/requests').set(bearer(acting))).status).toBe(200);
  // A provider token is not an acting token.
  const notActing = await service.http.get('/api/requests').set(bearer(tokens.access_token));
  expect({ status: notActing.status, code: (notActing.body as { error: { code: string } }).error.code }).toEqual({ status: 403, code: 'ACTING_CONTEXT_REQUIRED' });

  // The refresh token gives a new access token the API accepts.
  const refreshed = await provider.refresh(tokens.refresh_token!);
  expect(refreshed.access_token).not.toBe(tokens.access_token);
  expect((await identity(refreshed.access_token)).status).toBe(200);
});

test('the back-office role makes an ONEM agent: back-office routes open, person routes closed', async () => {
  const agent = (await provider.login(AGENT_LOGIN)).access_token;
  expect((await identity(agent)).body).toEqual({ kind: 'backoffice', name: 'Agent ONEM' });
  expect((await service.http.get('/api/backoffice/requests').set(bearer(agent))).status).toBe(200);
  expect((await service.http.post('/api/journeys').set(bearer(agent)).send({ machine: 'signIn' })).status).toBe(403);
  // A person holds no role: no back-office.
  const person = (await provider.login(loginOf(marc.firstName, marc.lastName))).access_token;
  expect((await service.http.get('/api/backoffice/requests').set(bearer(person))).status).toBe(403);
  // The role in a claim the API does not read for roles does not count.
  expect((await identity(await provider.craft({ sub: 'x', name: 'X', groups: ['onem-backoffice'] }))).status).toBe(401);
});

test('a crafted token valid in every respect is accepted: the refusals below each have one cause', async () => {
  expect((await identity(await provider.craft({ egovNRN: marc.niss, name: 'Marc' }))).body).toEqual({ kind: 'person', name: 'Marc', niss: marc.niss });
  expect((await identity(await provider.craft({ roles: ['onem-backoffice'], name: 'Agent' }))).body).toMatchObject({ kind: 'backoffice' });
});

describe('the negative suite: 401 UNAUTHENTICATED with its reason', () => {
  const person = { egovNRN: marc.niss, name: 'Marc Peeters' };

  test('no token, or not a bearer token', async () => {
    await expectRefused(undefined, MISSING);
    const basic = await service.http.get('/api/identity').set('Authorization', 'Basic dXNlcjpwYXNz');
    expect(basic.status).toBe(401);
    await expectRefused('not-a-token', INVALID);
  });

  test('alg none, with the provider’s issuer and every claim right', async () => {
    const unsecured = new UnsecuredJWT({ ...person, client_id: 'x' }).setIssuer(provider.issuer).setAudience(provider.audience).setSubject('s').setIssuedAt().setExpirationTime('5m').encode();
    await expectRefused(unsecured, INVALID);
    // The same with "alg": "None" and an empty signature written by hand.
    await expectRefused(`${b64({ alg: 'None', typ: 'JWT' })}.${b64({ ...person, iss: provider.issuer, aud: provider.audience, sub: 's', exp: now() + 300 })}.`, INVALID);
  });

  test('wrong issuer, wrong audience (signed with the provider’s key)', async () => {
    await expectRefused(await provider.craft({ ...person, iss: 'https://someone-else.example.org' }), INVALID);
    await expectRefused(await provider.craft({ ...person, iss: `${provider.issuer}/` }), INVALID);
    await expectRefused(await provider.craft({ ...person, aud: 'urn:another:api' }), INVALID);
    await expectRefused(await provider.craft({ ...person, aud: undefined }), INVALID);
  });

  test('expired, not yet valid, no exp', async () => {
    await expectRefused(await provider.craft({ ...person, iat: now() - 600, exp: now() - 5 }), EXPIRED);
    await expectRefused(await provider.craft({ ...person, nbf: now() + 600 }), INVALID);
    await expectRefused(await provider.craft({ ...person, exp: undefined }), INVALID);
  });

  test('unknown key: another key under a new kid, under the provider’s kid, or embedded in the header', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    await expectRefused(await provider.craft(person, { key: privateKey, kid: 'not-in-the-jwks' }), INVALID);
    await expectRefused(await provider.craft(person, { key: privateKey }), INVALID);
    const embedded = await new SignJWT({ ...person })
      .setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(publicKey) })
      .setIssuer(provider.issuer)
      .setAudience(provider.audience)
      .setSubject('s')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expectRefused(embedded, INVALID);
    // A real token of the provider, after its keys changed (another run of it): the kid is unknown.
    const elsewhere = await startOidcProvider();
    try {
      const foreign = (await elsewhere.login(loginOf(marc.firstName, marc.lastName))).access_token;
      await expectRefused(foreign, INVALID);
    } finally {
      await elsewhere.stop();
    }
  });

  test('tampered: the NISS of a real token changed, or its signature altered', async () => {
    const real = (await provider.login(loginOf(marc.firstName, marc.lastName))).access_token;
    const [header, payload, signature] = real.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    await expectRefused(`${header}.${b64({ ...claims, egovNRN: people.poZUser.niss })}.${signature}`, INVALID);
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expectRefused(`${header}.${payload}.${flipped}`, INVALID);
    await expectRefused(`${header}.${payload}.`, INVALID);
    // The untouched token passes.
    expect((await identity(real)).status).toBe(200);
  });

  test('HS256 signed with the provider’s public key, or with any secret', async () => {
    const claims = { ...person, iss: provider.issuer, aud: provider.audience, sub: 's', exp: now() + 300 };
    const withPublicKey = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: provider.kid }).sign(createSecretKey(Buffer.from(provider.publicKeyPem)));
    await expectRefused(withPublicKey, INVALID);
    await expectRefused(await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32))), INVALID);
  });

  test('a valid token that names no one: no NISS, a NISS that fails its check digits', async () => {
    await expectRefused(await provider.craft({ name: 'Nobody' }), INVALID);
    await expectRefused(await provider.craft({ egovNRN: '79011603981', name: 'Wrong digits' }), INVALID);
  });

  test('tokens of this service: exp required; identity tokens refused while the development identity is off', async () => {
    // The development identity provider is off beside a configured OpenID provider.
    expect((await service.http.post('/api/dev/identity/tokens').send({ niss: marc.niss })).status).toBe(404);
    const secret = new Uint8Array(await getOrCreateSecret(service.db, 'token-secret'));
    const local = (claims: Record<string, unknown>, exp: number | undefined) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(marc.niss).setIssuer('breakatwork-po-journeys').setAudience('breakatwork-api').setIssuedAt();
      return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(secret);
    };
    const acting = { kind: 'person', name: 'Marc Peeters', acting: { enterprise: organisations.poY.enterpriseNumber, enterpriseName: 'PO Y', mode: 'PO' } };
    expect((await identity(await local(acting, now() + 300))).status).toBe(200);
    await expectRefused(await local(acting, undefined), INVALID);
    await expectRefused(await local({ kind: 'person', name: 'Marc Peeters' }, now() + 300), INVALID);
    await expectRefused(await local({ kind: 'backoffice', name: 'Agent' }, now() + 300), INVALID);
    // Signed with another secret (the old public development secret among them).
    await expectRefused(
      await new SignJWT(acting).setProtectedHeader({ alg: 'HS256' }).setSubject(marc.niss).setIssuer('breakatwork-po-journeys').setAudience('breakatwork-api').setExpirationTime('5m').sign(new TextEncoder().encode('development-only-secret-never-used-in-production')),
      INVALID,
    );
  });
});

test('a provider that cannot be reached: 503 SERVICE_UNAVAILABLE, not 401, and nothing accepted', async () => {
  const closed = `http://127.0.0.1:${await freePort()}`;
  const app = createApp({
    config: { ...service.config, oidc: { ...service.config.oidc!, issuer: closed } },
    db: service.db,
    temporal: service.env.client,
    log: createLogger('silent'),
  });
  const token = await provider.craft({ iss: closed, egovNRN: marc.niss, name: 'Marc' });
  const res = await request(app).get('/api/identity').set(bearer(token));
  expect(res.status).toBe(503);
  expect((res.body as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
  // A provider that answers with an error: asked once, then the same 503 at once for a while.
  let asked = 0;
  const failing = createServer((_req, res) => {
    asked += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  try {
    const failingIssuer = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    const app = createApp({
      config: { ...service.config, oidc: { ...service.config.oidc!, issuer: failingIssuer } },
      db: service.db,
      temporal: service.env.client,
      log: createLogger('silent'),
    });
    const crafted = await provider.craft({ iss: failingIssuer, egovNRN: marc.niss, name: 'Marc' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(app).get('/api/identity').set(bearer(crafted))).status);
    expect({ statuses, asked }).toEqual({ statuses: [503, 503, 503], asked: 1 });
  } finally {
    await new Promise((resolve) => failing.close(resolve));
  }
  // A key set that answers 404, or that is no key set: the provider's fault too.
  for (const jwksUrl of [`${provider.issuer}/no-such-key-set`, `${provider.issuer}/.well-known/openid-configuration`]) {
    const misconfigured = createApp({ config: { ...service.config, oidc: { ...service.config.oidc!, jwksUrl } }, db: service.db, temporal: service.env.client, log: createLogger('silent') });
    const answer = await request(misconfigured).get('/api/identity').set(bearer(await provider.craft({ egovNRN: marc.niss, name: 'Marc' })));
    expect({ jwksUrl, status: answer.status }).toEqual({ jwksUrl, status: 503 });
  }
});
