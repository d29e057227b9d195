import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const KEY_BYTES = 32;

/**
 * A local signing key (survey links, console sessions): a file under the data folder (made on first start, mode 600),
 * so what it signed keeps working across restarts; a fresh key per process when the stack runs in memory (another
 * stack's signatures are then refused).
 */
export const localSigningKey = async (dataDir: string | undefined, fileName: string): Promise<Uint8Array> => {
  if (dataDir === undefined) return randomBytes(KEY_BYTES);
  const file = join(dataDir, fileName);
  try {
    const existing = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
    if (existing.length >= KEY_BYTES) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  await writeFile(file, `${key.toString('base64url')}\n`, { encoding: 'utf8', mode: 0o600 });
  return key;
};
