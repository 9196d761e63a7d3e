/**
 * Personal data kept out of Temporal: every payload the service hands to Temporal (workflow inputs and
 * results, update arguments and results, queries, activity inputs and results, failure messages) is
 * encrypted with AES-256-GCM before it leaves the process, so Temporal's database and web UI hold only
 * `binary/encrypted` payloads. Each names its key id in its metadata: keys rotate by configuration
 * (PAYLOAD_KEY_ID encodes, every key of PAYLOAD_KEYS still decodes). A payload that is not encrypted —
 * a history recorded before, a search attribute — passes through unchanged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { Config } from '../config';
import type { PayloadKeys } from '../config/payload-keys';
import type { Db } from '../store/db';
import { getOrCreateSecret } from '../store/service-secrets';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
/** The key id of the development default, generated once and kept in the store. */
export const STORE_KEY_ID = 'store-default';
const STORE_SECRET_NAME = 'payload-codec.key';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

export class PayloadDecryptError extends ValueError {}

export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly config: PayloadKeys) {
    if (!config.keys.has(config.encodeKeyId)) throw new Error(`No payload key with the id "${config.encodeKeyId}".`);
    for (const [id, key] of config.keys) if (key.length !== 32) throw new Error(`The payload key "${id}" is not 32 bytes.`);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a codec's answer is a promise; a throw rejects it
  async encode(payloads: Payload[]): Promise<Payload[]> {
    const keyId = this.config.encodeKeyId;
    const key = this.config.keys.get(keyId)!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      // The key id is authenticated too: a payload moved under another key id does not decrypt.
      cipher.setAAD(Buffer.from(keyId, 'utf8'));
      // The whole payload (its metadata: encoding, message type) is encrypted, not just its data.
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(keyId) }, data };
    });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a codec's answer is a promise; a throw rejects it
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decodeOne(payload));
  }

  private decodeOne(payload: Payload): Payload {
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
    if (!keyId) throw new PayloadDecryptError('An encrypted payload without a key id.');
    const key = this.config.keys.get(keyId);
    if (!key) throw new PayloadDecryptError(`No payload key with the id "${keyId}" (PAYLOAD_KEYS): it cannot be decrypted.`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptError('An encrypted payload too short to be one.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(keyId, 'utf8'));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    } catch {
      throw new PayloadDecryptError(`An encrypted payload (key "${keyId}") failed its authentication: altered, or another key under that id.`);
    }
  }
}

/**
 * The keys in force: those of the configuration, or — outside production, when none is configured —
 * one generated once and kept in the store, so that every process on that store shares it.
 */
export async function resolvePayloadKeys(config: Pick<Config, 'payloadKeys' | 'production'>, db: Db): Promise<PayloadKeys> {
  if (config.payloadKeys) return config.payloadKeys;
  if (config.production) throw new Error('PAYLOAD_KEYS is required in production (parseConfig refuses to start without it).');
  return { keys: new Map([[STORE_KEY_ID, await getOrCreateSecret(db, STORE_SECRET_NAME, 32)]]), encodeKeyId: STORE_KEY_ID };
}

/** The data converter of every Temporal client, worker and replayer of the service. */
export function journeyDataConverter(keys: PayloadKeys): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath: failureConverterPath() };
}

/** Given also to bundleWorkflowCode: workflow-side failures are converted inside the bundle. */
export function failureConverterPath(): string {
  return require.resolve('./failure-converter');
}

/** The service's data converter, from its configuration and store. */
export async function loadJourneyDataConverter(config: Pick<Config, 'payloadKeys' | 'production'>, db: Db): Promise<DataConverter> {
  return journeyDataConverter(await resolvePayloadKeys(config, db));
}
