import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import type { Capabilities } from '../../wiring/capabilities.js';
import { viaService, type CapabilityGrant } from '../../../infra/capability-resources.js';
import { CONSOLE_SESSIONS_ENV } from './capability.js';

/** The Parameters and Secrets extension layer of a console function: it reads the session key with the function's role. */
export const consoleSessionsExtension = (capabilities: Capabilities): ParamsAndSecretsLayerVersion | undefined =>
  capabilities.consoleSessions
    ? ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
        logLevel: ParamsAndSecretsLogLevel.WARN,
      })
    : undefined;

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
  fn.addToRolePolicy(
    new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [resources.dataKey.keyArn],
      conditions: viaService('secretsmanager'),
    }),
  );
};
