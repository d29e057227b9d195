import { SURVEY_COMMENT_MAX_LENGTH, SURVEY_DIMENSIONS, type SurveyDimension } from '../../domain/aftercare/survey.js';
import { NotFoundError, GoneError, ValidationError } from '../../domain/errors.js';
import { htmlResponse, pageRoute } from '../../http/page-route.js';
import { jsonResponse } from '../../http/responses.js';
import { PAGE_WORDS, localeFromAcceptLanguage } from '../../pages/page-words.js';
import {
  renderGone,
  renderNotFound,
  renderSurveyForm,
  renderThanks,
  type SurveyField,
} from '../../pages/survey-page.js';
import { surveyAnswerSchema, surveyPathSchema } from '../../schemas/survey-requests.js';
import { answerSurvey } from '../../use-cases/survey/answer-survey.js';
import { readSurveyLink } from '../../use-cases/survey/survey-link.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsSurveyLinks } from '../../capabilities/survey-links/aws.js';

const ports = routePorts('answerSurvey', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  workflow: awsWorkflow,
  surveyLinks: awsSurveyLinks,
});

const isField = (name: string): name is SurveyField =>
  name === 'comment' || (SURVEY_DIMENSIONS as readonly string[]).includes(name);

/** What the customer sent, to show it again next to the errors. */
const sentValues = (fields: unknown) => {
  const sent = (typeof fields === 'object' && fields !== null ? fields : {}) as Record<string, unknown>;
  const ratings: Partial<Record<SurveyDimension, number>> = {};
  for (const dimension of SURVEY_DIMENSIONS) {
    // Shown checked again only if it is a rating the schema takes ("5" or 5, not "0x5").
    const value = sent[dimension];
    const rating = typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : value;
    if (typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5) {
      ratings[dimension] = rating;
    }
  }
  return { ratings, ...(typeof sent.comment === 'string' ? { comment: sent.comment } : {}) };
};

/**
 * POST /survey/{token}: records the answer once. 200 thank-you page (or `{"status":"recorded"}` for JSON); 400 the
 * form again with each invalid field marked; 410 answered, expired or voided; 404 unknown or tampered.
 */
export const handler = pageRoute(ports, async ({ pathParameters, fields, wantsJson, headers, dependencies }) => {
  const path = surveyPathSchema.safeParse(pathParameters);
  const notFound = () =>
    wantsJson
      ? jsonResponse(404, new NotFoundError('No such survey').toJSON())
      : htmlResponse(404, renderNotFound(localeFromAcceptLanguage(headers['accept-language'])));
  if (!path.success) return notFound();
  const token = path.data.token;
  const parsed = surveyAnswerSchema.safeParse(fields ?? {});
  if (!parsed.success) {
    // The link's state comes first: a closed survey is gone whatever was sent.
    const link = await readSurveyLink(dependencies, token);
    if (link.kind === 'not_found') return notFound();
    if (link.kind === 'gone') {
      return wantsJson
        ? jsonResponse(410, new GoneError(`The survey is ${link.reason}`).toJSON())
        : htmlResponse(410, renderGone(link.page, link.reason));
    }
    const details = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || 'body',
      message: issue.message,
    }));
    if (wantsJson) return jsonResponse(400, new ValidationError('Invalid answer', { details }).toJSON());
    const words = PAGE_WORDS[link.page.locale].errors;
    const errors: Partial<Record<SurveyField, string>> = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (isField(name)) {
        errors[name] =
          name === 'comment'
            ? issue.code === 'too_big'
              ? words.comment(SURVEY_COMMENT_MAX_LENGTH)
              : words.commentText
            : name === 'overall' && sentValues(fields).ratings.overall === undefined
              ? words.overall
              : words.rating;
      }
    }
    if (Object.keys(errors).length === 0) errors.overall = words.unknown;
    return htmlResponse(400, renderSurveyForm({ page: link.page, ...sentValues(fields), errors }));
  }
  const { comment, ...ratings } = parsed.data;
  const result = await answerSurvey(dependencies, token, { ratings, ...(comment ? { comment } : {}) });
  if (result.kind === 'not_found') return notFound();
  if (result.kind === 'gone') {
    return wantsJson
      ? jsonResponse(410, new GoneError(`The survey is ${result.reason}`).toJSON())
      : htmlResponse(410, renderGone(result.page, result.reason));
  }
  return wantsJson ? jsonResponse(200, { status: 'recorded' }) : htmlResponse(200, renderThanks(result.page));
});
