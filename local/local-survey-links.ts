import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SurveyLinks } from '../functions/ports/survey-links.js';

const KEY_FILE = 'survey-key';
const KEY_BYTES = 32;

/**
 * The local survey key: a file under the data folder (created on first start, mode 600), so links in the outbox keep
 * working across restarts; a fresh key per process when the stack runs in memory. Links point at the local server.
 */
export const openLocalSurveyLinks = async (dataDir: string | undefined, baseUrl: string): Promise<SurveyLinks> => {
  const key = await localSurveyKey(dataDir);
  return { signingKey: async () => key, baseUrl: async () => baseUrl };
};

const localSurveyKey = async (dataDir: string | undefined): Promise<Uint8Array> => {
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
