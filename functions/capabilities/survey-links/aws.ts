import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { AwsSurveyLinks } from '../../adapters/survey/aws-survey-links.js';
import { optionalVariable, requiredVariable } from '../../commons/config.js';
import { SURVEY_LINKS_ENV, type SurveyLinks } from './capability.js';

/** The process's one client of each service (made on the first call), behind Powertools. */
let providers: { secrets: SecretsProvider; parameters: SSMProvider } | undefined;

/** Reads its variables now (`SURVEY_KEY_SECRET_ARN`, `SURVEY_BASE_URL` or `SURVEY_BASE_URL_PARAMETER`); the values on first use. */
export const awsSurveyLinks = (): SurveyLinks => {
  const keySecretId = requiredVariable(SURVEY_LINKS_ENV.keySecretArn);
  // The public base URL when the deployment names one (`-c publicBaseUrl=`), else the parameter holding the API's URL.
  const url = optionalVariable(SURVEY_LINKS_ENV.baseUrl);
  const parameterName = url === undefined ? requiredVariable(SURVEY_LINKS_ENV.baseUrlParameter) : undefined;
  providers ??= {
    secrets: new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient({}) }),
    parameters: new SSMProvider({ awsSdkV3Client: new SSMClient({}) }),
  };
  return new AwsSurveyLinks({
    secrets: providers.secrets,
    keySecretId,
    baseUrl: parameterName === undefined ? { url: url as string } : { parameterName, parameters: providers.parameters },
  });
};
