import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseCreationTransaction, counterLastOf } from '../functions/adapters/dynamodb/case-creation-items.js';
import { CaseNumberBlocks } from '../functions/adapters/dynamodb/case-number-blocks.js';
import { cancellationReasons } from '../functions/adapters/dynamodb/dynamo-errors.js';
import { transactWrite } from '../functions/adapters/dynamodb/transact-write.js';
import { caseNumberDay, formatCaseNumber } from '../functions/domain/case-number.js';
import { idempotencyExpiry, requestHash } from '../functions/domain/idempotency.js';
import { intakeQuota } from '../functions/domain/intake-limit.js';
import { caseKpiFacts, type KpiFactOptions } from '../functions/domain/kpi/case-kpi-facts.js';
import { EMPTY_FACTS, kpiDelta } from '../functions/domain/kpi/kpi-delta.js';
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

/** What the floor needs of the store: the case number's day and prefix, its intake limit. */
export type FloorStore = Pick<Store, 'storeId' | 'timezone' | 'caseNumberPrefix' | 'intakeLimitPerCustomerPerHour'>;

/**
 * The database floor of one intake: the items `fileCase` writes, in one TransactWriteItems built with the case store's
 * own `caseCreationTransaction` (idempotency record, the customer's counter of the hour, case, first event, KPI
 * counters, and the claim of a case-number block when the number opens one, from its own `CaseNumberBlocks` on the
 * same counter as another container would), sent directly: no HTTP, no validation, no cached reads.
 */
export const floorIntake = (
  client: DynamoDBDocumentClient,
  tables: { cases: string; stores: string; idempotency: string; kpis: string },
  store: FloorStore,
  kpiContext: KpiFactOptions,
) => {
  const numbers = new CaseNumberBlocks();
  /** One attempt; false when the claim of a block met another container's (the counter moved): try again. */
  const attempt = async (idempotencyKey: string, request: CaseRequestBody): Promise<boolean> => {
    const now = new Date();
    const day = caseNumberDay(now, store.timezone);
    const taken = await numbers.take(store.storeId, day);
    const { filed, submitted } = submittedCase(
      store,
      request,
      formatCaseNumber(store.caseNumberPrefix, day, taken.sequence),
      now,
    );
    const { items, counterIndex } = caseCreationTransaction(
      tables,
      filed,
      submitted,
      {
        idempotency: {
          storeId: store.storeId,
          idempotencyKey,
          requestHash: requestHash(request),
          caseId: filed.caseId,
          expiresAt: idempotencyExpiry(now),
        },
        quota: intakeQuota(store, request.customer.id, now),
        kpi: kpiDelta(EMPTY_FACTS, caseKpiFacts(filed, [submitted], kpiContext)),
      },
      taken,
    );
    try {
      await transactWrite(client, items);
      numbers.settle(taken, { committed: true });
      return true;
    } catch (error) {
      const reason = counterIndex === undefined ? undefined : cancellationReasons(error)[counterIndex];
      if (reason?.Code !== 'ConditionalCheckFailed') {
        numbers.settle(taken, { committed: false });
        throw error;
      }
      // The floor's claim met the API's (same counter): learn the counter as the case store does.
      numbers.settle(taken, { committed: false, counterLast: counterLastOf(reason.Item) });
      return false;
    }
  };
  return async (): Promise<boolean> => {
    sequence += 1;
    // Taken before the first await: concurrent workers move `sequence` on.
    const idempotencyKey = `floor-${process.pid}-${sequence}`;
    const request = intakeBody();
    for (let tries = 1; tries <= 3; tries += 1) if (await attempt(idempotencyKey, request)) return true;
    return false;
  };
};
