/**
 * Who a token names (GET /api/identity, for a UI signed in through the OpenID provider), and the
 * development identity provider: signs identity tokens for the people in the store (the demo cast),
 * and back-office tokens for a named agent. The development provider is mounted only when
 * config.devIdentity is on (see config: loopback, or DEV_IDENTITY=true; never in production); every
 * token it signs expires like the acting tokens (TOKEN_TTL_MINUTES).
 */
import { z } from 'zod';
import type { Config } from '../../config';
import { freeTextSchema, nissSchema } from '../../domain';
import type { Db } from '../../store/db';
import { findPerson, listPeople } from '../../store/people';
import type { TokenService } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { HttpError } from '../errors';

const tokenResponse = z
  .object({ token: z.string(), expiresAt: z.string(), name: z.string() })
  .meta({ id: 'IssuedToken', description: 'A bearer token and whom it names' });

const identity = z
  .object({
    kind: z.enum(['person', 'backoffice']).describe('A person (national number) or an ONEM back-office agent'),
    name: z.string(),
    niss: z.string().optional().describe('The person’s national number (a person only)'),
    acting: z
      .object({ enterprise: z.string(), enterpriseName: z.string(), mode: z.enum(['PO', 'OWN_COMPANY']) })
      .optional()
      .describe('The context an acting token acts in'),
  })
  .meta({ id: 'Identity', description: 'Whom the bearer token names, as the service sees it' });

export function identityRoutes(config: Config, db: Db, tokens: TokenService): Route[] {
  const whoAmI = defineRoute({
    method: 'get',
    path: '/api/identity',
    operationId: 'getIdentity',
    tag: 'Identity',
    summary: 'Whom the bearer token names (a person or a back-office agent)',
    description: 'Any valid token: the OpenID provider’s, an acting token, or the development identity provider’s.',
    // The 'person' guard only verifies the token; the handler accepts an agent too.
    auth: 'person',
    responses: { 200: { description: 'The caller', schema: identity } },
    handler: ({ req }) => {
      const caller = req.caller!;
      const body =
        caller.kind === 'person'
          ? { kind: caller.kind, name: caller.name, niss: caller.sub, ...(caller.acting ? { acting: caller.acting } : {}) }
          : { kind: caller.kind, name: caller.name };
      return Promise.resolve({ body, headers: { 'Cache-Control': 'no-store' } });
    },
  });
  return [whoAmI, ...(config.devIdentity ? developmentIdentityRoutes(db, tokens) : [])];
}

function developmentIdentityRoutes(db: Db, tokens: TokenService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dev/identity/people',
      operationId: 'listDevelopmentPeople',
      tag: 'Development identity',
      summary: 'The people a development token can be issued for',
      auth: 'none',
      responses: { 200: { description: 'People by NISS', schema: z.array(z.object({ niss: z.string(), lastName: z.string(), firstName: z.string() })) } },
      handler: async () => ({ body: await listPeople(db) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/dev/identity/tokens',
      operationId: 'issueDevelopmentToken',
      tag: 'Development identity',
      summary: 'Sign in as a person (digital key stand-in) or as a back-office agent',
      auth: 'none',
      body: z.union([
        z.object({ niss: nissSchema.describe('A person known to the store') }),
        z.object({ backofficeAgent: freeTextSchema().min(1).max(100).describe('Name of an ONEM back-office agent') }),
      ]),
      responses: { 201: { description: 'A bearer token', schema: tokenResponse }, 404: standardErrors[404], 422: standardErrors[422] },
      handler: async ({ body }) => {
        if ('backofficeAgent' in body) {
          const signed = await tokens.sign({ kind: 'backoffice', sub: `agent:${body.backofficeAgent}`, name: body.backofficeAgent });
          return { status: 201, body: { ...signed, name: body.backofficeAgent } };
        }
        const found = await findPerson(db, body.niss);
        if (!found) throw new HttpError('UNKNOWN_PERSON');
        const name = `${found.firstName} ${found.lastName}`;
        return { status: 201, body: { ...(await tokens.sign({ kind: 'person', sub: found.niss, name })), name } };
      },
    }),
  ];
}
