import type { ConsoleSessions } from '../functions/ports/console-sessions.js';
import { localSigningKey } from './local-signing-key.js';

/** The local console session key, kept under the data folder so a signed-in browser stays signed in across restarts. */
export const openLocalConsoleSessions = async (dataDir: string | undefined): Promise<ConsoleSessions> => {
  const key = await localSigningKey(dataDir, 'console-session-key');
  return { sessionKey: async () => key };
};
