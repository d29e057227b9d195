import type { Dependencies } from '../../commons/dependencies.js';
import type { Agent } from '../../domain/agent.js';
import { rankCandidates } from '../../domain/assignment.js';
import type { Case, CaseStatus } from '../../domain/case.js';
import { AgentUnavailableError, StateConflictError, TransientError } from '../../domain/errors.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { loadCase } from '../workflow/load-case.js';
import { ASSIGNMENT_ACTOR, assignmentChange } from './assignment-change.js';
import { backOff, retryableOrThrow } from './contention.js';

export type AutoAssignResult =
  /** `assigned` is the case as the assignment left it. */
  | { outcome: 'assigned'; agent: Agent; assigned: Case }
  /** No eligible agent has capacity: the case stays `open` in the unassigned queue. */
  | { outcome: 'unassigned' }
  /** The case is no longer `open` and unassigned (assigned meanwhile, cancelled, ...): nothing was done. */
  | { outcome: 'not_waiting' };

type AutoAssignDependencies = Pick<Dependencies, 'cases' | 'agents' | 'clock'>;

/**
 * Re-reads of the directory after the chosen agent's load changed meanwhile; each one sees the new loads. Under a burst
 * each round assigns at least one case per agent, so a round count a little above the store's free capacity suffices.
 */
const MAX_CANDIDATE_ROUNDS = 40;

/**
 * How far above the load it ranked on a case may still take an agent, after losing `lostRaces` races for one. Under a
 * burst every waiting case ranks the same agent first and only one exact-load take per agent wins a round: N cases
 * would cost N² directory reads and writes (and a task timeout for the last ones). The slack doubles with each lost
 * race after the first {@link EXACT_LOAD_RACES}, up to {@link MAX_LOAD_SLACK}, so a burst is assigned in a few rounds and the spread stays within that many cases.
 * Losers also back off with jitter before ranking again.
 */
export const MAX_LOAD_SLACK = 8;
/** Lost races that still rank at the exact load: a small burst (a few cases per agent) stays balanced to within one. */
const EXACT_LOAD_RACES = 2;
const loadSlack = (lostRaces: number): number =>
  lostRaces <= EXACT_LOAD_RACES ? 0 : Math.min(MAX_LOAD_SLACK, 2 ** (lostRaces - EXACT_LOAD_RACES - 1));

/** `awaiting_customer` too: a case asked for evidence at approval waits for an agent and the customer at once. */
export const AGENT_WAITING_STATUSES: readonly CaseStatus[] = ['open', 'awaiting_customer'];

const isWaitingForAgent = (value: Case): boolean =>
  AGENT_WAITING_STATUSES.includes(value.status) && value.assignee === undefined;

/**
 * CONTRACT: picks the best eligible agent (`domain/assignment.ts`) for an unassigned case waiting for one (see
 * `AGENT_WAITING_STATUSES`) and assigns it in one transaction with the agent's load; ranks again (after a jittered
 * backoff, allowing a little more load each time: `loadSlack`) when one is taken meanwhile; retries transaction
 * conflicts with backoff (then `TransientError`). Sends no email and signals nothing: callers do. Without a candidate the case keeps its status and, the first time, gets an internal
 * `queued_unassigned` event.
 */
export const autoAssign = async (dependencies: AutoAssignDependencies, caseId: string): Promise<AutoAssignResult> => {
  let conflicts = 0;
  let lostRaces = 0;
  for (let round = 1; round <= MAX_CANDIDATE_ROUNDS; round += 1) {
    const current = await loadCase(dependencies, caseId);
    if (!isWaitingForAgent(current)) return { outcome: 'not_waiting' };
    // Consistent read: a load taken by a concurrent assignment is seen, so a full agent is not tried twice.
    const [best] = rankCandidates(await dependencies.agents.list(current.storeId), current);
    if (!best) {
      await recordQueuedOnce(dependencies, caseId);
      return { outcome: 'unassigned' };
    }
    const now = dependencies.clock.now();
    const { change, assigned } = assignmentChange(
      current,
      best,
      { actor: ASSIGNMENT_ACTOR, assignedBy: 'assignment' },
      now,
    );
    try {
      // Only at the load it was ranked on (plus the slack earned by lost races): a concurrent assignment to this agent
      // sends us back to rank again.
      await dependencies.cases.update(current, {
        ...change,
        agentLoad: {
          ...change.agentLoad,
          at: now.toISOString(),
          take: {
            storeId: best.storeId,
            agentId: best.agentId,
            ifOpenCasesAtMost: best.openCases + loadSlack(lostRaces),
          },
        },
      });
      return {
        outcome: 'assigned',
        agent: { ...best, openCases: best.openCases + 1, lastAssignedAt: now.toISOString() },
        assigned,
      };
    } catch (error) {
      if (error instanceof StateConflictError) return { outcome: 'not_waiting' };
      if (error instanceof AgentUnavailableError) {
        lostRaces += 1;
        await backOff(lostRaces);
        continue;
      }
      conflicts += 1;
      retryableOrThrow(error, conflicts);
      await backOff(conflicts);
    }
  }
  throw new TransientError(`Case ${caseId}: every chosen agent was taken meanwhile`);
};

/** The internal `queued_unassigned` event, once per case (it is not repeated when a later try still finds nobody). */
const recordQueuedOnce = async (dependencies: AutoAssignDependencies, caseId: string): Promise<void> => {
  const found = await dependencies.cases.getWithTimeline(caseId);
  if (!found || !isWaitingForAgent(found.case)) return;
  if (found.timeline.some((event) => event.type === 'queued_unassigned')) return;
  try {
    await dependencies.cases.update(found.case, {
      ifStatusIn: [found.case.status],
      ifAssignee: null,
      events: [
        timelineEvent(caseId, dependencies.clock.now(), 'queued_unassigned', ASSIGNMENT_ACTOR, {
          visibility: 'internal',
        }),
      ],
    });
  } catch (error) {
    // Assigned or cancelled meanwhile: it is no longer queued.
    if (!(error instanceof StateConflictError)) throw error;
  }
};
