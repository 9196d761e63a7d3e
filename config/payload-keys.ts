/** PAYLOAD_KEYS, the payload codec's keys (worker/payload-codec.ts), as the configuration reads them. */

export interface PayloadKeys {
  /** 32-byte AES keys by id. */
  keys: ReadonlyMap<string, Buffer>;
  /** The key that encodes; every other one only decodes. */
  encodeKeyId: string;
}

/**
 * PAYLOAD_KEYS as configured: `id:base64key,id:base64key` or a JSON object `{"id":"base64key"}`, each key
 * 32 bytes. Returns the text when it is not one (the configuration names the variable).
 */
export function parsePayloadKeys(raw: string): Map<string, Buffer> | string {
  let entries: Array<[string, string]>;
  const trimmed = raw.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return 'must be JSON {"id":"base64 key"} or a list id:base64key,...';
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a JSON object {"id":"base64 key"}';
    entries = Object.entries(parsed).map(([id, key]) => [id, typeof key === 'string' ? key : '']);
  } else {
    entries = trimmed.split(',').map((item) => {
      const at = item.indexOf(':');
      return at < 0 ? [item.trim(), ''] : [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    });
  }
  if (entries.length === 0) return 'must name at least one key';
  const keys = new Map<string, Buffer>();
  for (const [id, encoded] of entries) {
    if (!/^[\w.-]{1,64}$/.test(id)) return `the key id "${id}" is not one (letters, digits, "_", "." and "-")`;
    if (keys.has(id)) return `the key id "${id}" appears twice`;
    const key = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) return `the key "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`;
    keys.set(id, key);
  }
  return keys;
}
