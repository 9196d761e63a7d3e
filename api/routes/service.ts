/**
 * What a UI needs to know about this service before anyone signs in: the languages it speaks, whether
 * the development identity provider is on (the "digital key" of demo people), the OpenID provider the
 * web application signs in with (issuer, its client id, scopes), and where the Temporal
 * web UI shows a journey's workflow, when it is known.
 */
import { z } from 'zod';
import type { Config } from '../../config';
import { LANGUAGES } from '../../domain/error-catalogue';
import { defineRoute, type Route } from '../contract';

const serviceInfo = z
  .object({
    languages: z.array(z.enum(LANGUAGES)).describe('The languages of labels and messages (Accept-Language or ?lang= chooses), the default first'),
    devIdentity: z.boolean().describe('The development identity provider is on: tokens for the demo people at POST /api/dev/identity/tokens'),
    oidc: z
      .object({
        issuer: z.string().describe('The OpenID provider (its discovery document is at {issuer}/.well-known/openid-configuration)'),
        clientId: z.string().describe('The web application’s client id: a public client, authorization code with PKCE (S256)'),
        scopes: z.string().describe('The scopes to ask for, separated by spaces'),
        resource: z.string().optional().describe('The resource indicator (RFC 8707) to ask tokens for, when the provider needs one'),
      })
      .optional()
      .describe('Where people and agents sign in, when an OpenID provider is configured (with the web application’s client id)'),
    temporal: z
      .object({
        namespace: z.string().describe('The Temporal namespace of the journeys'),
        webUrl: z
          .string()
          .nullable()
          .describe('Base URL of the Temporal web UI (a workflow is at {webUrl}/namespaces/{namespace}/workflows/{journeyId}); null when unknown'),
      })
      .describe('Where the journeys run'),
  })
  .meta({ id: 'ServiceInfo', description: 'What a UI needs to know about this service' });

/** `temporalWebUrl`: the embedded dev server's UI, when this process runs one; TEMPORAL_WEB_URL wins. */
export function serviceRoutes(config: Config, temporalWebUrl?: string): Route[] {
  const webUrl = (config.temporal.webUrl ?? temporalWebUrl ?? null)?.replace(/\/+$/, '') ?? null;
  const oidc = config.oidc?.clientId
    ? { issuer: config.oidc.issuer, clientId: config.oidc.clientId, scopes: config.oidc.scopes, ...(config.oidc.resource ? { resource: config.oidc.resource } : {}) }
    : undefined;
  return [
    defineRoute({
      method: 'get',
      path: '/api/service',
      operationId: 'getServiceInfo',
      tag: 'Service',
      summary: 'What a UI needs to know about this service',
      auth: 'none',
      responses: { 200: { description: 'Languages, development identity, Temporal', schema: serviceInfo } },
      handler: () =>
        Promise.resolve({
          body: { languages: [...LANGUAGES], devIdentity: config.devIdentity, ...(oidc ? { oidc } : {}), temporal: { namespace: config.temporal.namespace, webUrl } },
        }),
    }),
  ];
}
