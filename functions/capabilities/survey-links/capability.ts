import type { Capabilities } from '../../wiring/capabilities.js';

export type { SurveyLinks } from '../../ports/survey-links.js';

/** `surveyLinks: true`: signs (workflow) or checks (survey page) survey links. */
export const surveyLinksGranted = (capabilities: Capabilities): boolean => capabilities.surveyLinks === true;
export type GrantedSurveyLinks<C> = C extends { surveyLinks: true } ? 'surveyLinks' : never;

/**
 * The survey key secret's ARN, and either the public base URL (`-c publicBaseUrl=`) or the SSM parameter holding the
 * API's own URL (which a task function cannot reference without a cycle).
 */
export const SURVEY_LINKS_ENV = {
  keySecretArn: 'SURVEY_KEY_SECRET_ARN',
  baseUrl: 'SURVEY_BASE_URL',
  baseUrlParameter: 'SURVEY_BASE_URL_PARAMETER',
} as const;
