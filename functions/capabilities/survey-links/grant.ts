import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import type { Capabilities } from '../../wiring/capabilities.js';
import { viaService, type CapabilityGrant } from '../../../infra/capability-resources.js';
import { SURVEY_LINKS_ENV } from './capability.js';

/**
 * The AWS Parameters and Secrets Lambda Extension (an AWS layer) of a function that declares survey links: it reads the
 * key secret and the base-URL parameter with the function's role (the grants below), so the bundle carries no SSM or
 * Secrets Manager client. A layer is a property of the function, so `ServiceFunction` asks for it when it is built.
 */
export const surveyLinksExtension = (capabilities: Capabilities): ParamsAndSecretsLayerVersion | undefined =>
  capabilities.surveyLinks
    ? ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
        logLevel: ParamsAndSecretsLogLevel.WARN,
      })
    : undefined;

/** The key secret (read only) and where links point: a base URL, or the SSM parameter holding it (by name). */
export const grantSurveyLinks: CapabilityGrant = (fn, resources) => {
  if (!fn.capabilities.surveyLinks) return;
  const survey = resources.surveyLinks;
  fn.addEnvironment(SURVEY_LINKS_ENV.keySecretArn, survey.keySecret.secretArn);
  // What `secret.grantRead` grants, narrowed and kept in the function's own policy: GetSecretValue on this secret
  // only (no DescribeSecret), and kms:Decrypt on the data key through Secrets Manager only. `grantRead` would put
  // the kms:Decrypt in the key's policy instead, one principal per function.
  fn.addToRolePolicy(
    new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [survey.keySecret.secretArn] }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [resources.dataKey.keyArn],
      conditions: viaService('secretsmanager'),
    }),
  );
  if ('url' in survey.baseUrl) {
    fn.addEnvironment(SURVEY_LINKS_ENV.baseUrl, survey.baseUrl.url);
  } else {
    // By name, not by a reference to the parameter: the parameter holds the API's URL (see `Survey`).
    fn.addEnvironment(SURVEY_LINKS_ENV.baseUrlParameter, survey.baseUrl.parameterName);
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [survey.baseUrl.parameterArn] }),
    );
  }
};
