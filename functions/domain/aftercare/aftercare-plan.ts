import { roundOf, type Case } from '../case.js';
import { durationToSeconds } from '../duration.js';
import { addBusinessDuration } from '../sla/business-duration.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { CaseRevisit } from './revisit.js';

/**
 * What follows a resolution, as one plan over the case: the survey (sent `surveyDelay` after the resolution, one
 * reminder `surveyReminderAfter` after sending if unanswered, expiring `surveyExpiresAfter` after sending), the
 * revisit (a task for the resolving agent `revisitAfter` of business time after the resolution, escalated to the
 * supervisors once when unanswered `revisitAnswerWithin` later), and closing. Pure: the workflow's follow-up step
 * takes the actions due and parks until `wakeAt`.
 * - A revisit's `ok` closes the case (an API action); with revisits off (`revisitAfter` zero) the case closes once the
 *   survey is answered or expires.
 * - A closed case still gets its survey and the one reminder when they are due; its workflow ends (`finished`) once
 *   nothing is left to send. Expiry needs no step then: an expired link is refused by its own date.
 */
export type AftercareAction =
  | { kind: 'schedule_revisit'; revisit: CaseRevisit }
  | { kind: 'send_survey'; expiresAt: Date }
  | { kind: 'remind_survey' }
  | { kind: 'expire_survey' }
  | { kind: 'open_revisit' }
  | { kind: 'escalate_revisit' }
  | { kind: 'close' };

export interface AftercarePlan {
  /** Due now, in the order to take them. */
  due: AftercareAction[];
  /** The next time something falls due; absent when nothing will without an action by someone. */
  wakeAt?: Date;
  /** Closed and nothing left to send: the lifecycle is over. */
  finished: boolean;
}

export type AftercarePolicy = Pick<
  SlaPolicy,
  'calendar' | 'surveyDelay' | 'surveyReminderAfter' | 'surveyExpiresAfter' | 'revisitAfter' | 'revisitAnswerWithin'
>;

const after = (start: Date | string, duration: string): Date =>
  new Date(new Date(start).getTime() + durationToSeconds(duration) * 1000);

export const revisitsEnabled = (policy: Pick<SlaPolicy, 'revisitAfter'>): boolean =>
  durationToSeconds(policy.revisitAfter) > 0;

/** The revisit of a round resolved at `resolvedAt`: due `revisitAfter` later in business time. */
export const scheduledRevisit = (policy: AftercarePolicy, round: number, resolvedAt: Date): CaseRevisit => {
  const dueAt = addBusinessDuration(policy.calendar, resolvedAt, policy.revisitAfter);
  return {
    round,
    dueAt: dueAt.toISOString(),
    answerDueAt: addBusinessDuration(policy.calendar, dueAt, policy.revisitAnswerWithin).toISOString(),
  };
};

/** When the one reminder goes out, or undefined when there is none (turned off, or not before the link expires). */
const reminderAt = (policy: AftercarePolicy, survey: NonNullable<Case['survey']>): Date | undefined => {
  if (durationToSeconds(policy.surveyReminderAfter) <= 0) return undefined;
  const at = after(survey.sentAt, policy.surveyReminderAfter);
  return at.getTime() < Date.parse(survey.expiresAt) ? at : undefined;
};

export const planAftercare = (
  current: Pick<Case, 'status' | 'resolution' | 'survey' | 'revisit' | 'round'>,
  policy: AftercarePolicy,
  now: Date,
): AftercarePlan => {
  const resolution = current.resolution;
  if ((current.status !== 'resolved' && current.status !== 'closed') || !resolution) {
    return { due: [], finished: false };
  }
  const due: AftercareAction[] = [];
  const later: Date[] = [];
  const at = (time: Date, action: AftercareAction): void => {
    if (time.getTime() <= now.getTime()) due.push(action);
    else later.push(time);
  };
  const open = current.status === 'resolved';
  let surveyPending = false;
  let surveySettled = false;

  if (open && revisitsEnabled(policy) && !current.revisit) {
    due.push({
      kind: 'schedule_revisit',
      revisit: scheduledRevisit(policy, roundOf(current), new Date(resolution.resolvedAt)),
    });
  }

  const survey = current.survey;
  if (!survey) {
    surveyPending = true;
    const sendAt = after(resolution.resolvedAt, policy.surveyDelay);
    at(sendAt, { kind: 'send_survey', expiresAt: after(sendAt > now ? sendAt : now, policy.surveyExpiresAfter) });
  } else if (survey.status === 'sent') {
    const expiresAt = new Date(survey.expiresAt);
    const remindAt = survey.reminderSentAt ? undefined : reminderAt(policy, survey);
    if (expiresAt.getTime() <= now.getTime()) {
      due.push({ kind: 'expire_survey' });
      surveySettled = true;
    } else {
      if (remindAt) {
        surveyPending = true;
        at(remindAt, { kind: 'remind_survey' });
      }
      // Only an open case waits for the expiry: without revisits it closes then.
      if (open) later.push(expiresAt);
    }
  } else {
    surveySettled = true;
  }

  const revisit = current.revisit;
  if (open && revisit && !revisit.outcome) {
    if (!revisit.openedAt) at(new Date(revisit.dueAt), { kind: 'open_revisit' });
    else if (!revisit.escalatedAt) at(new Date(revisit.answerDueAt), { kind: 'escalate_revisit' });
  }

  if (open && !revisitsEnabled(policy) && surveySettled) due.push({ kind: 'close' });

  const wakeAt = later.sort((a, b) => a.getTime() - b.getTime())[0];
  return { due, ...(wakeAt ? { wakeAt } : {}), finished: !open && !surveyPending && due.length === 0 };
};
