import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConsoleSessions } from '../functions/ports/console-sessions.js';

const KEY_FILE = 'console-session-key';
const KEY_BYTES = 32;

/**
 * The local console session key: a file under the data folder (made on first start, mode 600), so a signed-in browser
 * stays signed in across restarts; a fresh key per process when the stack runs in memory (another stack's cookies are
 * then no session).
 */
export const openLocalConsoleSessions = async (dataDir: string | undefined): Promise<ConsoleSessions> => {
  const key = await localSessionKey(dataDir);
  return { sessionKey: async () => key };
};

const localSessionKey = async (dataDir: string | undefined): Promise<Uint8Array> => {
  if (dataDir === undefined) return randomBytes(KEY_BYTES);
  const file = join(dataDir, KEY_FILE);
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
