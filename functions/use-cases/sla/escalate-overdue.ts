import type { Dependencies } from '../../commons/dependencies.js';
import { progressOf, type WorkflowStep } from '../../domain/case-progress.js';
import type { Case } from '../../domain/case.js';
import type { SlaAction } from '../../domain/sla/escalation-plan.js';
import { SYSTEM, type TimelineEvent } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { announceAssignment } from '../notifications/announce-assignment.js';
import { assignForWork } from '../workflow/assign-for-work.js';
import { loadCase } from '../workflow/load-case.js';
import { ladderAudiences, sendLadderNotice, type LadderAudiences } from './escalation-notices.js';
import { reassignOverdue } from './reassign-overdue.js';
import { loadSlaContext, stepOf, type SlaContext } from './sla-context.js';
import { endCustomerWait } from './end-customer-wait.js';
import { syncDeadlines } from './sync-deadlines.js';

/**
 * The workflow's escalation step, run when a milestone wait times out (`States.Timeout`): the wait's timeout is the
 * time left to the next SLA step, so this is when something falls due. In order:
 * 1. a case still unassigned gets another try at an agent (capacity may have freed without a signal);
 * 2. every SLA action due now (see `planEscalation`): each breach is recorded, each ladder step emailed once per key
 *    (`sla_<milestone>_level_<n>`, the key recorded on the case right after its send; level 2 first moves a case away
 *    from an agent no longer available);
 * 3. the steps taken are written on the case with their timeline events in one write, and its due times synced;
 *    the recipients are read once per run, the case is not read again after the write;
 * 3b. a case awaiting the customer gets its reminder, or at the store's limit is resolved or flagged (read again then);
 * 4. returns where the case stands and how long to wait for the next step, which sends the workflow back into the
 *    right wait (or on, when a lost signal had left it waiting for something that already happened).
 * Run twice (a retried task), it finds the steps taken and does nothing more. Should the write of step 3 fail after
 * the emails went out, the retry takes the same steps again but finds their keys recorded and sends none of them
 * twice; only a crash between one email and its key's record can repeat that one email (at least once per key).
 */
export const escalateOverdue = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'workflow' | 'clock'>,
  caseId: string,
): Promise<WorkflowStep> => {
  // The policy as saved: a warm function's cached copy may predate a change that re-timed this very wait.
  let context = await loadSlaContext(dependencies, caseId, { freshPolicy: true });
  if (progressOf(context.current) === 'approved') {
    await assignForWork(dependencies, caseId);
    context = await loadSlaContext(dependencies, caseId);
  }
  if (context.plan.due.length > 0) {
    // The plan already looks past the steps it takes (its wakeAt is the next one), so the case is not read again.
    context = { ...context, current: await takeDueActions(dependencies, context), plan: { ...context.plan, due: [] } };
  }
  // A case parked on the customer: the reminder, then the store's outcome at the limit (see `endCustomerWait`).
  if (await endCustomerWait(dependencies, context)) context = await loadSlaContext(dependencies, caseId);
  await syncDeadlines(dependencies, context);
  return stepOf(context);
};

/** Takes the due actions and writes them; returns the case as written. */
const takeDueActions = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'clock'>,
  context: SlaContext,
): Promise<Case> => {
  const { plan, now } = context;
  const allowsReassignment = plan.due.some(
    (action) => action.kind === 'ladder' && action.step.kind === 'escalation' && action.step.reassignmentAllowed,
  );
  const reassignedTo = allowsReassignment ? await reassignOverdue(dependencies, context.current) : undefined;
  const current = reassignedTo ? await loadCase(dependencies, context.current.caseId) : context.current;
  if (reassignedTo) await announceAssignment(dependencies, current);
  const handledBy = context.current.assignee?.name;
  // Read once, and only when a ladder step is due (a breach recorded after closing emails nobody). A failed read fails
  // the emails that need it (each recorded as notification_failed), never the escalation.
  let audiences: Promise<LadderAudiences> | undefined;
  const audiencesOf = (): Promise<LadderAudiences> =>
    (audiences ??= ladderAudiences(dependencies, current, context.store));
  const events: TimelineEvent[] = [];
  for (const action of plan.due) {
    events.push(
      action.kind === 'breach'
        ? breachEvent(current, now, action)
        : await ladderEvent(dependencies, audiencesOf, { ...context, current }, action, {
            handledBy,
            reassignedTo: reassignedTo?.name,
          }),
    );
  }
  const set = { escalation: plan.escalation, updatedAt: now.toISOString() };
  await dependencies.cases.update(current, { set, events });
  return { ...current, ...set };
};

const breachEvent = (current: Case, now: Date, { milestone, dueAt }: Extract<SlaAction, { kind: 'breach' }>) =>
  timelineEvent(current.caseId, now, 'sla_breached', SYSTEM, {
    visibility: 'internal',
    details: { milestone, dueAt: dueAt.toISOString() },
  });

const ladderEvent = async (
  dependencies: Pick<Dependencies, 'cases' | 'mailer' | 'clock'>,
  audiences: () => Promise<LadderAudiences>,
  { current, store, policy, now }: SlaContext,
  { step, milestone }: Extract<SlaAction, { kind: 'ladder' }>,
  { handledBy, reassignedTo }: { handledBy?: string | undefined; reassignedTo?: string | undefined },
): Promise<TimelineEvent> => {
  const reassigned = step.kind === 'escalation' && step.reassignmentAllowed ? reassignedTo : undefined;
  const notice = await sendLadderNotice(dependencies, audiences, {
    current,
    store,
    timezone: policy.calendar.timezone,
    milestone,
    step,
    ...(handledBy ? { assigneeName: handledBy } : {}),
    ...(reassigned ? { reassignedTo: reassigned } : {}),
  });
  const details = {
    milestone,
    dueAt: step.dueAt.toISOString(),
    notified: step.notify,
    emailed: notice.emailed,
    ...(notice.error ? { emailError: notice.error } : {}),
  };
  if (step.kind === 'warning') {
    return timelineEvent(current.caseId, now, 'sla_warning', SYSTEM, { visibility: 'internal', details });
  }
  return timelineEvent(current.caseId, now, 'escalated', SYSTEM, {
    visibility: 'internal',
    to: String(step.level),
    details: { ...details, level: step.level, ...(reassigned ? { reassignedTo: reassigned } : {}) },
  });
};
