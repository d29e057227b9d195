import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Capabilities } from '../functions/wiring/capabilities.js';
import { viaService, type CapabilityResources, type GrantTarget } from './capability-resources.js';

/**
 * The AWS Parameters and Secrets Lambda Extension (an AWS layer) of a function that reads a secret or parameter through
 * it (survey links, console sessions): it reads with the function's role, so the bundle carries no SSM or Secrets
 * Manager client. A layer is a property of the function, so `ServiceFunction` asks for it when it is built; one layer
 * serves every capability that needs it.
 */
export const parametersAndSecretsExtension = (capabilities: Capabilities): ParamsAndSecretsLayerVersion | undefined =>
  capabilities.surveyLinks || capabilities.consoleSessions
    ? ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
        logLevel: ParamsAndSecretsLogLevel.WARN,
      })
    : undefined;

/**
 * What `secret.grantRead` grants, narrowed and kept in the function's own policy: GetSecretValue on this secret only
 * (no DescribeSecret), and kms:Decrypt on the data key through Secrets Manager only. `grantRead` would put the
 * kms:Decrypt in the key's policy instead, one principal per function.
 */
export const grantSecretRead = (fn: GrantTarget, secret: ISecret, resources: Pick<CapabilityResources, 'dataKey'>) => {
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
