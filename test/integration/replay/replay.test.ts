/**
 * Today's workflow code replays the recorded histories of test/replay without a determinism error, with
 * the payload codec configured as the service runs it (histories recorded before it, in plain text, too).
 */
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historiesDir } from '../../support/histories';
import { replayOptions } from '../../support/replay';
import { bundle, testDataConverter as dataConverter } from '../../support/temporal';

const files = readdirSync(historiesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();

test('there are recorded histories of every journey, some recorded under load', () => {
  for (const kind of ['sign-in', 'request', 'access-management', 'worker-part', 'load/default-cache/signIn', 'load/default-cache/request', 'load/default-cache/accessManagement', 'load/cache-of-2/request', 'before-rules-across-requests/request', 'before-rules-across-requests/load/default-cache/request', 'before-one-step-submission/load/default-cache/request', 'before-one-step-submission/load/cache-of-2/request']) {
    expect(files.filter((f) => f.startsWith(kind)).length).toBeGreaterThan(0);
  }
});

test.each(files)('%s replays', async (file) => {
  const history = historyFromJSON(JSON.parse(readFileSync(join(historiesDir, file), 'utf8')));
  await expect(
    Worker.runReplayHistory(replayOptions(await bundle(require.resolve('../../../workflows')), dataConverter), history, file.replace(/\.json$/, '')),
  ).resolves.toBeUndefined();
});

/**
 * The versioned change of the request journey (bounded record retries, `patched`): a withdrawal that
 * failed to record 7 rounds in a row under the code before the change replays today, because that run
 * keeps the old behaviour; shipped without versioning, the same change would break it.
 */
describe('a versioned change', () => {
  const file = 'request-withdrawal-record-retries-unbounded.json';
  const history = () => historyFromJSON(JSON.parse(readFileSync(join(historiesDir, file), 'utf8')));

  test('replays a run recorded before the change', async () => {
    await expect(Worker.runReplayHistory(replayOptions(await bundle(require.resolve('../../../workflows')), dataConverter), history(), 'before-change')).resolves.toBeUndefined();
  });

  test('the same change without versioning would break that run', async () => {
    await expect(
      Worker.runReplayHistory(replayOptions(await bundle(require.resolve('../../support/unversioned-workflows')), dataConverter), history(), 'unversioned'),
    ).rejects.toThrow(/[Nn]ondetermin/);
  });
});

/**
 * The one-step selection and submission (SELECT_WORKER and CONFIRM each one activity,
 * `request-one-step-selection`, `request-one-step-submission`): requests that selected in two steps and
 * confirmed in four, under load, before the changes replay today; the same changes shipped without
 * versioning would break them, and the histories recorded since take one step each.
 */
describe('the one-step selection and submission', () => {
  const read = (file: string) => historyFromJSON(JSON.parse(readFileSync(join(historiesDir, file), 'utf8')));
  const before = 'before-one-step-submission/load/default-cache/request-accepted.json';
  const activityTypes = (file: string) =>
    (read(file).events ?? []).flatMap((e) => (e.activityTaskScheduledEventAttributes?.activityType?.name ? [e.activityTaskScheduledEventAttributes.activityType.name] : []));

  test('a request recorded before them took two and four steps, one recorded since one each', () => {
    expect(activityTypes(before)).toEqual(expect.arrayContaining(['checkWorker', 'recordRequest', 'admitRequest', 'notifyWorker']));
    expect(activityTypes(before)).not.toContain('submitRequest');
    expect(activityTypes(before)).not.toContain('recordWorkerSelection');
    // Accepted: the selection, the early check of the other requests, the submission, the worker's part and the decision.
    expect(activityTypes('load/default-cache/request-accepted.json')).toEqual(['recordWorkerSelection', 'checkOtherRequests', 'submitRequest', 'recordRequest', 'recordRequest']);
  });

  test('without versioning, the change would break a request confirmed before it', async () => {
    await expect(
      Worker.runReplayHistory(replayOptions(await bundle(require.resolve('../../support/unversioned-workflows')), dataConverter), read(before), 'unversioned'),
    ).rejects.toThrow(/[Nn]ondetermin/);
  });
});
