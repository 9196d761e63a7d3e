/** Starts one real Temporal dev server (the resolved CLI) for the whole integration run. */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureWebBuilt } from '../../scripts/build-web';
import { resolveTemporalCli } from '../../scripts/resolve-temporal-cli';
import { dynamicConfigArgs } from '../../scripts/dev-server';
import { searchAttributes } from '../../workflows/messages';
import { TEST_ADDRESS_VARIABLE } from './temporal';

declare global {
  var __temporalTestEnv: TestWorkflowEnvironment | undefined;
}

export default async function globalSetup(): Promise<void> {
  // The integration and e2e projects share this setup: one dev server for the whole run.
  if (globalThis.__temporalTestEnv) return;
  // The browser tests load the built web application; `npm start` as the tests spawn it serves it too.
  ensureWebBuilt({ say: (m) => console.log(`[web] ${m}`) });
  const cli = resolveTemporalCli((m) => console.log(`[temporal-cli] ${m}`));
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli ? { type: 'existing-path', path: cli.path } : undefined,
      // Our custom search attributes, registered at launch.
      searchAttributes: Object.values(searchAttributes),
      extraArgs: [
        '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF',
        ...dynamicConfigArgs(),
      ],
    },
  });
  globalThis.__temporalTestEnv = env;
  process.env[TEST_ADDRESS_VARIABLE] = env.address;
}
