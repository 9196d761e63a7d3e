/**
 * The remote codec endpoint of the Temporal web UI (and `temporal workflow show --codec-endpoint`): an
 * operator who reads a journey's history in the UI sees its payloads decrypted, through this service,
 * which alone holds the keys. The protocol is Temporal's: POST {endpoint}/decode and /encode, a body
 * `{ payloads: [{ metadata: { name: base64 }, data: base64 }] }`, the namespace in X-Namespace.
 * ONEM back-office agents only: the UI passes the signed-in user's access token ("Pass access token").
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../../config';
import { PayloadDecryptError } from '../../worker/payload-codec';
import { backoffice } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { HttpError } from '../errors';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

const jsonPayload = z
  .object({
    metadata: z.record(z.string().max(256), base64).nullish().describe('Metadata entries, each value in base64'),
    data: base64.nullish().describe('The payload’s bytes, in base64'),
  })
  .meta({ id: 'CodecPayload', description: 'A Temporal payload in the JSON of the remote codec protocol' });

const codecBody = z
  // The CLI sends `{}` for none (protobuf JSON leaves an empty list out).
  .object({ payloads: z.array(jsonPayload).max(1000).default([]).describe('Payloads to decode or encode, in order') })
  .meta({ id: 'CodecRequest', description: 'Payloads sent to the remote codec' });

const codecAnswer = z
  .object({
    payloads: z
      .array(z.object({ metadata: z.record(z.string(), z.string()).describe('Metadata entries, each value in base64'), data: z.string().describe('The payload’s bytes, in base64') }))
      .describe('The payloads decoded or encoded, in the order sent'),
  })
  .meta({ id: 'CodecAnswer', description: 'Payloads answered by the remote codec' });

const fromJson = (p: z.infer<typeof jsonPayload>): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** The codecs are the Temporal client's own (read at call time): the endpoint decodes what the service encodes. */
export function codecRoutes(config: Config, temporal: Client): Route[] {
  const run = async (direction: 'decode' | 'encode', payloads: Payload[]): Promise<Payload[]> => {
    const codecs = temporal.options.loadedDataConverter.payloadCodecs;
    let result = payloads;
    try {
      if (direction === 'encode') for (const codec of codecs) result = await codec.encode(result);
      else for (const codec of [...codecs].reverse()) result = await codec.decode(result);
    } catch (err) {
      if (err instanceof PayloadDecryptError) throw new HttpError('PAYLOAD_NOT_DECRYPTABLE');
      throw err;
    }
    return result;
  };
  const route = (direction: 'decode' | 'encode') =>
    defineRoute<Record<string, never>, Record<string, never>, z.infer<typeof codecBody>>({
      method: 'post',
      path: `/codec/${direction}`,
      operationId: `codec${direction === 'decode' ? 'Decode' : 'Encode'}`,
      tag: 'Operations',
      summary: direction === 'decode' ? 'Decrypt payloads for the Temporal web UI (remote codec)' : 'Encrypt payloads for the Temporal web UI (remote codec)',
      description:
        'Temporal’s remote codec protocol. Set it in the Temporal web UI (codec endpoint: this service’s /codec, “Pass access token” on) or `temporal workflow show --codec-endpoint …/codec --codec-auth "Bearer …"`. Back-office agents only; X-Namespace, when sent, must be the service’s namespace.',
      auth: 'backoffice',
      body: codecBody,
      responses: {
        200: { description: 'The payloads, in order', schema: codecAnswer },
        401: standardErrors[401],
        403: { description: 'Not a back-office agent (FORBIDDEN)', schema: standardErrors[403].schema },
        404: { description: 'X-Namespace names another namespace (CODEC_NAMESPACE_UNKNOWN)', schema: standardErrors[404].schema },
        422: { description: 'A payload that is not base64 JSON of the protocol, or an encrypted one that cannot be decrypted (PAYLOAD_NOT_DECRYPTABLE)', schema: standardErrors[422].schema },
      },
      handler: async ({ body, req }) => {
        backoffice(req);
        // The CLI sends an empty X-Namespace when it names none: that is no other namespace.
        const namespace = req.header('x-namespace');
        if (namespace && namespace !== config.temporal.namespace) throw new HttpError('CODEC_NAMESPACE_UNKNOWN');
        const payloads = await run(direction, body.payloads.map(fromJson));
        // Decrypted payloads are personal data: never kept by a cache on the way.
        return { body: { payloads: payloads.map(toJson) }, headers: { 'Cache-Control': 'no-store' } };
      },
    });
  return [route('decode'), route('encode')];
}

/**
 * CORS for /codec: the Temporal web UI calls from its own origin (CODEC_CORS_ORIGINS, by default the
 * embedded dev server's UI) with the user's token and X-Namespace; any other origin gets no CORS header.
 */
export function codecCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    if (!req.path.startsWith('/codec/')) return next();
    const origin = req.header('origin');
    res.vary('Origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS') return next();
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
