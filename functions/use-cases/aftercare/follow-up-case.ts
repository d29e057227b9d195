import type { Dependencies } from '../../commons/dependencies.js';
import { planAftercare, type AftercareAction } from '../../domain/aftercare/aftercare-plan.js';
import { newSurveyTokenId, signSurveyToken } from '../../domain/aftercare/survey-token.js';
import type { CaseSurvey, SurveyAttribution } from '../../domain/aftercare/survey.js';
import { workflowStep, type WorkflowStep } from '../../domain/case-progress.js';
import { caseWithChange, roundOf, type Case } from '../../domain/case.js';
import type { StoreSlaPolicy } from '../../domain/sla/sla-policy.js';
import type { Store } from '../../domain/store.js';
import { SYSTEM, type TimelineEvent, type TimelineEventType } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import type { CaseChange } from '../../ports/case-store.js';
import { notifyRevisitDue, notifyRevisitOverdue } from '../notifications/aftercare-notices.js';
import { notifySurveyInvitation, notifySurveyReminder } from '../notifications/customer-notices.js';
import { currentWorkflowStep } from '../sla/sla-context.js';
import { applyIfStill, loadCase, loadStore } from '../workflow/load-case.js';

export type FollowUpDependencies = Pick<
  Dependencies,
  'cases' | 'stores' | 'agents' | 'mailer' | 'surveyLinks' | 'clock'
>;

interface FollowUpContext {
  dependencies: FollowUpDependencies;
  store: Store;
  policy: StoreSlaPolicy;
  now: Date;
}

/** A case that moved on meanwhile (reopened, answered) is read again and planned afresh, at most this often. */
const ATTEMPTS = 5;

/**
 * The workflow's follow-up step, after a resolution and at each wake-up of the aftercare wait: takes every action now
 * due (see `planAftercare`) — the survey email with its signed link (attributed to the resolving agent), its one
 * reminder, its expiry, the revisit task (scheduled, then opened in the agent's queue and emailed to them, then
 * escalated once to the supervisors), closing — each written with its timeline event before its email goes out, then
 * answers where the case stands: `aftercare` (park until the next step), `finished` (closed, nothing left: the
 * execution ends), or, for a case reopened meanwhile, the progress that sends it back to work.
 * Each write is conditional on the status read; a retried task finds its work done and does nothing twice.
 */
export const followUpCase = async (dependencies: FollowUpDependencies, caseId: string): Promise<WorkflowStep> => {
  let current = await loadCase(dependencies, caseId);
  const [store, policy] = await Promise.all([
    loadStore(dependencies, current.storeId),
    dependencies.stores.getSlaPolicy(current.storeId, { fresh: true }),
  ]);
  const context: FollowUpContext = { dependencies, store, policy, now: dependencies.clock.now() };
  const taken = new Set<AftercareAction['kind']>();
  for (let attempt = 1; attempt <= ATTEMPTS;) {
    const action = planAftercare(current, policy, context.now).due.find(({ kind }) => !taken.has(kind));
    if (!action) break;
    const after = await take(context, current, action);
    if (after) {
      taken.add(action.kind);
      current = after;
    } else {
      attempt += 1;
      current = await loadCase(dependencies, caseId);
    }
  }
  if (current.status !== 'resolved' && current.status !== 'closed') return currentWorkflowStep(dependencies, caseId);
  const plan = planAftercare(current, policy, context.now);
  if (plan.finished) {
    // The last wait's token is spent: the case no longer shows a workflow parked on it.
    if (current.workflowWait) await applyIfStill(dependencies, current, { remove: ['workflowWait'], events: [] });
    return { outcome: 'finished', waitSeconds: 1 };
  }
  const wakeAt = plan.due.length > 0 ? context.now : plan.wakeAt;
  return {
    ...workflowStep(current, { store, now: context.now, ...(wakeAt ? { wakeAt } : {}) }),
    outcome: 'aftercare',
  };
};

