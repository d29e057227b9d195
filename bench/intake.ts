import { TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toCaseItem, toEventItem } from '../functions/adapters/dynamodb/case-items.js';
import { caseNumberDay, formatCaseNumber } from '../functions/domain/case-number.js';
import { IDEMPOTENCY_TTL_SECONDS, requestHash } from '../functions/domain/idempotency.js';
import type { Store } from '../functions/domain/store.js';
import { submittedCase } from '../functions/use-cases/file-case.js';
import type { CaseRequestBody } from '../functions/schemas/case-request.js';
import { returnRequest } from '../test/support/case-requests.js';
import { percentile, round } from './stats.js';

export interface LatencySummary {
  count: number;
  errors: number;
  wallMs: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export const summarize = (latencies: number[], errors: number, wallMs: number): LatencySummary => ({
  count: latencies.length,
  errors,
  wallMs: round(wallMs, 1),
  rps: round(wallMs > 0 ? (latencies.length / wallMs) * 1000 : 0, 1),
  p50Ms: round(percentile(latencies, 50)),
  p95Ms: round(percentile(latencies, 95)),
  p99Ms: round(percentile(latencies, 99)),
});

let sequence = 0;

/** The bench's customer; `intakeBody` spreads the cases over 50 customer ids. */
export const BENCH_CUSTOMER = { email: 'bench@example.com', name: 'Bench Customer', locale: 'en' } as const;

/** A valid in-window return (test/support's `returnRequest`) with a unique order; override what a path is about. */
export const intakeBody = (overrides: Partial<CaseRequestBody> = {}, deliveredDaysAgo?: number): CaseRequestBody => {
  sequence += 1;
  return returnRequest(
    {
      orderId: `SO-BENCH-${process.pid}-${sequence}`,
      customer: { id: `c-bench-${sequence % 50}`, ...BENCH_CUSTOMER },
      ...overrides,
    },
    deliveredDaysAgo,
  );
};

/**
 * Runs `total` operations with `concurrency` workers; stops early once `deadline` (epoch ms) has passed.
 * Returns each completed operation's latency and the wall time.
 */
export const runClosedLoop = async (
  total: number,
  concurrency: number,
  deadline: number,
  operation: () => Promise<boolean>,
): Promise<{ latencies: number[]; errors: number; wallMs: number }> => {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < total && Date.now() < deadline) {
      issued += 1;
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await operation();
      } catch {
        ok = false;
      }
      if (ok) latencies.push(performance.now() - t0);
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, wallMs: performance.now() - started };
};

/** One intake through the local API Gateway (with an Idempotency-Key, as storefronts send). */
export const apiIntake = (url: string, apiKey: string) => async (): Promise<boolean> => {
  sequence += 1;
  const response = await fetch(`${url}/v1/cases`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': apiKey,
      'idempotency-key': `bench-${process.pid}-${sequence}`,
    },
    body: JSON.stringify(intakeBody()),
  });
  await response.arrayBuffer();
  return response.status === 201;
};

/** What the floor needs of the store: the case number's day and prefix. */
export type FloorStore = Pick<Store, 'storeId' | 'timezone' | 'caseNumberPrefix'>;

/**
 * The database floor of one intake: the same writes `fileCase` makes (counter UpdateItem, then one TransactWriteItems
 * of the idempotency record, the case and its first timeline event, with the same item shapes), sent directly.
 */
export const floorIntake =
  (client: DynamoDBDocumentClient, tables: { cases: string; stores: string; idempotency: string }, store: FloorStore) =>
  async (): Promise<boolean> => {
    sequence += 1;
    // Taken before the first await: concurrent workers move `sequence` on.
    const idempotencyKey = `floor-${process.pid}-${sequence}`;
    const request = intakeBody();
    const now = new Date();
    const day = caseNumberDay(now, store.timezone);
    const counter = await client.send(
      new UpdateCommand({
        TableName: tables.stores,
        Key: { pk: `STORE#${store.storeId}`, sk: `CASENO#${day}` },
        UpdateExpression: 'ADD #last :one',
        ExpressionAttributeNames: { '#last': 'last' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const { filed, submitted: event } = submittedCase(
      store,
      request,
      formatCaseNumber(store.caseNumberPrefix, day, Number(counter.Attributes?.last)),
      now,
    );
    const caseId = filed.caseId;
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tables.idempotency,
              Item: {
                pk: `${store.storeId}#${idempotencyKey}`,
                storeId: store.storeId,
                idempotencyKey,
                requestHash: requestHash(request),
                caseId,
                expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: { TableName: tables.cases, Item: toCaseItem(filed), ConditionExpression: 'attribute_not_exists(pk)' },
          },
          { Put: { TableName: tables.cases, Item: toEventItem(event) } },
        ],
      }),
    );
    return true;
  };
