import type { Dependencies } from '../../commons/dependencies.js';
import { logger } from '../../commons/logger.js';
import { roundKey, type Case } from '../../domain/case.js';
import { sendNotice, type MailDependencies } from './customer-notices.js';

/**
 * The staff's emails of the aftercare stage, in the store's language: the revisit to the agent who resolved the case,
 * and to the supervisors when it goes unanswered. Sent once per round, recorded on the timeline; never thrown.
 */
export type AftercareMailDependencies = MailDependencies & Pick<Dependencies, 'agents'>;

/** When the revisit's answer is due, shown on the store calendar's clock (`timezone`). */
export interface RevisitDeadline {
  /** ISO instant. */
  answerDueAt: string;
  timezone: string;
}

/**
 * To the agent who resolved the case, at their address in the agent directory: ask the customer whether the problem
 * came back. An agent gone from the directory (or without an address) cannot answer it: the supervisors get it instead.
 */
export const notifyRevisitDue = async (
  dependencies: AftercareMailDependencies,
  value: Case,
  { agentId, answerDueAt, timezone }: RevisitDeadline & { agentId: string },
): Promise<void> => {
  const resolution = value.resolution;
  if (!resolution) {
    logger.warn('No resolution to revisit', { caseId: value.caseId });
    return;
  }
  await sendNotice(dependencies, value, roundKey(value, 'revisit_due'), async (store) => {
    const agent = await dependencies.agents.get(value.storeId, agentId);
    const agentName = agent?.name ?? (value.assignee?.agentId === agentId ? value.assignee.name : undefined);
    const template = {
      kind: 'revisit_due' as const,
      caseNumber: value.caseNumber,
      caseId: value.caseId,
      storeName: store.name,
      ...(agentName ? { agentName } : {}),
      resolvedAt: resolution.resolvedAt,
      answerDueAt,
      timezone,
      resolutionType: resolution.type,
    };
    return agent?.email ? { audience: 'agent', to: [agent.email], template } : { audience: 'supervisors', template };
  });
};

/** To the store's supervisors: nobody recorded the revisit's answer by its due time. */
export const notifyRevisitOverdue = async (
  dependencies: MailDependencies,
  value: Case,
  { answerDueAt, timezone }: RevisitDeadline,
): Promise<void> =>
  sendNotice(dependencies, value, roundKey(value, 'revisit_overdue'), (store) => ({
    audience: 'supervisors',
    template: {
      kind: 'revisit_overdue',
      caseNumber: value.caseNumber,
      caseId: value.caseId,
      storeName: store.name,
      ...(value.assignee ? { agentName: value.assignee.name } : {}),
      answerDueAt,
      timezone,
    },
  }));
