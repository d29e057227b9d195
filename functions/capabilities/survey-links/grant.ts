import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CapabilityGrant } from '../../../infra/capability-resources.js';
import { grantSecretRead } from '../../../infra/secret-reading.js';
import { SURVEY_LINKS_ENV } from './capability.js';

/** The key secret (read only) and where links point: a base URL, or the SSM parameter holding it (by name). */
export const grantSurveyLinks: CapabilityGrant = (fn, resources) => {
  if (!fn.capabilities.surveyLinks) return;
  const survey = resources.surveyLinks;
  fn.addEnvironment(SURVEY_LINKS_ENV.keySecretArn, survey.keySecret.secretArn);
  grantSecretRead(fn, survey.keySecret, resources);
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
