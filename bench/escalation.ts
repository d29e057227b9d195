import { z } from 'zod';
import { PRIORITIES } from '../functions/domain/case.js';
import { MAX_ESCALATION_LEVEL } from '../functions/domain/sla/sla-policy.js';
import type { Caller } from './api-client.js';
import { fileCase } from './api-client.js';
import { intakeBody } from './intake.js';
import {
  agentWorksTheCase,
  measurePath,
  type PathContext,
  type PathDriver,
  type PathFigures,
  type TaskStates,
} from './lifecycle.js';
import { cycleFigures, escalationStarts, type WorkflowCycleFigures } from './workflow-cycles.js';

/**
 * The SLA policy of the escalated path (`PUT /v1/admin/sla`): always open, so every second counts; the first response
 * due 1 s after filing and the next level every second after it, up to level 3, so the whole ladder runs in about 3 s;
 * the resolution (1 min) does not fall due within the path. No warning (`warnAt` absent).
 */
/**
 * The follow-up stage compressed so each resolved case's execution ends within seconds (the survey sent at once, no
 * reminder, its link expiring after a second, no revisit: the case closes at the expiry). A path's figures then
 * include the whole lifecycle: the survey email and the two follow-up turns.
 */
export const BENCH_FOLLOW_UP = {
  surveyDelay: 'PT0S',
  surveyReminderAfter: 'PT0S',
  surveyExpiresAfter: 'PT1S',
  revisitAfter: 'PT0S',
} as const;

export const FAST_SLA_POLICY = {
  calendar: { timezone: 'Asia/Shanghai', alwaysOpen: true },
  targets: Object.fromEntries(PRIORITIES.map((priority) => [priority, { firstResponse: 'PT1S', resolution: 'PT1M' }])),
  escalation: { repeatEvery: 'PT1S', maxLevel: MAX_ESCALATION_LEVEL },
  ...BENCH_FOLLOW_UP,
};

export interface EscalationFigures {
  store: string;
  /** The SLA policy the path ran with; the store's own is put back right after. */
  policy: typeof FAST_SLA_POLICY;
  /** Each turn of the ladder: the first-response wait timed out, the level due was emailed, the wait parked again. */
  steps: WorkflowCycleFigures[];
}

const slaPolicySchema = z.looseObject({ version: z.int() });

/**
 * Nobody answers the case: it climbs the first response's ladder to the last level (level 1 the agent, 2 the
 * supervisor, 3 the admins, each a turn of the workflow), then its agent opens their queue and the case, replies and
 * resolves it, as on `approvedResolved`. Returns when the ladder's last turn was over (its wait parked again and the
 * stack's DynamoDB client idle), which is where the ladder's windows end and the agent's calls begin.
 */
const driveUpTheLadder =
  (context: PathContext, marks: { ladderEndedAt: number }) =>
  async (driver: PathDriver): Promise<string> => {
    const { probe, stack, meter } = context;
    const caseId = await fileCase(driver.actors.storefront, intakeBody());
    await probe.until(
      caseId,
      `reach escalation level ${MAX_ESCALATION_LEVEL}`,
      (current) => (current.escalation?.ladders.firstResponse?.level ?? 0) >= MAX_ESCALATION_LEVEL,
    );
    const lastStepAt = escalationStarts(await stack.engine.getExecution(caseId)).at(-1) ?? 0;
    await probe.until(
      caseId,
      'park again after the last level',
      (current) =>
        current.workflowWait?.signal === 'firstResponse' && Date.parse(current.workflowWait.since) >= lastStepAt,
    );
    await meter.quiet();
    marks.ladderEndedAt = Date.now();
    await agentWorksTheCase(driver, caseId);
    return caseId;
  };

/**
 * The `escalated` path on store A, after the paths of the mix: admin1 sets the fast SLA policy, one case climbs the
 * ladder and is then answered and resolved, and the store's policy as it was is put back (so nothing later runs on
 * it). The policy changes are not part of the path's figures. Besides the path's totals, each ladder step's own work
 * by time window (the meter journals meanwhile).
 */
export const measureEscalatedPath = async (
  context: PathContext,
  taskStates: TaskStates,
  admin: Caller,
): Promise<{ path: PathFigures; escalation: EscalationFigures }> => {
  const { stack, meter, probe } = context;
  const previous = slaPolicySchema.parse(await admin.get('/v1/admin/sla'));
  const fast = slaPolicySchema.parse(await admin.put('/v1/admin/sla', FAST_SLA_POLICY));
  // The save re-times store A's open cases off the request path: measure once that background work is done.
  await stack.workQueue.settled();
  const marks = { ladderEndedAt: 0 };
  meter.journaling = true;
  try {
    const { caseId, record, figures } = await measurePath(context, taskStates, driveUpTheLadder(context, marks));
    const steps = cycleFigures(
      { record, taskStates, meter, emails: await stack.outbox.list(), timeline: await probe.timeline(caseId) },
      escalationStarts(record).filter((at) => at < marks.ladderEndedAt),
      marks.ladderEndedAt,
    );
    return { path: figures, escalation: { store: 'store-a', policy: FAST_SLA_POLICY, steps } };
  } finally {
    meter.journaling = false;
    await admin.put('/v1/admin/sla', { ...previous, version: fast.version });
    // Store A's open cases must be back on the slow policy before the next measurement's time windows open.
    await stack.workQueue.settled();
  }
};
