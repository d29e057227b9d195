import { en, zhCN } from 'zod/locales';
import type { core } from 'zod/mini';
import type { Locale } from '../../domain/case-vocabulary.js';
import type { ErrorDetail, ValidationError } from '../../domain/errors.js';
import { zodIssuesOf } from '../../schemas/validate.js';

const ENGLISH = en().localeError;
const CHINESE = zhCN().localeError;

const wording = (map: core.$ZodErrorMap, issue: core.$ZodIssue): string | undefined => {
  const worded = map(issue as unknown as core.$ZodRawIssue);
  return typeof worded === 'string' ? worded : worded?.message;
};

/**
 * A refused form's details in the page's language. The API answers in English (zod's `en` locale); a zh-CN console page
 * words each of zod's own messages with zod's `zhCN` locale instead. A message a schema or use case words itself
 * (a business rule, a limit with its reason) is not zod's default and stays as written.
 */
export const detailsIn = (locale: Locale, error: ValidationError): ErrorDetail[] => {
  const details = error.details ?? [];
  const issues = zodIssuesOf(error);
  if (locale === 'en' || !issues || issues.length !== details.length) return details;
  return details.map((detail, index) => {
    const issue = issues[index] as core.$ZodIssue;
    const chinese = detail.message === wording(ENGLISH, issue) ? wording(CHINESE, issue) : undefined;
    return chinese ? { ...detail, message: chinese } : detail;
  });
};
