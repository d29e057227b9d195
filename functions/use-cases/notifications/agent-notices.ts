import type { Dependencies } from '../../commons/dependencies.js';
import { roundOf, type Assignee, type Case, type ReopenReason } from '../../domain/case.js';
import { UndeclaredCapabilityError } from '../../domain/errors.js';
import type { Store } from '../../domain/store.js';
import { agentAssignedNotificationKey, agentReopenedNotificationKey } from '../../domain/notification-keys.js';
import { sendNotice, type MailDependencies } from './customer-notices.js';

class AgentAddressMissingError extends Error {
  constructor() {
    super('The assigned agent has no address in the directory');
    this.name = 'AgentAddressMissingError';
  }
}

/** What the agent's email needs besides the case: the first response's due time on the store calendar's clock. */
export interface AgentAssignmentNotice {
  timezone: string;
  firstResponseDueAt?: Date | undefined;
  /** The agent's address as the assigning action read it (the outbox carries it); else read from the directory. */
  agentEmail?: string | undefined;
}

/** What every email to an agent says of their case: its number and page, the store, their name, type, order, priority. */
const agentCaseFacts = (value: Case & { assignee: Assignee }, store: Pick<Store, 'name'>) => ({
  caseNumber: value.caseNumber,
  caseId: value.caseId,
  storeName: store.name,
  agentName: value.assignee.name,
  caseType: value.type,
  orderId: value.orderId,
  ...(value.classification ? { priority: value.classification.priority } : {}),
});

/**
 * To the agent a case was just assigned to, whatever assigned it (the workflow, freed capacity, a supervisor, the
 * escalation), in the store's language, with a link to the case's page in the staff console: once per assignment
 * (`agent_assigned_<agentId>_<assignedAt>`). The address comes from the assigning action or the agent directory; an
 * agent gone from it is recorded as a failed notification, like a failed send.
 */
export const notifyAgentAssigned = async (
  dependencies: MailDependencies & Partial<Pick<Dependencies, 'agents'>>,
  value: Case & { assignee: Assignee },
  { timezone, firstResponseDueAt, agentEmail }: AgentAssignmentNotice,
): Promise<void> => {
  const { assignee } = value;
  await sendNotice(dependencies, value, agentAssignedNotificationKey(assignee), async (store) => {
    const to = agentEmail ?? (await agentAddress(dependencies, value.storeId, assignee.agentId));
    return {
      audience: 'agent',
      to: [to],
      template: {
        kind: 'agent_case_assigned',
        ...agentCaseFacts(value, store),
        ...(firstResponseDueAt ? { firstResponseDueAt: firstResponseDueAt.toISOString() } : {}),
        timezone,
      },
    };
  });
};

/**
 * To the agent a reopened case went back to (the one who resolved it): the case is theirs again, why, and a link to its
 * page. Once per round. The customer's `case_reopened` email goes out beside it; a reopening to the unassigned queue
 * sends no agent email (whoever takes it next gets the assignment email).
 */
export const notifyAgentReopened = async (
  dependencies: MailDependencies & Partial<Pick<Dependencies, 'agents'>>,
  value: Case & { assignee: Assignee },
  reason: ReopenReason,
): Promise<void> => {
  const { assignee } = value;
  await sendNotice(dependencies, value, agentReopenedNotificationKey(value, assignee.agentId), async (store) => ({
    audience: 'agent',
    to: [await agentAddress(dependencies, value.storeId, assignee.agentId)],
    template: {
      kind: 'agent_case_reopened',
      ...agentCaseFacts(value, store),
      reason,
      round: roundOf(value),
    },
  }));
};

const agentAddress = async (
  { agents }: Partial<Pick<Dependencies, 'agents'>>,
  storeId: string,
  agentId: string,
): Promise<string> => {
  if (!agents) throw new UndeclaredCapabilityError('tables.agents');
  const agent = await agents.get(storeId, agentId);
  if (!agent?.email) throw new AgentAddressMissingError();
  return agent.email;
};
