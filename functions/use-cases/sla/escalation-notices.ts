import type { Dependencies } from '../../commons/dependencies.js';
import { roundKey, type Case } from '../../domain/case.js';
import type { LadderRecipients, LadderStep } from '../../domain/sla/escalation-ladder.js';
import type { SlaMilestone } from '../../domain/sla/sla-policy.js';
import type { Store } from '../../domain/store.js';
import { renderEmail, type EmailTemplate } from '../../email/templates.js';
import { notify, type NotificationAudience, type NotifierDependencies } from '../notifications/notifier.js';
import { staffCaseLink } from '../notifications/console-link.js';

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
 * The key of a ladder step's email (see `notifier.ts`): one per milestone, step and round, e.g.
 * `sla_firstResponse_level_2` or `sla_resolution_warning_r2` (the resolution ladder starts again when a case reopens).
 */
export const ladderNotificationKey = (current: Pick<Case, 'round'>, milestone: SlaMilestone, step: LadderStep) => {
  const key = `sla_${milestone}_${step.kind === 'warning' ? 'warning' : `level_${step.level}`}`;
  return milestone === 'resolution' ? roundKey(current, key) : key;
};

const AUDIENCE_OF: Record<LadderRecipients, NotificationAudience> = {
  assigned_agent: 'agent',
  supervisors: 'supervisors',
  admins: 'admins',
};

/**
 * Emails one ladder step in the store's language, once per key, through the notifier: the key is recorded right after
 * the send, so a retried escalation (its write failed after the emails) skips the steps already emailed. A failure is
 * recorded as `notification_failed` and reported here, never thrown, so the escalation is still recorded; so is a
 * failed read of who to tell (`audiences`, read once per run and only for a step not emailed yet).
 */
export const sendLadderNotice = async (
  dependencies: NotifierDependencies,
  audiences: () => Promise<LadderAudiences>,
  notice: LadderNotice,
): Promise<{ emailed: boolean; error?: string }> => {
  const key = ladderNotificationKey(notice.current, notice.milestone, notice.step);
  const outcome = await notify(dependencies, notice.current, key, async () => {
    const { notified, to } = (await audiences())[notice.step.notify];
    const template = templateOf(notice, notified);
    const email = renderEmail(
      template,
      notice.store.defaultLocale,
      staffCaseLink(dependencies.mailer, notice.current.caseId),
    );
    return { audience: AUDIENCE_OF[notified], email: { to, ...email, tags: { notification: template.kind } } };
  });
  return outcome.status === 'failed' ? { emailed: false, error: outcome.error } : { emailed: true };
};
