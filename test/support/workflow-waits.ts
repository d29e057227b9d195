import type { Case, WaitSignal } from '../../functions/domain/case.js';
import type { SlaMilestone } from '../../functions/domain/sla/sla-policy.js';
import type { ExecutionRecord } from '../../local/execution-record-store.js';
import { waitFor, type TestStack } from './local-stack.js';
import { caseOf } from './stored-cases.js';
import { WAIT_CEILING_MS } from './wait-ceiling.js';

/** The execution parked on `signal` (its token stored with the case); returns the case then. */
export const parkedOn = (stack: TestStack, caseId: string, signal: WaitSignal): Promise<Case> =>
  waitFor(
    async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return current.workflowWait?.signal === signal ? current : undefined;
    },
    { what: `case ${caseId} parked on ${signal}` },
  );

/**
 * The execution parked again at or after `instant` (an ISO time the case records: a reminder sent, a flag set): the
 * step that ran then has ended, so whatever it was going to do is done, and nothing more happens before the next wake.
 * The check that a step did something only once, without a guessed sleep.
 */
export const parkedAfter = (stack: TestStack, caseId: string, instant: string): Promise<Case> =>
  waitFor(
    async () => {
      const current = await caseOf(stack.dependencies, caseId);
      const since = current.workflowWait?.since;
      return since !== undefined && Date.parse(since) >= Date.parse(instant) ? current : undefined;
    },
    { what: `case ${caseId} parked again after ${instant}` },
  );

/** The execution's record once it has ended (succeeded, failed or aborted). */
export const executionEnded = (stack: TestStack, name: string): Promise<ExecutionRecord> =>
  stack.engine.waitForExecution(name, { timeoutMs: WAIT_CEILING_MS });

/** The escalation level the milestone's ladder has reached: 0 before the first step. */
export const levelOf = (current: Case, milestone: SlaMilestone): number =>
  current.escalation?.ladders[milestone]?.level ?? 0;

/** The case once the milestone's ladder is at `level` or above (levels are seconds apart in these tests). */
export const reachesLevel = (stack: TestStack, caseId: string, milestone: SlaMilestone, level: number): Promise<Case> =>
  waitFor(
    async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return levelOf(current, milestone) >= level ? current : undefined;
    },
    { what: `case ${caseId} at ${milestone} level ${level}`, intervalMs: 200 },
  );
