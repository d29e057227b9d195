import { SURVEY_DIMENSIONS, type SurveyAnswer } from '../../domain/aftercare/survey.js';
import { StateConflictError } from '../../domain/errors.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import type { Dependencies } from '../../commons/dependencies.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import {
  readSurveyLink,
  type SurveyDependencies,
  type SurveyLinkState,
  type SurveyPageContext,
} from './survey-link.js';

export type SurveyAnswerResult =
  { kind: 'recorded'; page: SurveyPageContext } | Exclude<SurveyLinkState, { kind: 'open' }>;

/**
 * Records a survey answer (`POST /survey/{token}`), once:
 * - the link must be open (see `readSurveyLink`): otherwise the same answer as a GET (404 unknown, 410 gone);
 * - one conditional write, on the survey still being this token's and still `sent`, sets the ratings, comment and
 *   time, with a public `survey_answered` event carrying the ratings, comment and the attribution fixed at sending
 *   (so the KPIs are recomputable from timelines); a concurrent second answer or a reopening in between loses the
 *   condition, is read again and answered `gone`;
 * - then the workflow is signalled (a store without revisits closes the case on the answer).
 */
export const answerSurvey = async (
  dependencies: SurveyDependencies & Pick<Dependencies, 'workflow'>,
  token: string,
  answer: SurveyAnswer,
): Promise<SurveyAnswerResult> => {
  const link = await readSurveyLink(dependencies, token);
  if (link.kind !== 'open') return link;
  const { current, survey } = link;
  const now = dependencies.clock.now();
  const ratings = Object.fromEntries(
    SURVEY_DIMENSIONS.flatMap((dimension) =>
      answer.ratings[dimension] === undefined ? [] : [[dimension, answer.ratings[dimension]]],
    ),
  ) as SurveyAnswer['ratings'];
  try {
    await dependencies.cases.update(current, {
      ifSurveyOpen: { tokenId: survey.tokenId },
      set: {
        survey: {
          ...survey,
          status: 'answered',
          answeredAt: now.toISOString(),
          ratings,
          ...(answer.comment ? { comment: answer.comment } : {}),
        },
        updatedAt: now.toISOString(),
      },
      events: [
        timelineEvent(
          current.caseId,
          now,
          'survey_answered',
          { kind: 'customer', id: current.customer.id },
          {
            details: {
              round: survey.round,
              ratings,
              ...(answer.comment ? { comment: answer.comment } : {}),
              attribution: survey.attribution,
              sentAt: survey.sentAt,
            },
          },
        ),
      ],
    });
  } catch (error) {
    if (!(error instanceof StateConflictError)) throw error;
    const latest = await readSurveyLink(dependencies, token);
    return latest.kind === 'open' ? { kind: 'gone', reason: 'answered', page: latest.page } : latest;
  }
  await signalWorkflow(dependencies, current.caseId);
  return { kind: 'recorded', page: link.page };
};
