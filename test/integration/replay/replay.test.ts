/** Today's workflow code replays the recorded histories of test/replay without a determinism error. */
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historiesDir } from '../../support/histories';
import { bundle } from '../../support/temporal';

const files = readdirSync(historiesDir).filter((f) => f.endsWith('.json'));

test('there are recorded histories to replay', () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

test.each(files)('%s replays', async (file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(historiesDir, file), 'utf8')));
  await expect(
    Worker.runReplayHistory({ workflowBundle: await bundle(require.resolve('../../../workflows')) }, history, file.replace(/\.json$/, '')),
  ).resolves.toBeUndefined();
});
