/**
 * `npm run oidc:dev`: a real OpenID provider on this machine for demos (the one the tests use): the demo
 * cast as accounts, an ONEM agent with the back-office role, the web application as its client at
 * http://127.0.0.1:$PORT and http://localhost:$PORT. It prints the settings to start the service with.
 * OIDC_DEV_PORT (default 4000) is its port; PORT (default 3000) the service's. Ctrl-C stops it.
 */
import { AGENT_LOGIN, demoAccounts, loginOf, startProviderProcess } from './oidc-provider-process';
import { demoCast } from '../store/demo-data';

const AUDIENCE = 'urn:breakatwork:api';
const CLIENT_ID = 'breakatwork-web';

async function main(): Promise<void> {
  const port = Number(process.env.OIDC_DEV_PORT ?? 4000);
  const appPort = Number(process.env.PORT ?? 3000);
  const origins = [`http://127.0.0.1:${appPort}`, `http://localhost:${appPort}`];
  const provider = await startProviderProcess({
    port,
    audience: AUDIENCE,
    nissClaim: 'egovNRN',
    roleClaim: 'roles',
    clients: [{ clientId: CLIENT_ID, redirectUris: origins.map((o) => `${o}/auth/callback`), postLogoutRedirectUris: origins.map((o) => `${o}/`) }],
    accounts: demoAccounts('egovNRN', 'roles', 'onem-backoffice'),
  });
  const people = [...Object.values(demoCast.people), ...Object.values(demoCast.teachers)];
  console.log(`OpenID provider: ${provider.issuer} (discovery: ${provider.issuer}/.well-known/openid-configuration)

Start the service with it, in another terminal:
  OIDC_ISSUER=${provider.issuer} OIDC_AUDIENCE=${AUDIENCE} OIDC_CLIENT_ID=${CLIENT_ID} npm start
then open ${origins[0]} and sign in. Logins (any password): ${people
    .slice(0, 4)
    .map((p) => loginOf(p.firstName, p.lastName))
    .join(', ')}, … (first.last of any demo person), and ${AGENT_LOGIN} (back-office).
Ctrl-C stops it.`);
  const stop = () => void provider.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
