import type { Case, WaitSignal } from '../../functions/domain/case.js';
import type { SlaMilestone } from '../../functions/domain/sla/sla-policy.js';
import { waitFor, type TestStack } from './local-stack.js';
import { caseOf } from './stored-cases.js';

/** The execution parked on `signal` (its token stored with the case); returns the case then. */
export const parkedOn = (stack: TestStack, caseId: string, signal: WaitSignal, timeoutMs = 15_000): Promise<Case> =>
  waitFor(
    async () => {
      const current = await caseOf(stack.dependencies, caseId);
      return current.workflowWait?.signal === signal ? current : undefined;
    },
    { timeoutMs },
  );

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
    { timeoutMs: 30_000, intervalMs: 200 },
  );
