import { htmlResponse, pageRoute } from '../../http/page-route.js';
import { localeFromAcceptLanguage } from '../../pages/page-words.js';
import { renderGone, renderNotFound, renderSurveyForm } from '../../pages/survey-page.js';
import { surveyPageQuerySchema, surveyPathSchema } from '../../schemas/survey-requests.js';
import { readSurveyLink } from '../../use-cases/survey/survey-link.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores } from '../../capabilities/tables/aws.js';
import { awsSurveyLinks } from '../../capabilities/survey-links/aws.js';

const ports = routePorts('getSurvey', { cases: awsCases, stores: awsStores, surveyLinks: awsSurveyLinks });

/**
 * GET /survey/{token}: the survey form (200), `?overall=N` preselected; 410 answered, expired or voided; 404 unknown.
 * Records nothing: mail scanners and link previews open every link.
 */
export const handler = pageRoute(ports, async ({ pathParameters, query, headers, dependencies }) => {
  const path = surveyPathSchema.safeParse(pathParameters);
  const link = path.success ? await readSurveyLink(dependencies, path.data.token) : { kind: 'not_found' as const };
  if (link.kind === 'not_found') {
    return htmlResponse(404, renderNotFound(localeFromAcceptLanguage(headers['accept-language'])));
  }
  if (link.kind === 'gone') return htmlResponse(410, renderGone(link.page, link.reason));
  const { overall } = surveyPageQuerySchema.parse(query);
  return htmlResponse(200, renderSurveyForm({ page: link.page, ratings: overall ? { overall } : {} }));
});
