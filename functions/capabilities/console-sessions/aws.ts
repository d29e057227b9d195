import { CognitoManagedLogin } from '../../adapters/cognito/cognito-managed-login.js';
import { ParametersSecretsExtension } from '../../adapters/survey/parameters-secrets-extension.js';
import { optionalVariable, requiredVariable } from '../../commons/config.js';
import type { ManagedLogin } from '../../ports/console-sessions.js';
import { CONSOLE_CALLBACK_PATH, CONSOLE_SESSIONS_ENV, type ConsoleSessions } from './capability.js';

const DEFAULT_EXTENSION_PORT = 2773;
const MIN_KEY_BYTES = 32;

/**
 * The user pool's managed login, when the stack has a console domain (`consoleDomainPrefix` and `consoleBaseUrl`
 * context): its four variables are then all set, else none.
 */
const managedLoginFromEnv = (consoleBaseUrl: string | undefined): ManagedLogin | undefined => {
  const domainUrl = optionalVariable(CONSOLE_SESSIONS_ENV.signInDomainUrl);
  if (domainUrl === undefined) return undefined;
  if (consoleBaseUrl === undefined) throw new Error(`${CONSOLE_SESSIONS_ENV.baseUrl} is required with managed login`);
  return new CognitoManagedLogin({
    domainUrl,
    userPoolId: requiredVariable(CONSOLE_SESSIONS_ENV.userPoolId),
    clientId: requiredVariable(CONSOLE_SESSIONS_ENV.clientId),
    callbackUrl: `${consoleBaseUrl}${CONSOLE_CALLBACK_PATH}`,
    logoutRedirectUrl: requiredVariable(CONSOLE_SESSIONS_ENV.signOutUrl),
  });
};

/**
 * The session key in AWS: a Secrets Manager secret (CDK generates 64 letters and digits, used as their UTF-8 bytes)
 * read through the Parameters and Secrets extension on first use and kept for the process; a failed read is not kept.
 * With it, the console's address and the user pool's managed login.
 */
export const awsConsoleSessions = (): ConsoleSessions => {
  const secretId = requiredVariable(CONSOLE_SESSIONS_ENV.keySecretArn);
  const extension = new ParametersSecretsExtension({
    port: Number(optionalVariable(CONSOLE_SESSIONS_ENV.extensionPort) ?? DEFAULT_EXTENSION_PORT),
    sessionToken: requiredVariable(CONSOLE_SESSIONS_ENV.sessionToken),
  });
  const consoleBaseUrl = optionalVariable(CONSOLE_SESSIONS_ENV.baseUrl);
  const managedLogin = managedLoginFromEnv(consoleBaseUrl);
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
    ...(managedLogin ? { managedLogin } : {}),
    ...(consoleBaseUrl ? { consoleBaseUrl } : {}),
  };
};
