import type { CapabilityGrant } from '../../../infra/capability-resources.js';
import { grantSecretRead } from '../../../infra/secret-reading.js';
import { CONSOLE_SESSIONS_ENV } from './capability.js';

/** The session key secret, read only: GetSecretValue on it, kms:Decrypt through Secrets Manager only. */
export const grantConsoleSessions: CapabilityGrant = (fn, resources) => {
  if (!fn.capabilities.consoleSessions) return;
  const secret = resources.consoleSessionKey;
  fn.addEnvironment(CONSOLE_SESSIONS_ENV.keySecretArn, secret.secretArn);
  const baseUrl = resources.mail.consoleBaseUrl;
  if (baseUrl) fn.addEnvironment(CONSOLE_SESSIONS_ENV.baseUrl, baseUrl);
  const signIn = resources.consoleSignIn;
  // Public identifiers, not secrets: the client has no secret (PKCE), and the pool's keys are public.
  if (signIn && baseUrl) {
    fn.addEnvironment(CONSOLE_SESSIONS_ENV.signInDomainUrl, signIn.domainUrl);
    fn.addEnvironment(CONSOLE_SESSIONS_ENV.userPoolId, signIn.userPoolId);
    fn.addEnvironment(CONSOLE_SESSIONS_ENV.clientId, signIn.clientId);
    fn.addEnvironment(CONSOLE_SESSIONS_ENV.signOutUrl, signIn.signOutUrl);
  }
  grantSecretRead(fn, secret, resources);
};
