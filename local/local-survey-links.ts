import type { SurveyLinks } from '../functions/ports/survey-links.js';
import { localSigningKey } from './local-signing-key.js';

/** The local survey key (`localSigningKey`: links in the outbox keep working across restarts); links point here. */
export const openLocalSurveyLinks = async (dataDir: string | undefined, baseUrl: string): Promise<SurveyLinks> => {
  const key = await localSigningKey(dataDir, 'survey-key');
  return { signingKey: async () => key, baseUrl: async () => baseUrl };
};
