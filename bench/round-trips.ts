import type { LocalStack } from '../local/stack.js';
import { decideManualReview } from '../functions/use-cases/decide-manual-review.js';
import type { DynamoMeter, MeterSnapshot } from './dynamo-meter.js';
import { intakeBody } from './intake.js';
import { median, round } from './stats.js';

export interface OperationFigures {
  /** Median DynamoDB round trips per call, with the store configuration cached (the warm path). */
  roundTrips: number;
  /** The fewest round trips the operation could make, and why. */
  minimum: number;
  minimumWhy: string;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  byOperation: Record<string, number>;
  samples: number;
  /** Round trips of each sample (a store-cache refresh adds GetItems now and then). */
  perSample: number[];
}

const MINIMUMS: Record<string, { minimum: number; why: string }> = {
  createCase: {
    minimum: 1,
    why: 'one TransactWriteItems (case, first event, idempotency record), configuration cached',
  },
  getCase: { minimum: 1, why: 'one Query pk=CASE#<id> (case and timeline)' },
  listCases: { minimum: 1, why: 'one Query on byCustomer' },
  checkEligibility: { minimum: 1, why: 'one Query on byOrder (duplicate check), policy cached' },
  createAttachment: { minimum: 0, why: 'store cached; the upload URL is signed locally' },
  decideManualReview: { minimum: 2, why: 'one conditional TransactWriteItems, one read of the parked task token' },
};

const SAMPLES = 5;

/**
 * Each API operation, called SAMPLES times right after a warm-up call (so cached store configuration is warm), with
 * workflow starts held back so only the operation's own DynamoDB calls are counted.
 */
export const measureRoundTrips = async (
  stack: LocalStack,
  meter: DynamoMeter,
): Promise<Record<string, OperationFigures>> => {
  const headers = { 'content-type': 'application/json', 'x-api-key': stack.apiKeys.storeA };
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json ?? {};
  };

  let key = 0;
  const operations: Record<string, () => Promise<unknown>> = {
    createCase: () => call('POST', '/v1/cases', intakeBody(), { 'idempotency-key': `rt-${process.pid}-${(key += 1)}` }),
    getCase: () => call('GET', `/v1/cases/${seededCase}`),
    listCases: () => call('GET', `/v1/cases?customerId=${encodeURIComponent(seeded.customer.id)}`),
    checkEligibility: () => call('POST', '/v1/eligibility', intakeBody()),
    createAttachment: () =>
      call('POST', '/v1/attachments', { fileName: 'photo.jpg', contentType: 'image/jpeg', size: 123_456 }),
  };

  const results: Record<string, OperationFigures> = {};
  const measure = async (
    name: string,
    run: () => Promise<unknown>,
    afterCount: () => Promise<void> = async () => undefined,
  ) => {
    const samples: MeterSnapshot[] = [];
    await run(); // warm-up: fills the store cache
    await afterCount();
    for (let index = 0; index < SAMPLES; index += 1) {
      const before = meter.snapshot();
      await run();
      samples.push(meter.since(before));
      await afterCount();
    }
    // The operations of the sample with the median count.
    const middle = median(samples.map((sample) => sample.roundTrips));
    const last = samples.find((sample) => sample.roundTrips === middle) as MeterSnapshot;
    results[name] = {
      roundTrips: median(samples.map((sample) => sample.roundTrips)),
      minimum: MINIMUMS[name]?.minimum ?? Number.NaN,
      minimumWhy: MINIMUMS[name]?.why ?? '',
      readCapacityUnits: round(median(samples.map((sample) => sample.readCapacityUnits))),
      writeCapacityUnits: round(median(samples.map((sample) => sample.writeCapacityUnits))),
      byOperation: last.byOperation,
      samples: samples.length,
      perSample: samples.map((sample) => sample.roundTrips),
    };
  };

  // Hold workflow starts back: the executions would otherwise write in the background while we count.
  const realWorkflow = stack.dependencies.workflow;
  const held: Array<Parameters<typeof realWorkflow.start>[0]> = [];
  stack.dependencies.workflow = { ...realWorkflow, start: async (input) => void held.push(input) };
  const seeded = intakeBody();
  let seededCase = '';
  try {
    seededCase = (await call('POST', '/v1/cases', seeded)).caseId as string;
    for (const [name, run] of Object.entries(operations)) await measure(name, run);
  } finally {
    stack.dependencies.workflow = realWorkflow;
  }

  // The only staff action so far is the supervisor's decision (a use case; its HTTP route is not built yet).
  const pending: string[] = [];
  for (let index = 0; index < SAMPLES + 1; index += 1) {
    const response = await call('POST', '/v1/cases', {
      ...intakeBody(),
      items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }],
    });
    pending.push(response.caseId as string);
  }
  for (const caseId of pending) {
    const deadline = Date.now() + 15_000;
    while (!(await stack.dependencies.cases.get(caseId))?.workflowWait && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  // Completing the parked wait lets the execution run on; that happens after the count, one case at a time.
  let next = 0;
  let signals: Array<[string, Record<string, unknown>]> = [];
  let decided = '';
  await measure(
    'decideManualReview',
    async () => {
      const caseId = pending[next++] as string;
      decided = caseId;
      const workflow = {
        ...realWorkflow,
        completeWait: async (token: string, output: Record<string, unknown>) => void signals.push([token, output]),
      };
      await decideManualReview({ ...stack.dependencies, workflow }, {
        caseId,
        storeId: 'store-a',
        approve: true,
        reason: 'Receipt checked',
        reviewer: { kind: 'staff', id: 'bench-supervisor', name: 'Bench Supervisor' },
      } as never);
    },
    async () => {
      for (const [token, output] of signals) await realWorkflow.completeWait(token, output);
      signals = [];
      await stack.engine.waitForExecution(decided, { timeoutMs: 20_000 });
    },
  );
  await Promise.all(
    pending.map((caseId) => stack.engine.waitForExecution(caseId, { timeoutMs: 20_000 }).catch(() => undefined)),
  );
  return results;
};
