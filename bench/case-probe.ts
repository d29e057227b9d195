import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/dynamo-case-store.js';
import type { Case, WaitSignal } from '../functions/domain/case.js';
import type { LocalStack } from '../local/stack.js';

const POLL_MS = 10;
const TIMEOUT_MS = 20_000;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

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

  read(caseId: string): Promise<Case | undefined> {
    return this.cases.get(caseId);
  }

  /** The case once its workflow has stored the token of `signal`'s wait: the execution is parked, nothing runs. */
  async parkedOn(caseId: string, signal: WaitSignal): Promise<Case> {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const current = await this.cases.get(caseId);
      if (current?.workflowWait?.signal === signal) return current;
      const execution = await this.stack.engine.getExecution(caseId);
      if (execution && execution.status !== 'RUNNING') {
        throw new Error(
          `Case ${caseId}: execution ended ${execution.status} (${execution.error ?? ''} ${execution.cause ?? ''}) ` +
            `instead of parking on ${signal}; case status ${current?.status}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Case ${caseId} did not park on ${signal} within ${TIMEOUT_MS} ms: status ${current?.status}, ` +
            `wait ${current?.workflowWait?.signal ?? 'none'}, failure ${JSON.stringify(current?.workflowFailure ?? null)}`,
        );
      }
      await sleep(POLL_MS);
    }
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
