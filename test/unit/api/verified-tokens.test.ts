/**
 * Verified tokens are answered from memory (api/auth.ts): never past their `exp`, at most a minute, only
 * successes, and the caller answered is the same for every request (frozen).
 */
import { errors as joseErrors } from 'jose';
import { createTokenService } from '../../../api/auth';

const secret = new TextEncoder().encode('a test secret of at least thirty-two bytes');
const service = () => createTokenService({ secret: () => Promise.resolve(secret), ttlMinutes: 1, localIdentities: true });
const person = { kind: 'person', sub: '85073003328', name: 'A. Person', acting: { enterprise: '0123456749', enterpriseName: 'PO Y', mode: 'PO' } } as const;

// Date itself is faked (jose reads the time with `new Date()`); promises and I/O run as usual.
beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }));
afterEach(() => jest.useRealTimers());
const later = (ms: number) => jest.setSystemTime(Date.now() + ms);

test('a token verified before is refused once it has expired', async () => {
  const tokens = service();
  const { token } = await tokens.sign(person);
  expect(await tokens.verify(token)).toEqual(person);
  later(61_000);
  await expect(tokens.verify(token)).rejects.toBeInstanceOf(joseErrors.JWTExpired);
});

test('the same caller is answered again, frozen; a tampered token is still refused', async () => {
  const tokens = service();
  const { token } = await tokens.sign(person);
  const first = await tokens.verify(token);
  const again = await tokens.verify(token);
  expect(again).toBe(first);
  expect(Object.isFrozen(again)).toBe(true);
  expect(again.kind === 'person' && Object.isFrozen(again.acting)).toBe(true);
  const [header, payload, signature] = token.split('.');
  await expect(tokens.verify(`${header}.${payload}.${signature!.slice(0, -2)}AA`)).rejects.toThrow();
});

test('an entry lasts a minute at most, then the token is verified again', async () => {
  const tokens = createTokenService({ secret: () => Promise.resolve(secret), ttlMinutes: 10, localIdentities: true });
  const { token } = await tokens.sign(person);
  const first = await tokens.verify(token);
  later(30_000);
  expect(await tokens.verify(token)).toBe(first);
  later(31_000);
  const again = await tokens.verify(token);
  expect(again).toEqual(first);
  expect(again).not.toBe(first);
});
