/**
 * A process built with scripts/process-main.ts around a part that stops on its own after 300 ms
 * (FIXTURE=fails) or never (FIXTURE=runs): what `npm run worker` and `npm start` do with their worker.
 */
import { runProcess } from '../../scripts/process-main';

runProcess('fixture', (_config, log) => {
  // What a worker or a server does: keep the process alive until stopped.
  const alive = setInterval(() => undefined, 1_000);
  log.info('fixture started');
  const failed = process.env.FIXTURE === 'fails' ? new Promise<Error>((resolve) => setTimeout(() => resolve(new Error('poller gone')), 300)) : new Promise<Error>(() => undefined);
  return Promise.resolve({ stop: () => Promise.resolve(clearInterval(alive)).then(() => log.info('fixture stopped')), failed });
});
