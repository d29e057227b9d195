import { ParametersSecretsExtension } from '../../adapters/survey/parameters-secrets-extension.js';
import { optionalVariable, requiredVariable } from '../../commons/config.js';
import { CONSOLE_SESSIONS_ENV, type ConsoleSessions } from './capability.js';

const DEFAULT_EXTENSION_PORT = 2773;
const MIN_KEY_BYTES = 32;

/**
 * The session key in AWS: a Secrets Manager secret (CDK generates 64 letters and digits, used as their UTF-8 bytes)
 * read through the Parameters and Secrets extension on first use and kept for the process; a failed read is not kept.
 */
export const awsConsoleSessions = (): ConsoleSessions => {
  const secretId = requiredVariable(CONSOLE_SESSIONS_ENV.keySecretArn);
  const extension = new ParametersSecretsExtension({
    port: Number(optionalVariable(CONSOLE_SESSIONS_ENV.extensionPort) ?? DEFAULT_EXTENSION_PORT),
    sessionToken: requiredVariable(CONSOLE_SESSIONS_ENV.sessionToken),
  });
  let key: Promise<Uint8Array> | undefined;
  const read = async (): Promise<Uint8Array> => {
    const value = await extension.secrets.get(secretId);
    const bytes =
      typeof value === 'string' ? Buffer.from(value, 'utf8') : value instanceof Uint8Array ? value : undefined;
    if (!bytes || bytes.length < MIN_KEY_BYTES) throw new Error('The console session key is shorter than 32 bytes');
    return bytes;
  };
  return {
    sessionKey: () =>
      (key ??= read().catch((error: unknown) => {
        key = undefined;
        throw error;
      })),
  };
};
