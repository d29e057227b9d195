import type { Case } from '../../functions/domain/case.js';
import type { LocalStack } from '../../local/stack.js';
import { returnRequest } from './case-requests.js';

/** Where a burst's case ended up once its workflow stopped moving. */
export interface BurstOutcome {
  /** Cases filed (201). */
  filed: number;
  /** Intakes answered with anything but 201. */
  rejected: number;
  /** The rejected intakes' status and error code (`503 service_busy`, `0 fetch failed`), with how many. */
  rejections: Record<string, number>;
  /** Parked on the first-response wait with an agent. */
  assigned: number;
  /** Parked on the assignment wait: the store's unassigned queue. */
  waiting: number;
  /** Execution FAILED or the case records a workflow failure. */
  failed: number;
  /** Neither parked nor ended when the settle budget ran out. */
  unsettled: number;
  /** The failed cases' recorded state and error (`AutoReview States.Timeout`), with how many. */
  failures: Record<string, number>;
  intakeMs: number;
  /** From the first intake until every workflow was parked or ended. */
  settleMs: number;
}

export interface BurstOptions {
  intakes: number;
  concurrency: number;
  /** Gives up waiting for the workflows after this long (the cases still moving count as unsettled). */
  settleBudgetMs: number;
  /** The storefront key (store A's by default). */
  apiKey?: string;
}

type Settled = 'assigned' | 'waiting' | 'failed';

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const settledAs = (current: Case | undefined, executionStatus: string | undefined): Settled | undefined => {
  if (executionStatus === 'FAILED' || current?.workflowFailure) return 'failed';
  if (current?.workflowWait?.signal === 'firstResponse' && current.assignee) return 'assigned';
  if (current?.workflowWait?.signal === 'assignment' && !current.assignee) return 'waiting';
  return undefined;
};

/**
 * A storefront's burst: `intakes` returns filed over HTTP by `concurrency` callers at once, each a distinct order and
 * customer, then waits (polling once a second) until every case's workflow is parked on its first wait or ended.
 */
export const intakeBurst = async (
  stack: Pick<LocalStack, 'url' | 'apiKeys' | 'engine' | 'dependencies'>,
  { intakes, concurrency, settleBudgetMs, apiKey = stack.apiKeys.storeA }: BurstOptions,
): Promise<BurstOutcome> => {
  const began = performance.now();
  const caseIds: string[] = [];
  let rejected = 0;
  const rejections: Record<string, number> = {};
  let next = 0;
  const run = `${process.pid}-${Date.now()}`;
  const caller = async () => {
    while (next < intakes) {
      next += 1;
      const body = returnRequest({
        orderId: `SO-BURST-${run}-${next}`,
        customer: {
          id: `c-burst-${run}-${next}`,
          email: `burst${next}@example.com`,
          name: 'Burst Customer',
          locale: 'en',
        },
      });
      const response = await fetch(`${stack.url}/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify(body),
      }).catch((error: unknown) => error as Error);
      const answer =
        response instanceof Error
          ? undefined
          : ((await response.json().catch(() => undefined)) as
              { caseId?: string; error?: { code?: string } } | undefined);
      if (!(response instanceof Error) && response.status === 201 && answer?.caseId) caseIds.push(answer.caseId);
      else {
        rejected += 1;
        const key =
          response instanceof Error ? `0 ${response.message}` : `${response.status} ${answer?.error?.code ?? ''}`;
        rejections[key] = (rejections[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const intakeMs = performance.now() - began;

  const outcomes = new Map<string, Settled>();
  const deadline = Date.now() + settleBudgetMs;
  for (;;) {
    for (const caseId of caseIds) {
      if (outcomes.has(caseId)) continue;
      const execution = await stack.engine.getExecution(caseId);
      const outcome = settledAs(await stack.dependencies.cases.get(caseId), execution?.status);
      if (outcome) outcomes.set(caseId, outcome);
    }
    if (outcomes.size === caseIds.length || Date.now() >= deadline) break;
    await sleep(1_000);
  }
  const settleMs = performance.now() - began;

  const failures: Record<string, number> = {};
  let count = { assigned: 0, waiting: 0, failed: 0 };
  for (const [caseId, outcome] of outcomes) {
    count = { ...count, [outcome]: count[outcome] + 1 };
    if (outcome !== 'failed') continue;
    const failure = (await stack.dependencies.cases.get(caseId))?.workflowFailure;
    const key = failure ? `${failure.state} ${failure.error}` : 'unrecorded';
    failures[key] = (failures[key] ?? 0) + 1;
  }
  return {
    filed: caseIds.length,
    rejected,
    rejections,
    ...count,
    unsettled: caseIds.length - outcomes.size,
    failures,
    intakeMs: Math.round(intakeMs),
    settleMs: Math.round(settleMs),
  };
};
