import type { Dependencies } from '../../commons/dependencies.js';
import { verifySurveyToken, type SurveyTokenClaims } from '../../domain/aftercare/survey-token.js';
import { isSurveyOpen, type CaseSurvey } from '../../domain/aftercare/survey.js';
import { CASE_ID_PATTERN, roundOf, type Case, type Locale } from '../../domain/case.js';

/** What a survey page shows around the form: in the customer's language, the store and the case it is about. */
export interface SurveyPageContext {
  locale: Locale;
  storeName: string;
  caseNumber: string;
  expiresAt: string;
}

/** Why a real link no longer takes an answer: answered already, past its expiry, or voided by a reopening. */
export type SurveyGoneReason = 'answered' | 'expired' | 'void';

export type SurveyLinkState =
  | { kind: 'open'; page: SurveyPageContext; current: Case; survey: CaseSurvey; claims: SurveyTokenClaims }
  | { kind: 'gone'; reason: SurveyGoneReason; page: SurveyPageContext }
  /** Tampered, truncated, of no case, or of no survey this case ever sent. */
  | { kind: 'not_found' };

export type SurveyDependencies = Pick<Dependencies, 'cases' | 'stores' | 'surveyLinks' | 'clock'>;

/** The survey a token names: the case's current round's, or a past round's (history) when the case was reopened. */
const surveyOfRound = (current: Case, round: number): CaseSurvey | undefined =>
  round === roundOf(current) ? current.survey : current.rounds?.find((past) => past.round === round)?.survey;

/**
 * Reads the state of a survey link without changing anything (a GET must record nothing: mail scanners open links):
 * the signature first (no read for a forged token), then the case and the survey of the token's round, which must be
 * the very one sent (`tokenId`). A past round's survey is void; the current one is answered, expired or open.
 */
export const readSurveyLink = async (dependencies: SurveyDependencies, token: string): Promise<SurveyLinkState> => {
  const claims = verifySurveyToken(await dependencies.surveyLinks.signingKey(), token);
  if (!claims || !CASE_ID_PATTERN.test(claims.caseId)) return { kind: 'not_found' };
  const current = await dependencies.cases.get(claims.caseId);
  const survey = current && surveyOfRound(current, claims.round);
  if (!current || !survey || survey.tokenId !== claims.tokenId) return { kind: 'not_found' };
  const store = await dependencies.stores.getStore(current.storeId);
  const page: SurveyPageContext = {
    locale: current.customer.locale,
    storeName: store?.name ?? '',
    caseNumber: current.caseNumber,
    expiresAt: survey.expiresAt,
  };
  if (claims.round !== roundOf(current) || survey.status === 'void') return { kind: 'gone', reason: 'void', page };
  if (survey.status === 'answered') return { kind: 'gone', reason: 'answered', page };
  if (!isSurveyOpen(survey, dependencies.clock.now())) return { kind: 'gone', reason: 'expired', page };
  return { kind: 'open', page, current, survey, claims };
};
