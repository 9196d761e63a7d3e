/** The payload codec: AES-256-GCM, the key id in the metadata, rotation, plaintext passing through. */
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../worker/payload-codec';

const key = (n: number) => Buffer.alloc(32, n);
const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');
const person = { niss: '85073003328', firstName: 'Claire', lastName: 'Dubois' };

test('encrypts a payload whole, names its key, and decrypts it back', async () => {
  const codec = new AesGcmPayloadCodec({ keys: new Map([['k1', key(1)]]), encodeKeyId: 'k1' });
  const plain = defaultPayloadConverter.toPayload(person);
  const [encoded] = await codec.encode([plain]);
  expect(text(encoded?.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
  expect(text(encoded?.metadata?.[KEY_ID_METADATA])).toBe('k1');
  // Neither the value nor its original encoding shows.
  const raw = Buffer.from(encoded?.data ?? []).toString('latin1');
  for (const word of ['85073003328', 'Claire', 'Dubois', 'json/plain']) expect(raw).not.toContain(word);
  const [decoded] = await codec.decode([encoded as Payload]);
  expect(defaultPayloadConverter.fromPayload(decoded as Payload)).toEqual(person);
  // A fresh IV each time: the same value never encrypts to the same bytes.
  const [again] = await codec.encode([plain]);
  expect(Buffer.from(again?.data ?? []).equals(Buffer.from(encoded?.data ?? []))).toBe(false);
});

test('a payload that is not encrypted passes through unchanged (histories recorded before)', async () => {
  const codec = new AesGcmPayloadCodec({ keys: new Map([['k1', key(1)]]), encodeKeyId: 'k1' });
  const plain = defaultPayloadConverter.toPayload(person);
  expect(await codec.decode([plain])).toEqual([plain]);
});

test('rotation: the new key encrypts, the old one still decrypts what it encrypted', async () => {
  const before = new AesGcmPayloadCodec({ keys: new Map([['2026-01', key(1)]]), encodeKeyId: '2026-01' });
  const after = new AesGcmPayloadCodec({ keys: new Map([['2026-01', key(1)], ['2026-06', key(2)]]), encodeKeyId: '2026-06' });
  const old = await before.encode([defaultPayloadConverter.toPayload('old')]);
  const fresh = await after.encode([defaultPayloadConverter.toPayload('new')]);
  expect(text(fresh[0]?.metadata?.[KEY_ID_METADATA])).toBe('2026-06');
  expect((await after.decode([...old, ...fresh])).map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(['old', 'new']);
  // Without the key it was encrypted with, a payload is refused, never misread.
  await expect(before.decode(fresh)).rejects.toThrow(/No payload key with the id "2026-06"/);
});

test('an altered payload, or one moved under another key id, is refused', async () => {
  const codec = new AesGcmPayloadCodec({ keys: new Map([['k1', key(1)], ['k2', key(1)]]), encodeKeyId: 'k1' });
  const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(person)]);
  const data = Buffer.from(encoded?.data ?? []);
  data[20] = (data[20] ?? 0) ^ 1;
  await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow(/failed its authentication/);
  const moved = { ...encoded, metadata: { ...encoded?.metadata, [KEY_ID_METADATA]: Buffer.from('k2') } };
  await expect(codec.decode([moved])).rejects.toThrow(/failed its authentication/);
});

test('refuses a key set without the encoding key or with a key of the wrong size', () => {
  expect(() => new AesGcmPayloadCodec({ keys: new Map([['k1', key(1)]]), encodeKeyId: 'k2' })).toThrow(/k2/);
  expect(() => new AesGcmPayloadCodec({ keys: new Map([['k1', Buffer.alloc(16)]]), encodeKeyId: 'k1' })).toThrow(/32 bytes/);
});
