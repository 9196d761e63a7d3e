/**
 * The development identity provider: signs identity tokens for the people in the store (the demo
 * cast), and back-office tokens for a named agent. Enabled by DEV_IDENTITY (on by default outside
 * production); real identity providers (CSAM, the back-office's own) replace it later.
 */
import { z } from 'zod';
import { freeTextSchema, nissSchema } from '../../domain';
import type { Db } from '../../store/db';
import { findPerson, listPeople } from '../../store/people';
import type { TokenService } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { HttpError } from '../errors';

const tokenResponse = z
  .object({ token: z.string(), expiresAt: z.string(), name: z.string() })
  .meta({ id: 'IssuedToken', description: 'A bearer token and whom it names' });

export function identityRoutes(db: Db, tokens: TokenService): Route[] {
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
