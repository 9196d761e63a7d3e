/**
 * Runs scripts/oidc-provider.mjs (the OpenID provider of the tests and demos, ESM-only) in a child
 * process and waits until it answers its discovery document; the demo cast as its accounts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { demoCast } from '../store/demo-data';

export interface ProviderAccount {
  /** What is typed on the provider's login page; also the token's `sub`. */
  login: string;
  claims: Record<string, unknown>;
}

export interface ProviderClient {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface ProviderSettings {
  /** 0 (or unset): any free port. */
  port?: number;
  /** The RS256 private JWK (with kid) the provider signs with; one of its own when unset. */
  signingKey?: Record<string, unknown>;
  audience: string;
  accessTokenTtlSeconds?: number;
  nissClaim: string;
  roleClaim: string;
  clients: ProviderClient[];
  accounts: ProviderAccount[];
}

export interface RunningProvider {
  issuer: string;
  /** The provider's own lines (stderr), for a test that fails. */
  output(): string;
  stop(): Promise<void>;
}

/** A login made of the name, without accents: `marc.peeters`. */
export function loginOf(firstName: string, lastName: string): string {
  return `${firstName}.${lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
}

/** Login of the back-office agent among the demo accounts. */
export const AGENT_LOGIN = 'agent.onem';

/** Every person of the demo cast (their NISS in `nissClaim`), and one ONEM agent holding `backofficeRole` in `roleClaim`. */
export function demoAccounts(nissClaim: string, roleClaim: string, backofficeRole: string): ProviderAccount[] {
  const persons = [...Object.values(demoCast.people), ...Object.values(demoCast.teachers), ...Object.values(demoCast.ownStaff)];
  const accounts = new Map<string, ProviderAccount>();
  for (const p of persons) {
    accounts.set(loginOf(p.firstName, p.lastName), {
      login: loginOf(p.firstName, p.lastName),
      claims: { name: `${p.firstName} ${p.lastName}`, given_name: p.firstName, family_name: p.lastName, [nissClaim]: p.niss },
    });
  }
  accounts.set(AGENT_LOGIN, { login: AGENT_LOGIN, claims: { name: 'Agent ONEM', given_name: 'Agent', family_name: 'ONEM', [roleClaim]: [backofficeRole] } });
  return [...accounts.values()];
}

export async function startProviderProcess(settings: ProviderSettings, timeoutMs = 20_000): Promise<RunningProvider> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_PROVIDER_CONFIG: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
      void exited.then((code) => reject(new Error(`the OpenID provider stopped (exit ${code}):\n${output}`)));
      createInterface({ input: child.stdout }).once('line', (line) => {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line) as { issuer: string }).issuer);
        } catch {
          reject(new Error(`the OpenID provider said ${line}`));
        }
      });
    });
    // Started when its discovery document answers and names it.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const document = await fetch(`${issuer}/.well-known/openid-configuration`).then((r) => (r.ok ? (r.json() as Promise<{ issuer?: string }>) : undefined), () => undefined);
      if (document?.issuer === issuer) break;
      if (Date.now() > deadline) throw new Error(`no discovery document at ${issuer}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { issuer, output: () => output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
