import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/dynamo-case-store.js';
import type { Case, WaitSignal } from '../functions/domain/case.js';
import type { TimelineEvent } from '../functions/domain/timeline.js';
import type { ExecutionRecord } from '../local/execution-record-store.js';
import type { LocalStack } from '../local/stack.js';

const POLL_MS = 10;
const TIMEOUT_MS = 20_000;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `attempt` until it returns a value; throws `timedOut()`'s message when TIMEOUT_MS have passed. */
const poll = async <T>(attempt: () => Promise<T | undefined>, timedOut: () => string): Promise<T> => {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(timedOut());
    await sleep(POLL_MS);
  }
};

/**
 * Watches cases from outside the product, on a document client of its own, so that waiting for the workflow to park
 * never shows on the meter of the stack's client. Polling is bounded; a case that never gets there is reported by id.
 */
export class CaseProbe {
  private readonly client: DynamoDBDocumentClient;
  private readonly cases: DynamoCaseStore;

  constructor(private readonly stack: LocalStack) {
    this.client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
    this.cases = new DynamoCaseStore(this.client, stack.tables);
  }

  /** The case's whole timeline, internal events included. */
  async timeline(caseId: string): Promise<TimelineEvent[]> {
    return (await this.cases.getWithTimeline(caseId))?.timeline ?? [];
  }

  /** The case once its workflow has stored the token of `signal`'s wait: the execution is parked, nothing runs. */
  parkedOn(caseId: string, signal: WaitSignal): Promise<Case> {
    return this.until(caseId, `park on ${signal}`, (current) => current.workflowWait?.signal === signal);
  }

  /** The case once `reached` holds; throws with the case's state if its execution ends first or time runs out. */
  async until(caseId: string, goal: string, reached: (current: Case) => boolean): Promise<Case> {
    let current: Case | undefined;
    return poll(
      async () => {
        current = await this.cases.get(caseId);
        if (current && reached(current)) return current;
        const execution = await this.stack.engine.getExecution(caseId);
        if (execution && execution.status !== 'RUNNING') {
          throw new Error(
            `Case ${caseId}: execution ended ${execution.status} (${execution.error ?? ''} ${execution.cause ?? ''}) ` +
              `instead of reaching "${goal}"; case status ${current?.status}`,
          );
        }
        return undefined;
      },
      () =>
        `Case ${caseId} did not ${goal} within ${TIMEOUT_MS} ms: status ${current?.status}, ` +
        `wait ${current?.workflowWait?.signal ?? 'none'}, escalation ${JSON.stringify(current?.escalation ?? null)}, ` +
        `failure ${JSON.stringify(current?.workflowFailure ?? null)}`,
    );
  }

  /** The execution's record once `reached` holds for it (its events are collected as it runs). */
  untilExecution(
    caseId: string,
    goal: string,
    reached: (record: ExecutionRecord) => boolean,
  ): Promise<ExecutionRecord> {
    return poll(
      async () => {
        const record = await this.stack.engine.getExecution(caseId);
        if (record && reached(record)) return record;
        if (record && record.status !== 'RUNNING') {
          throw new Error(`Case ${caseId}: execution ended ${record.status} instead of reaching "${goal}"`);
        }
        return undefined;
      },
      () => `Case ${caseId}: execution did not ${goal} within ${TIMEOUT_MS} ms`,
    );
  }

  /** The execution's record once it has ended; throws with the case id when it is still running after the timeout. */
  async ended(caseId: string) {
    const record = await this.stack.engine.waitForExecution(caseId, { timeoutMs: TIMEOUT_MS });
    if (record.status === 'RUNNING') throw new Error(`Case ${caseId}: execution still RUNNING`);
    return record;
  }

  close(): void {
    this.client.destroy();
  }
}
