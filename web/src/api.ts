/**
 * The one way the web application talks to the service: the openapi-fetch client typed by the types
 * generated from the served OpenAPI document (api/openapi/types.ts). Every call carries the caller's
 * token and language; every refusal becomes an ApiError with the catalogue's code and message.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../api/openapi/types';
import { currentLanguage } from './i18n-state';

export type Schemas = components['schemas'];
export type JourneyView = Schemas['Journey'];
export type AllowedEvent = Schemas['AllowedEvent'];
export type ErrorBody = Schemas['Error'];

/** One refused field: where (the event's field), the rule that refused it, its message in the caller's language. */
export interface FieldIssue {
  path: string;
  message: string;
  rule?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  /** Nothing changed and the same call may be tried again (the service or its store did not answer). */
  get retryable(): boolean {
    return this.status === 503 || this.status === 0 || this.status === 429;
  }
  get issues(): FieldIssue[] {
    const issues = this.details.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(language);

/** The options that make a call as the holder of `token` (identity, acting or back-office). */
export function as(token: string | undefined): { headers: Record<string, string> } {
  return { headers: token ? { Authorization: `Bearer ${token}` } : {} };
}

/** A failed call as an ApiError; a network failure is a 0 that may be retried. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  if (error && typeof error.code === 'string') return new ApiError(status, error.code, error.message ?? error.code, (error.details ?? {}) as Record<string, unknown>);
  return new ApiError(status, 'HTTP_' + status, `HTTP ${status}`);
}

/** Unwraps an openapi-fetch result: the data, or the refusal thrown as an ApiError. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

/** A fresh key for a call that may be retried: the service answers a retry with the first answer. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
