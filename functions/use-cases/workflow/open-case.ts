import type { Dependencies } from '../../commons/dependencies.js';
import type { WorkflowStep } from '../../domain/case-progress.js';
import type { Case } from '../../domain/case.js';
import { assignedNotificationKey } from '../../domain/notification-keys.js';
import { requestsEvidence } from '../../domain/policy/review-case.js';
import { renderEmail } from '../../email/templates.js';
import { autoAssign } from '../assignment/auto-assign.js';
import { announceAssignment } from '../notifications/announce-assignment.js';
import { notifyUnassigned } from '../notifications/customer-notices.js';
import { notify, wasNotified } from '../notifications/notifier.js';
import { loadSlaContext, stepOf } from '../sla/sla-context.js';
import { syncDeadlines } from '../sla/sync-deadlines.js';
import { classifyForWork } from './classify-for-work.js';
import { loadStore } from './load-case.js';
import { requestEvidence } from './request-evidence.js';
import { settleDecision } from './settle-decision.js';

/** What opening a case for work touches: the workflow step's declaration grants exactly these. */
export type OpeningPorts = Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'clock'>;

export const ACKNOWLEDGEMENT_NOTICE = 'case_acknowledged';

/**
 * The acknowledgement with the case number; it names the agent when the case is already assigned and the customer was
 * not told so in an email of its own (an assignment by staff before the opening).
 */
const acknowledge = async (dependencies: OpeningPorts, current: Case): Promise<void> => {
  if (wasNotified(current, ACKNOWLEDGEMENT_NOTICE)) return;
  const store = await loadStore(dependencies, current.storeId);
  await notify(dependencies, current, ACKNOWLEDGEMENT_NOTICE, () => ({
    audience: 'customer',
    email: {
      to: [current.customer.email],
      ...renderEmail(
        {
          kind: 'case_acknowledged',
          caseNumber: current.caseNumber,
          customerName: current.customer.name,
          storeName: store.name,
          caseType: current.type,
          ...(current.assignee && !wasNotified(current, assignedNotificationKey(current.assignee))
            ? { agentName: current.assignee.name }
            : {}),
        },
        current.customer.locale,
      ),
    },
  }));
};

/**
 * Approved (by policy or a supervisor), in one workflow step: the case opens, waits for evidence when the approval
 * asks for it (`requestEvidence`), is classified and assigned to the best eligible agent (else it stays in the
 * unassigned queue and the supervisors are told), and its due times are set. One step instead of three saves two state
 * transitions per case; assigning before the acknowledgement lets one email tell the customer both the case number and
 * who handles it. A case asked for evidence gets its acknowledgement before the evidence request (that email refers to
 * it) and then the assignment's own email. Run again, each part finds its work done. Returns where the case stands and
 * how long to wait, which routes the workflow to the matching wait.
 */
export const openForWork = async (dependencies: OpeningPorts, caseId: string): Promise<WorkflowStep> => {
  const { status, latest } = await settleDecision(dependencies, caseId, 'open');
  const opened = status === 'open';
  if (opened && latest.decision && requestsEvidence(latest.decision.reasons)) {
    await acknowledge(dependencies, latest);
    await requestEvidence(dependencies, latest);
  }
  await classifyForWork(dependencies, caseId);
  const assignment = await autoAssign(dependencies, caseId);
  const context = await loadSlaContext(dependencies, caseId);
  const current = context.current;
  const acknowledgedBefore = wasNotified(current, ACKNOWLEDGEMENT_NOTICE);
  if (opened) await acknowledge(dependencies, current);
  if (assignment.outcome === 'assigned') {
    // Told in the acknowledgement unless that went out before the assignment (a case asked for evidence, a retry).
    await announceAssignment(dependencies, current, { toCustomer: acknowledgedBefore || !opened });
  }
  if (assignment.outcome === 'unassigned') await notifyUnassigned(dependencies, current);
  await syncDeadlines(dependencies, context);
  return stepOf(context);
};
