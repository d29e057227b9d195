/**
 * Writes the workflow's error handling (`functions/wiring/workflow-retry-policy.ts`: task timeouts, Retry, failure
 * Catch) into `statemachines/case-lifecycle.asl.json`, formatted as the repository's Prettier config says. Run it after
 * changing the policy or adding a Task state:
 *
 *   npm run asl:generate            # rewrites the file
 *   npm run asl:generate -- --check # exits 1 when the file is not what the policy makes of it
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { STATE_MACHINE_FILE } from '../functions/wiring/tasks.js';
import { applyRetryPolicy } from '../functions/wiring/workflow-retry-policy.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ASL_PATH = join(REPO_ROOT, STATE_MACHINE_FILE);

/** The ASL text with the policy applied, formatted; the same text for a file that already has it. */
export const generateAsl = async (source: string): Promise<string> => {
  const definition = applyRetryPolicy(JSON.parse(source) as object);
  const options = (await resolveConfig(ASL_PATH)) ?? {};
  return format(JSON.stringify(definition, null, 2), { ...options, filepath: ASL_PATH });
};

const main = async () => {
  const current = await readFile(ASL_PATH, 'utf8');
  const generated = await generateAsl(current);
  if (process.argv.includes('--check')) {
    if (generated !== current) {
      process.stderr.write(`${STATE_MACHINE_FILE} differs from the retry policy: run npm run asl:generate\n`);
      process.exitCode = 1;
    }
    return;
  }
  if (generated !== current) await writeFile(ASL_PATH, generated);
  process.stdout.write(`${STATE_MACHINE_FILE} ${generated === current ? 'unchanged' : 'updated'}\n`);
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
