/**
 * Recorded workflow histories: the replay test runs today's code over them, so a change that breaks
 * determinism for journeys already running fails CI. Record anew with `RECORD_HISTORIES=1 npm test`
 * (the Temporal CLI exports them in the JSON form that `historyFromJSON` reads).
 */
import { execFileSync } from 'node:child_process';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveTemporalCli } from '../../scripts/resolve-temporal-cli';
import { testServerAddress } from './temporal';

export const historiesDir = join(__dirname, '../replay');

export function recordHistory(workflowId: string, name: string): void {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const cli = resolveTemporalCli();
  if (!cli) throw new Error('recording histories needs the Temporal CLI');
  const json = execFileSync(cli.path, ['workflow', 'show', '--workflow-id', workflowId, '--address', testServerAddress(), '--output', 'json'], { encoding: 'utf8' });
  writeFileSync(join(historiesDir, `${name}.json`), json);
}

/** Keeps a history fetched by the SDK under test/replay/<name>.json (only when RECORD_HISTORIES=1). */
export function saveHistory(name: string, history: History): void {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const file = join(historiesDir, `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, historyToJSON(history));
}
