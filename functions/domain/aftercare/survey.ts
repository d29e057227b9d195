import type { CaseType, Channel, Priority, ResolutionType, RootCause } from '../case-vocabulary.js';

/** The satisfaction survey sent after each resolution (seed 004's questionnaire): five ratings and a comment. */

export const SURVEY_DIMENSIONS = ['overall', 'attitude', 'professionalism', 'problemSolving', 'speed'] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Characters of the comment kept, after trimming; a longer one is refused (400), never cut silently. */
export const SURVEY_COMMENT_MAX_LENGTH = 2000;

/** `overall` is required; the other dimensions are optional. Integers 1 to 5. */
export type SurveyRatings = { overall: number } & Partial<Record<Exclude<SurveyDimension, 'overall'>, number>>;

export interface SurveyAnswer {
  ratings: SurveyRatings;
  /** Trimmed; absent when empty. */
  comment?: string;
}

/**
 * Whose rating it is, fixed when the survey is sent: the agent who resolved the case and what the case was, so a later
 * reassignment or reclassification never moves a rating to someone else.
 */
export interface SurveyAttribution {
  /** The agent assigned when the case was resolved; absent when a supervisor resolved an unassigned case. */
  agentId?: string;
  agentName?: string;
  /** The staff user who resolved it. */
  resolvedBy: string;
  type: CaseType;
  priority?: Priority;
  resolutionType: ResolutionType;
  rootCause: RootCause;
  channel: Channel;
}

/** `sent` until answered; `expired` once the workflow saw its window end; `void` when the case was reopened first. */
export const SURVEY_STATUSES = ['sent', 'answered', 'expired', 'void'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** One round's survey, on the case. The token is never stored: it is derived from these fields and the signing key. */
export interface CaseSurvey {
  round: number;
  status: SurveyStatus;
  /** The token's random part (128 bits, base64url): what makes one round's link unique and unguessable. */
  tokenId: string;
  sentAt: string;
  expiresAt: string;
  reminderSentAt?: string;
  answeredAt?: string;
  expiredAt?: string;
  attribution: SurveyAttribution;
  ratings?: SurveyRatings;
  comment?: string;
}

/** What the customer (storefront) sees of the survey: `pending` between resolution and the survey email. */
export type SurveyViewStatus = 'pending' | 'sent' | 'answered' | 'expired';

export const surveyViewStatus = (
  survey: Pick<CaseSurvey, 'status' | 'expiresAt'> | undefined,
  now: Date,
): SurveyViewStatus | undefined => {
  if (!survey) return undefined;
  if (survey.status === 'answered') return 'answered';
  if (survey.status === 'sent' && now.getTime() < Date.parse(survey.expiresAt)) return 'sent';
  return 'expired';
};

/** Whether a survey link may still be answered at `now`. */
export const isSurveyOpen = (survey: CaseSurvey, now: Date): boolean =>
  survey.status === 'sent' && now.getTime() < Date.parse(survey.expiresAt);
