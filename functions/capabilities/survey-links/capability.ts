import type { SurveyLinks } from '../../ports/survey-links.js';

export type { SurveyLinks };

/** In a declaration: signs (workflow) or checks (survey page) survey links. */
export interface SurveyLinksCapability {
  surveyLinks?: boolean;
}

export interface SurveyLinksPort {
  surveyLinks: SurveyLinks;
}

/** `surveyLinks: true`: signs (workflow) or checks (survey page) survey links. */
export const surveyLinksGranted = (capabilities: SurveyLinksCapability): boolean => capabilities.surveyLinks === true;
export type GrantedSurveyLinks<C> = C extends { surveyLinks: true } ? 'surveyLinks' : never;

/**
 * The survey key secret's ARN, and either the public base URL (`-c publicBaseUrl=`) or the SSM parameter holding the
 * API's own URL (which a task function cannot reference without a cycle).
 */
export const SURVEY_LINKS_ENV = {
  keySecretArn: 'SURVEY_KEY_SECRET_ARN',
  baseUrl: 'SURVEY_BASE_URL',
  baseUrlParameter: 'SURVEY_BASE_URL_PARAMETER',
  /** Set by the Parameters and Secrets extension's layer (CDK's `paramsAndSecrets`); 2773 when absent. */
  extensionPort: 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
  /** Set by Lambda: the extension answers only requests that carry it. */
  sessionToken: 'AWS_SESSION_TOKEN',
} as const;
