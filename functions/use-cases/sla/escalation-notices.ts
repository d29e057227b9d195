import type { Dependencies } from '../../commons/dependencies.js';
import { errorName, logger } from '../../commons/logger.js';
import type { Case } from '../../domain/case.js';
import type { LadderRecipients, LadderStep } from '../../domain/sla/escalation-ladder.js';
import type { SlaMilestone } from '../../domain/sla/sla-policy.js';
import type { Store } from '../../domain/store.js';
import { renderEmail, type EmailTemplate } from '../../email/templates.js';

/** For each group the ladder may notify: who is addressed in fact (a stand-in when it has nobody) and their emails. */
export type LadderAudiences = Record<LadderRecipients, { notified: LadderRecipients; to: string[] }>;

/**
 * Who hears of each ladder step, read once per escalation run: the assigned agent (the store's supervisors while
 * unassigned or when the agent has no address); the agent's own supervisor when the directory knows them, else the
 * store's supervisors; the store's admins, else its supervisors, so a level never goes unheard.
 */
export const ladderAudiences = async (
  { agents }: Pick<Dependencies, 'agents'>,
  current: Case,
  store: Store,
): Promise<LadderAudiences> => {
  const agent = current.assignee ? await agents.get(current.storeId, current.assignee.agentId) : undefined;
  const supervisor = agent?.supervisorId ? await agents.get(current.storeId, agent.supervisorId) : undefined;
  const admins = store.adminEmails ?? [];
  const supervisors = { notified: 'supervisors' as const, to: store.supervisorEmails };
  return {
    assigned_agent: agent?.email ? { notified: 'assigned_agent', to: [agent.email] } : supervisors,
    supervisors: supervisor?.email ? { notified: 'supervisors', to: [supervisor.email] } : supervisors,
    admins: admins.length > 0 ? { notified: 'admins', to: admins } : supervisors,
  };
};

export interface LadderNotice {
  current: Case;
  store: Store;
  timezone: string;
  milestone: SlaMilestone;
  step: LadderStep;
  /** Who handled the case when the step fell due (before any reassignment it made). */
  assigneeName?: string;
  reassignedTo?: string;
}

const templateOf = (
  { current, store, timezone, milestone, step, assigneeName, reassignedTo }: LadderNotice,
  notified: LadderRecipients,
): EmailTemplate => {
  const common = {
    caseNumber: current.caseNumber,
    caseId: current.caseId,
    storeName: store.name,
    priority: current.classification?.priority ?? 'P4',
    milestone,
    dueAt: step.dueAt.toISOString(),
    timezone,
  };
  if (step.kind === 'warning') return { kind: 'sla_warning', ...common };
  return {
    kind: 'sla_escalated',
    ...common,
    level: step.level,
    notified,
    ...(assigneeName ? { assigneeName } : {}),
    reassignmentAllowed: step.reassignmentAllowed,
    ...(reassignedTo ? { reassignedTo } : {}),
  };
};

/**
 * Emails one ladder step in the store's language. Returns whether it went out: a failure is logged by name only
 * (addresses stay out of logs) and reported, never thrown, so the escalation is still recorded.
 */
export const sendLadderNotice = async (
  { mailer }: Pick<Dependencies, 'mailer'>,
  audiences: LadderAudiences,
  notice: LadderNotice,
): Promise<{ sent: boolean; recipients: number; error?: string }> => {
  const { notified, to } = audiences[notice.step.notify];
  if (to.length === 0) return { sent: false, recipients: 0, error: 'NoRecipients' };
  const template = templateOf(notice, notified);
  try {
    const email = renderEmail(template, notice.store.defaultLocale);
    await mailer.send({ to, ...email, tags: { notification: template.kind } });
    return { sent: true, recipients: to.length };
  } catch (error) {
    const name = errorName(error);
    logger.error('SLA notice failed', { caseId: notice.current.caseId, notification: template.kind, error: name });
    return { sent: false, recipients: to.length, error: name };
  }
};
