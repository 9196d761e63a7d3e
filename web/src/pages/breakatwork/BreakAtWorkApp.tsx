/**
 * Break@Work, the employer's area (guide, steps 2 and 3):
 * - `/breakatwork`: the sign-in journey (landing → Employeur → Introduisez une demande → digital key →
 *   organisation → the intermediate screen or straight in), ending with an acting token;
 * - `/breakatwork/overview` (and `/breakatwork/overview/<journeyId>`): the PO's requests and one request's history;
 * - `/breakatwork/requests/new`, `/breakatwork/requests/<journeyId>`: the request journey.
 */
import { match, useLocation } from '../../router';
import { OverviewPage, RequestDetailsPage } from './OverviewPage';
import { RequestPage } from './RequestPage';
import { SignInPage } from './SignInPage';

export function BreakAtWorkApp() {
  const { path } = useLocation();
  if (match('/breakatwork/overview', path)) return <OverviewPage />;
  const details = match('/breakatwork/overview/:id', path);
  if (details) return <RequestDetailsPage id={details.id!} />;
  if (match('/breakatwork/requests/new', path)) return <RequestPage />;
  const request = match('/breakatwork/requests/:id', path);
  if (request) return <RequestPage journeyId={request.id} />;
  return <SignInPage />;
}
