import { startLocalStack } from '../local/stack.js';
import { measureConsoleQueue } from './console-queue.js';

/**
 * The console queue's figure alone (`npx tsx bench/console-queue-alone.ts [samples]`): a fresh local stack, store A
 * topped up to 1,000 open cases, `GET /console` timed as in `npm run bench` (step 5b), without the rest of the run.
 */
const samples = Number(process.argv[2] ?? 30);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const stack = await startLocalStack({ port: 0, quiet: true, retryIntervalMs: 10 });
try {
  await measureConsoleQueue({ stack, alreadyOpen: 0 }, { openCases: 1_000, samples }, log);
} finally {
  await stack.stop();
}
