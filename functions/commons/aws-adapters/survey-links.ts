import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { AwsSurveyLinks } from '../../adapters/survey/aws-survey-links.js';
import type { SurveyLinks } from '../../ports/survey-links.js';
import { surveyLinksConfigFromEnv } from '../config.js';

/** The process's one client of each service (this module is loaded once, on the first call), behind Powertools. */
const secrets = new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient({}) });
const parameters = new SSMProvider({ awsSdkV3Client: new SSMClient({}) });

/** Reads its variables now (`SURVEY_KEY_SECRET_ARN`, `SURVEY_BASE_URL` or `SURVEY_BASE_URL_PARAMETER`); the values on first use. */
export const createSurveyLinks = (): SurveyLinks => {
  const config = surveyLinksConfigFromEnv();
  return new AwsSurveyLinks({
    secrets,
    keySecretId: config.keySecretArn,
    baseUrl: 'url' in config.baseUrl ? config.baseUrl : { parameterName: config.baseUrl.parameterName, parameters },
  });
};
