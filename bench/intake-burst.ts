import { startLocalStack } from '../local/stack.js';
import { updateAgents } from '../test/support/admin-agents.js';
import { intakeBurst } from '../test/support/intake-burst.js';
import { staffApi } from '../test/support/staff-api.js';
import { round } from './stats.js';

export interface IntakeBurstFigures {
  intakes: number;
  concurrency: number;
  /** Store A's two agents' `maxOpenCases`: room for every case, so every assignment contends for the same two items. */
  agentCapacity: number;
  filed: number;
  rejected: number;
  assigned: number;
  waiting: number;
  /** Workflows that ended failed (must be 0): listed under `GET /v1/staff/cases?failed=true`. */
  failedWorkflows: number;
  /** Failed workflows by recorded state and error. */
  failures: Record<string, number>;
  /** Neither parked nor ended when the settle budget ran out. */
  unsettled: number;
  intakeSeconds: number;
  /** From the first intake until every workflow was parked on its first wait or ended. */
  settleSeconds: number;
  /** Every execution's `StateRetried` events, by state. */
  retries: Record<string, number>;
}

const SETTINGS = { intakes: 400, concurrency: 20, agentCapacity: 500, settleBudgetMs: 600_000 } as const;

/**
 * A storefront's burst on a stack of its own (DynamoDB Local in memory, the definition's own retry intervals and task
 * timeouts, as `npm start` runs them): 400 intakes, 20 at a time, then the wait until every workflow is parked or ended.
 */
export const measureIntakeBurst = async (log: (message: string) => void): Promise<IntakeBurstFigures> => {
  const stack = await startLocalStack({ port: 0, quiet: true });
  try {
    const admin = await staffApi(stack, 'admin1');
    const answers = await updateAgents(admin, { maxOpenCases: SETTINGS.agentCapacity });
    const refused = answers.find((answer) => answer.status !== 200);
    if (refused) throw new Error(`Raising the agents' capacity failed: ${refused.status} ${refused.text}`);
    log(
      `burst: ${SETTINGS.intakes} intakes, ${SETTINGS.concurrency} at a time, agents' capacity ${SETTINGS.agentCapacity}`,
    );
    const outcome = await intakeBurst(stack, SETTINGS);
    const retries: Record<string, number> = {};
    for (const execution of await stack.engine.listExecutions()) {
      for (const event of execution.events ?? []) {
        if (event.type === 'StateRetried' && event.state) retries[event.state] = (retries[event.state] ?? 0) + 1;
      }
    }
    return {
      intakes: SETTINGS.intakes,
      concurrency: SETTINGS.concurrency,
      agentCapacity: SETTINGS.agentCapacity,
      filed: outcome.filed,
      rejected: outcome.rejected,
      assigned: outcome.assigned,
      waiting: outcome.waiting,
      failedWorkflows: outcome.failed,
      failures: outcome.failures,
      unsettled: outcome.unsettled,
      intakeSeconds: round(outcome.intakeMs / 1000, 1),
      settleSeconds: round(outcome.settleMs / 1000, 1),
      retries,
    };
  } finally {
    await stack.stop();
  }
};
