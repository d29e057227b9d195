import type { Dependencies } from '../../commons/dependencies.js';
import { planAftercare } from '../../domain/aftercare/aftercare-plan.js';
import { awaitingCustomerPlanOf } from '../../domain/awaiting-customer.js';
import { workflowStep, type WorkflowStep } from '../../domain/case-progress.js';
import type { Case } from '../../domain/case.js';
import { NotFoundError } from '../../domain/errors.js';
import { caseSla, type CaseSla } from '../../domain/sla/case-sla.js';
import { planEscalation, type EscalationPlan } from '../../domain/sla/escalation-plan.js';
import type { StoreSlaPolicy } from '../../domain/sla/sla-policy.js';
import type { Store } from '../../domain/store.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { loadStore } from '../workflow/load-case.js';

/** A case with everything its SLA is computed from, read once: the case and its timeline, its store, the SLA policy. */
export interface SlaContext {
  current: Case;
  timeline: TimelineEvent[];
  store: Store;
  policy: StoreSlaPolicy;
  now: Date;
  sla?: CaseSla;
  plan: EscalationPlan;
}

export type SlaDependencies = Pick<Dependencies, 'cases' | 'stores' | 'clock'>;

export interface SlaPolicySource {
  /** Read the store's policy consistently, past any cache. */
  freshPolicy?: boolean;
  /** The store's policy as the caller already read it (a retime after a save): used as it is, not read again. */
  policy?: StoreSlaPolicy;
}

export const loadSlaContext = async (
  dependencies: SlaDependencies,
  caseId: string,
  { freshPolicy = false, policy: given }: SlaPolicySource = {},
): Promise<SlaContext> => {
  const found = await dependencies.cases.getWithTimeline(caseId);
  if (!found) throw new NotFoundError(`Case ${caseId} not found`);
  const { case: current, timeline } = found;
  const [store, policy] = await Promise.all([
    loadStore(dependencies, current.storeId),
    given ?? dependencies.stores.getSlaPolicy(current.storeId, { fresh: freshPolicy }),
  ]);
  const now = dependencies.clock.now();
  const sla = caseSla({ current, timeline, policy, now });
  const plan = planEscalation({
    sla,
    escalation: current.escalation,
    policy,
    assigned: current.assignee !== undefined,
    now,
  });
  return { current, timeline, store, policy, now, ...(sla ? { sla } : {}), plan };
};

const isFollowingUp = (current: Case): boolean => current.status === 'resolved' || current.status === 'closed';

/** After resolution the follow-up plan times the wait: "now" when an action is due or the lifecycle is over. */
const aftercareWakeAt = (current: Case, policy: StoreSlaPolicy, now: Date): Date | undefined => {
  const aftercare = planAftercare(current, policy, now);
  return aftercare.due.length > 0 || aftercare.finished ? now : aftercare.wakeAt;
};

/**
 * Where the case stands for the workflow, and how long its next wait may park: until the next SLA step is due, or a
 * second when one is due already (a policy change, a late approval), so the escalation step takes it at once.
 */
export const stepOf = ({ current, timeline, store, now, plan, policy }: SlaContext): WorkflowStep => {
  const slaWakeAt = isFollowingUp(current)
    ? aftercareWakeAt(current, policy, now)
    : plan.due.length > 0
      ? now
      : plan.wakeAt;
  // The resolution clock stands still while the customer is awaited: the wait's own reminder and limit wake it.
  const wakeAt = earliest(slaWakeAt, customerWaitWakeAt(current, timeline, store, now));
  return workflowStep(current, { store, now, ...(wakeAt ? { wakeAt } : {}) });
};

const customerWaitWakeAt = (
  current: Case,
  timeline: readonly TimelineEvent[],
  store: Store,
  now: Date,
): Date | undefined => {
  const wait = awaitingCustomerPlanOf(current, timeline, store, now);
  return wait.due ? now : wait.wakeAt;
};

const earliest = (a: Date | undefined, b: Date | undefined): Date | undefined =>
  a && b ? (a.getTime() <= b.getTime() ? a : b) : (a ?? b);

export const currentWorkflowStep = async (dependencies: SlaDependencies, caseId: string): Promise<WorkflowStep> =>
  stepOf(await loadSlaContext(dependencies, caseId));

/** The SLA of a case already read with its timeline (the views): the store's policy is read, through its cache. */
export const slaOfCase = async (
  { stores, clock }: Pick<Dependencies, 'stores' | 'clock'>,
  current: Case,
  timeline: readonly TimelineEvent[],
): Promise<{ sla?: CaseSla; timezone: string }> => {
  const policy = await stores.getSlaPolicy(current.storeId);
  const sla = caseSla({ current, timeline, policy, now: clock.now() });
  return { ...(sla ? { sla } : {}), timezone: policy.calendar.timezone };
};
