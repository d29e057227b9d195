import { revisitViewStatus, type CaseRevisit } from '../../domain/aftercare/revisit.js';
import { surveyViewStatus, type CaseSurvey } from '../../domain/aftercare/survey.js';
import { roundOf, type Case, type CaseRound } from '../../domain/case.js';

/** What the storefront may show of the follow-up: the survey's and the revisit's state, never the link or its token. */
export const customerAftercareView = (value: Case, now: Date) => {
  const resolved = value.status === 'resolved' || value.status === 'closed';
  const survey = surveyViewStatus(value.survey, now) ?? (resolved ? 'pending' : undefined);
  return {
    round: roundOf(value),
    survey: survey ? { status: survey, answeredAt: value.survey?.answeredAt ?? null } : null,
    revisit: value.revisit
      ? {
          status: revisitViewStatus(value.revisit, now),
          dueAt: value.revisit.dueAt,
          outcome: value.revisit.outcome ?? null,
        }
      : null,
    closedAt: value.closedAt ?? null,
    linkedCaseId: value.linkedCaseId ?? null,
  };
};

/** Staff see the survey's ratings, comment and attribution; the token's random part stays in the store. */
const staffSurveyView = ({ tokenId: _tokenId, ...survey }: CaseSurvey, now: Date) => ({
  ...survey,
  viewStatus: surveyViewStatus(survey, now),
});

const staffRevisitView = (revisit: CaseRevisit, now: Date) => ({ ...revisit, status: revisitViewStatus(revisit, now) });

const staffRoundView = (round: CaseRound, now: Date) => ({
  ...round,
  survey: round.survey ? staffSurveyView(round.survey, now) : null,
  revisit: round.revisit ? staffRevisitView(round.revisit, now) : null,
});

/** The current round's survey and revisit, and every earlier round (resolution, survey, revisit, reopening). */
export const staffAftercareView = (value: Case, now: Date) => ({
  round: roundOf(value),
  survey: value.survey ? staffSurveyView(value.survey, now) : null,
  revisit: value.revisit ? staffRevisitView(value.revisit, now) : null,
  rounds: (value.rounds ?? []).map((round) => staffRoundView(round, now)),
  reopenedAt: value.reopenedAt ?? null,
  closedAt: value.closedAt ?? null,
  linkedCaseId: value.linkedCaseId ?? null,
});