/** Writes one action (and sends its email); the case as written, or undefined when the case had moved on. */
const take = async (context: FollowUpContext, current: Case, action: AftercareAction): Promise<Case | undefined> => {
  const { dependencies, now } = context;
  const write = async (change: Omit<CaseChange, 'ifStatusIn'>): Promise<Case | undefined> => {
    const full = { ...change, set: { ...change.set, updatedAt: now.toISOString() } };
    const written = await applyIfStill(dependencies, current, { ...full, ifStatusIn: [current.status] });
    return written ? caseWithChange(current, full) : undefined;
  };
  const event = (
    type: TimelineEventType,
    details: Record<string, unknown>,
    visibility: TimelineEvent['visibility'] = 'internal',
  ) =>
    timelineEvent(current.caseId, now, type, SYSTEM, { visibility, details: { round: roundOf(current), ...details } });
  const timezone = context.policy.calendar.timezone;

  switch (action.kind) {
    case 'schedule_revisit':
      return write({
        set: { revisit: action.revisit },
        events: [event('revisit_scheduled', { dueAt: action.revisit.dueAt, answerDueAt: action.revisit.answerDueAt })],
      });
    case 'send_survey': {
      const survey: CaseSurvey = {
        round: roundOf(current),
        status: 'sent',
        tokenId: newSurveyTokenId(),
        sentAt: now.toISOString(),
        expiresAt: action.expiresAt.toISOString(),
        attribution: attributionOf(current),
      };
      const after = await write({
        set: { survey },
        events: [event('survey_sent', { expiresAt: survey.expiresAt, attribution: survey.attribution }, 'public')],
      });
      if (after) await notifySurveyInvitation(dependencies, after, await surveyEmail(context, after, survey));
      return after;
    }
    case 'remind_survey': {
      const survey = current.survey as CaseSurvey;
      const after = await write({
        set: { survey: { ...survey, reminderSentAt: now.toISOString() } },
        events: [event('survey_reminder_sent', {}, 'public')],
      });
      if (after) await notifySurveyReminder(dependencies, after, await surveyEmail(context, after, survey));
      return after;
    }
    case 'expire_survey':
      return write({
        set: { survey: { ...(current.survey as CaseSurvey), status: 'expired', expiredAt: now.toISOString() } },
        events: [event('survey_expired', {})],
      });
    case 'open_revisit': {
      const revisit = { ...(current.revisit as NonNullable<Case['revisit']>), openedAt: now.toISOString() };
      const after = await write({
        set: { revisit },
        events: [
          event('revisit_due', {
            ...(current.assignee ? { agentId: current.assignee.agentId } : {}),
            answerDueAt: revisit.answerDueAt,
          }),
        ],
      });
      if (after && current.assignee) {
        await notifyRevisitDue(dependencies, after, {
          agentId: current.assignee.agentId,
          answerDueAt: revisit.answerDueAt,
          timezone,
        });
      } else if (after) {
        await notifyRevisitOverdue(dependencies, after, { answerDueAt: revisit.answerDueAt, timezone });
      }
      return after;
    }
    case 'escalate_revisit': {
      const revisit = { ...(current.revisit as NonNullable<Case['revisit']>), escalatedAt: now.toISOString() };
      const after = await write({
        set: { revisit },
        events: [event('revisit_escalated', { answerDueAt: revisit.answerDueAt })],
      });
      if (after) await notifyRevisitOverdue(dependencies, after, { answerDueAt: revisit.answerDueAt, timezone });
      return after;
    }
    case 'close':
      return write({
        set: { status: 'closed', closedAt: now.toISOString() },
        events: [
          timelineEvent(current.caseId, now, 'closed', SYSTEM, {
            from: current.status,
            to: 'closed',
            details: { round: roundOf(current), reason: 'survey_window_ended' },
          }),
        ],
      });
  }
};

/** Whose rating the survey will be, fixed now: the agent who had the case at its resolution, and what it was. */
const attributionOf = (current: Case): SurveyAttribution => {
  const resolution = current.resolution as NonNullable<Case['resolution']>;
  return {
    ...(current.assignee ? { agentId: current.assignee.agentId, agentName: current.assignee.name } : {}),
    resolvedBy: resolution.resolvedBy,
    type: current.type,
    ...(current.classification ? { priority: current.classification.priority } : {}),
    resolutionType: resolution.type,
    rootCause: resolution.rootCause,
    channel: current.channel,
  };
};

const surveyEmail = async (context: FollowUpContext, current: Case, survey: CaseSurvey) => {
  const { surveyLinks } = context.dependencies;
  const token = signSurveyToken(await surveyLinks.signingKey(), {
    caseId: current.caseId,
    round: survey.round,
    expiresAt: new Date(survey.expiresAt),
    tokenId: survey.tokenId,
  });
  return {
    surveyUrl: `${await surveyLinks.baseUrl()}/survey/${token}`,
    expiresAt: survey.expiresAt,
    timezone: context.policy.calendar.timezone,
  };
};
