/** The console's search as the page's address says it (so a reload, a link and "back" keep it). */
import type { paths } from '../../../../api/openapi/types';

export type SearchQuery = NonNullable<paths['/api/backoffice/requests']['get']['parameters']['query']>;
export const SEARCH_FIELDS = ['ticket', 'niss', 'status', 'enterprise', 'leave', 'from', 'to', 'pageSize'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchForm = Record<SearchField, string>;

export const emptySearch: SearchForm = { ticket: '', niss: '', status: '', enterprise: '', leave: '', from: '', to: '', pageSize: '' };
/** Results per page offered (the address may ask for another size: the API says whether it is one). */
export const PAGE_SIZES = ['10', '20', '50', '100'] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** The form's values and the page (the service's cursor, none for the first page) from the address's query. */
export function searchOf(query: URLSearchParams): { form: SearchForm; cursor: string } {
  const form = { ...emptySearch };
  for (const name of SEARCH_FIELDS) form[name] = query.get(name) ?? '';
  return { form, cursor: query.get('cursor') ?? '' };
}

/** The address of a search: only the criteria given, and the page's cursor (none for the first page). */
export function searchPath(form: SearchForm, cursor = ''): string {
  const params = new URLSearchParams();
  for (const name of SEARCH_FIELDS) if (form[name].trim()) params.set(name, form[name].trim());
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `/backoffice?${text}` : '/backoffice';
}

/** The query the API takes (it validates each criterion and names the field it refuses); the count is shown, so asked for. */
export function apiQuery(form: SearchForm, cursor: string): SearchQuery {
  const query: Record<string, string | number> = { pageSize: DEFAULT_PAGE_SIZE, count: 'true', ...(cursor ? { cursor } : {}) };
  for (const name of SEARCH_FIELDS) if (form[name].trim()) query[name] = form[name].trim();
  // Each criterion is the API's to validate (it names the field it refuses).
  return query;
}

const LAST_SEARCH = 'baw.backoffice.lastSearch';
/** The last search, so "back to the search" from a request returns to it. */
export function rememberSearch(path: string): void {
  sessionStorage.setItem(LAST_SEARCH, path);
}
export function lastSearch(): string {
  const path = sessionStorage.getItem(LAST_SEARCH);
  return path && path.startsWith('/backoffice') ? path : '/backoffice';
}

/** Dispatched on window when the service refuses the agent's token (401): the console signs them out. */
export const UNAUTHORISED = 'baw.backoffice.unauthorised';
export function reportUnauthorised(status: number): void {
  if (status === 401) window.dispatchEvent(new Event(UNAUTHORISED));
}
