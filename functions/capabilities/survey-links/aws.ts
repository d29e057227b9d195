import { AwsSurveyLinks } from '../../adapters/survey/aws-survey-links.js';
import { ParametersSecretsExtension } from '../../adapters/survey/parameters-secrets-extension.js';
import { optionalVariable, requiredVariable } from '../../commons/config.js';
import { SURVEY_LINKS_ENV, type SurveyLinks } from './capability.js';

/** The extension's own default port, when the function's environment names none. */
const DEFAULT_EXTENSION_PORT = 2773;

/**
 * Reads its variables now (`SURVEY_KEY_SECRET_ARN`, `SURVEY_BASE_URL` or `SURVEY_BASE_URL_PARAMETER`, the extension's
 * port and the session token Lambda sets); the values on first use, through the Parameters and Secrets extension.
 */
export const awsSurveyLinks = (): SurveyLinks => {
  const keySecretId = requiredVariable(SURVEY_LINKS_ENV.keySecretArn);
  // The public base URL when the deployment names one (`-c publicBaseUrl=`), else the parameter holding the API's URL.
  const url = optionalVariable(SURVEY_LINKS_ENV.baseUrl);
  const parameterName = url === undefined ? requiredVariable(SURVEY_LINKS_ENV.baseUrlParameter) : undefined;
  // No client to keep: each read is one GET on localhost, and the adapter keeps the values for the process.
  const extension = new ParametersSecretsExtension({
    port: Number(optionalVariable(SURVEY_LINKS_ENV.extensionPort) ?? DEFAULT_EXTENSION_PORT),
    sessionToken: requiredVariable(SURVEY_LINKS_ENV.sessionToken),
  });
  return new AwsSurveyLinks({
    secrets: extension.secrets,
    keySecretId,
    baseUrl: parameterName === undefined ? { url: url as string } : { parameterName, parameters: extension.parameters },
  });
};
