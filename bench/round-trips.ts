import type { Case } from '../functions/domain/case.js';
import { setAvailable, STORE_A_AGENTS, type Actors } from './actors.js';
import { fileCase, type Caller } from './api-client.js';
import type { CaseProbe } from './case-probe.js';
import type { DynamoMeter, MeterSnapshot } from './dynamo-meter.js';
import { intakeBody } from './intake.js';
import { median, round } from './stats.js';
import type { WorkflowGate } from './workflow-gate.js';

export interface OperationFigures {
  /** Who calls it, and the HTTP request. */
  request: string;
  /** Median DynamoDB round trips per call, with the store configuration cached (the warm path). */
  roundTrips: number;
  /** The fewest round trips the operation could make, and why. */
  minimum: number;
  minimumWhy: string;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  byOperation: Record<string, number>;
  /** Capacity units of the median sample by table and index (why a write costs what it costs). */
  unitsByTarget: Record<string, number>;
  samples: number;
  /** Round trips of each sample (a store-cache refresh adds a GetItem now and then). */
  perSample: number[];
  /** Parked workflow waits the call completed (delivered after the count). */
  signals: number;
}

/** Stated, not measured: the fewest DynamoDB round trips each operation needs, with the store configuration cached. */
export const MINIMUMS: Record<string, { minimum: number; why: string }> = {
  createCase: {
    minimum: 1,
    why: 'one TransactWriteItems (case, first event, idempotency record); the case number off the hot path',
  },
  getCase: { minimum: 1, why: 'one Query pk=CASE#<id> (case and timeline)' },
  listCases: { minimum: 1, why: 'one Query on byCustomer' },
  checkEligibility: { minimum: 1, why: 'one Query on byOrder (duplicate check), policy cached' },
  createAttachment: { minimum: 0, why: 'store cached; the upload URL is signed locally' },
  staffQueue: { minimum: 1, why: "one Query of the agent's queue partition; who asks comes from the token" },
  staffCase: { minimum: 1, why: 'one Query pk=CASE#<id> (case and full timeline, notes included)' },
  reply: {
    minimum: 3,
    why: 'one read of the case (access, status), one TransactWriteItems (case + reply event + status event + the notice key), the post-write read that finds the token',
  },
  note: {
    minimum: 2,
    why: 'one read of the case (access), one TransactWriteItems (case + note event); nothing to email or signal',
  },
  statusAwaitingCustomer: {
    minimum: 2,
    why: 'one read (access, status, address for the email), one TransactWriteItems (case + event + notice key); no wait ends on it, so no token read',
  },
  statusInProgress: {
    minimum: 2,
    why: 'one read (access, status), one TransactWriteItems (case + event); no email, no wait ends on it',
  },
  resolve: {
    minimum: 4,
    why: "one read, one TransactWriteItems (case + event + the assignee's load + notice key), the post-write token read, one Query of the unassigned queue for the freed slot",
  },
  assign: {
    minimum: 4,
    why: "one read of the case, one GetItem of the agent, one TransactWriteItems (case + event + the agent's load + notice key), the post-write token read",
  },
  review: {
    minimum: 3,
    why: 'one read (store, status), one TransactWriteItems (decision + event), the post-write token read',
  },
  customerMessage: {
    minimum: 2,
    why: 'one read (store, status: a case awaiting the customer resumes), one TransactWriteItems (case + message event); no wait ends on it',
  },
  cancel: {
    minimum: 4,
    why: "one read, one TransactWriteItems (case + event + the assignee's load + notice key), the post-write token read, one Query of the unassigned queue for the freed slot",
  },
  listAgents: { minimum: 1, why: "one Query of the store's agent partition" },
};

const SAMPLES = 5;
const OVER_LIMIT_ITEMS = [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }];
const RESOLUTION = {
  resolution: { type: 'refund', amount: 199 },
  rootCause: 'production_quality',
  summary: 'Refunded once the kettle came back.',
};
/** An agent no approved return is eligible for (skills: suggestions only), so cases wait for a supervisor. */
const STANDBY_AGENT = {
  agentId: 'bench-standby',
  name: 'Bench Standby',
  email: 'bench-standby@store-a.example',
  skills: { types: ['suggestion'], categories: ['*'], locales: ['en'] },
  maxOpenCases: 10,
  available: true,
};

/** One counted call: prepared before the count, settled after it (both outside the count). */
interface Sample {
  call: () => Promise<unknown>;
  settle?: () => Promise<void>;
}

interface MeasureContext {
  meter: DynamoMeter;
  gate: WorkflowGate;
  results: Record<string, OperationFigures>;
}

/**
 * Calls the operation once to warm up (store configuration cached), then SAMPLES times, counting only the call itself:
 * completions of parked waits are recorded during the count and delivered afterwards, and `settle` waits until the
 * workflow is parked or ended again, so no background write of the workflow falls into the next count.
 */
const measure = async (
  { meter, gate, results }: MeasureContext,
  name: string,
  request: string,
  prepare: (index: number) => Promise<Sample>,
): Promise<void> => {
  const samples: MeterSnapshot[] = [];
  const signals: number[] = [];
  for (let index = 0; index <= SAMPLES; index += 1) {
    const { call, settle } = await prepare(index);
    gate.recording = true;
    const before = meter.snapshot();
    try {
      await call();
    } finally {
      gate.recording = false;
    }
    const used = meter.since(before);
    const delivered = await gate.release();
    await settle?.();
    if (index === 0) continue; // the warm-up
    samples.push(used);
    signals.push(delivered);
  }
  const middle = median(samples.map((sample) => sample.roundTrips));
  const typical = samples.find((sample) => sample.roundTrips === middle) as MeterSnapshot;
  results[name] = {
    request,
    roundTrips: middle,
    minimum: MINIMUMS[name]?.minimum ?? Number.NaN,
    minimumWhy: MINIMUMS[name]?.why ?? '',
    readCapacityUnits: round(median(samples.map((sample) => sample.readCapacityUnits))),
    writeCapacityUnits: round(median(samples.map((sample) => sample.writeCapacityUnits))),
    byOperation: typical.byOperation,
    unitsByTarget: typical.unitsByTarget,
    samples: samples.length,
    perSample: samples.map((sample) => sample.roundTrips),
    signals: median(signals),
  };
};

/** A pool of cases, one per call (warm-up included), each filed and parked before the first count. */
const preparePool = async (
  actors: Actors,
  probe: CaseProbe,
  body: () => unknown,
  parkedOn: 'review' | 'firstResponse',
): Promise<string[]> => {
  const caseIds: string[] = [];
  for (let index = 0; index <= SAMPLES; index += 1) caseIds.push(await fileCase(actors.storefront, body()));
  for (const caseId of caseIds) await probe.parkedOn(caseId, parkedOn);
  return caseIds;
};

const at = (caseIds: readonly string[], index: number): string => {
  const caseId = caseIds[index];
  if (caseId === undefined) throw new Error(`No prepared case #${index}`);
  return caseId;
};

/**
 * Work per request of every API operation: the storefront's (workflow starts held back, as in the intake
 * comparison), then the staff and customer actions on cases the workflow has parked in the right state.
 */
export const measureRoundTrips = async (
  context: { meter: DynamoMeter; gate: WorkflowGate; probe: CaseProbe; actors: Actors },
): Promise<Record<string, OperationFigures>> => {
  const { gate, probe, actors } = context;
  const results: Record<string, OperationFigures> = {};
  const counted = { meter: context.meter, gate, results };
  const { storefront, supervisor, admin } = actors;
  const plain = (call: () => Promise<unknown>) => async (): Promise<Sample> => ({ call });

  // 1. Storefront operations. The cases they file stay `submitted` (their executions are not started).
  gate.holdStarts();
  try {
    const seeded = intakeBody();
    const seededCase = await fileCase(storefront, seeded);
    let key = 0;
    await measure(counted, 'createCase', 'storefront POST /v1/cases (Idempotency-Key)', async () => ({
      call: () => fileCase(storefront, intakeBody(), `rt-${process.pid}-${(key += 1)}`),
    }));
    await measure(counted, 'getCase', 'storefront GET /v1/cases/{id}', plain(() => storefront.get(`/v1/cases/${seededCase}`)));
    await measure(
      counted,
      'listCases',
      'storefront GET /v1/cases?customerId=',
      plain(() => storefront.get(`/v1/cases?customerId=${encodeURIComponent(seeded.customer.id)}`)),
    );
    await measure(counted, 'checkEligibility', 'storefront POST /v1/eligibility', plain(() => storefront.post('/v1/eligibility', intakeBody())));
    await measure(
      counted,
      'createAttachment',
      'storefront POST /v1/attachments',
      plain(() => storefront.post('/v1/attachments', { fileName: 'photo.jpg', contentType: 'image/jpeg', size: 123_456 })),
    );
  } finally {
    gate.holdStarts(false);
  }

  // 2. A supervisor's review of cases parked in pending_review; once approved they are assigned and parked on the
  // first response, and the same cases serve the agent's actions until they are resolved.
  const reviewed = await preparePool(actors, probe, () => ({ ...intakeBody(), items: OVER_LIMIT_ITEMS }), 'review');
  await measure(counted, 'review', 'supervisor POST /v1/staff/cases/{id}/review', async (index) => {
    const caseId = at(reviewed, index);
    return {
      call: () => supervisor.post(`/v1/staff/cases/${caseId}/review`, { decision: 'approve', reason: 'Receipt checked' }),
      settle: async () => void (await probe.parkedOn(caseId, 'firstResponse')),
    };
  });
  const assigned = new Map<string, Case>();
  for (const caseId of reviewed) assigned.set(caseId, await probe.parkedOn(caseId, 'firstResponse'));
  const assigneeOf = (caseId: string): Caller => actors.assigneeOf(assigned.get(caseId) ?? { caseId });
  const first = at(reviewed, 0);

  await measure(counted, 'staffQueue', 'agent GET /v1/staff/cases?assignee=me', plain(() => assigneeOf(first).get('/v1/staff/cases?assignee=me')));
  await measure(counted, 'staffCase', 'agent GET /v1/staff/cases/{id}', plain(() => assigneeOf(first).get(`/v1/staff/cases/${first}`)));
  await measure(counted, 'listAgents', 'supervisor GET /v1/admin/agents', plain(() => supervisor.get('/v1/admin/agents')));

  const onEach =
    (action: (agent: Caller, caseId: string) => Promise<unknown>, settle: (caseId: string) => Promise<unknown>) =>
    async (index: number): Promise<Sample> => {
      const caseId = at(reviewed, index);
      return { call: () => action(assigneeOf(caseId), caseId), settle: async () => void (await settle(caseId)) };
    };
  const stillAwaitingResolution = (caseId: string) => probe.parkedOn(caseId, 'resolution');
  await measure(
    counted,
    'reply',
    'agent POST /v1/staff/cases/{id}/replies (the first reply)',
    onEach(
      (agent, caseId) => agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'A courier will collect the kettle.' }),
      stillAwaitingResolution,
    ),
  );
  await measure(
    counted,
    'note',
    'agent POST /v1/staff/cases/{id}/notes',
    onEach((agent, caseId) => agent.post(`/v1/staff/cases/${caseId}/notes`, { body: 'Courier booked.' }), stillAwaitingResolution),
  );
  const setStatus = (status: string) => (agent: Caller, caseId: string) =>
    agent.post(`/v1/staff/cases/${caseId}/status`, { status });
  await measure(
    counted,
    'statusAwaitingCustomer',
    'agent POST /v1/staff/cases/{id}/status awaiting_customer',
    onEach(setStatus('awaiting_customer'), stillAwaitingResolution),
  );
  await measure(
    counted,
    'statusInProgress',
    'agent POST /v1/staff/cases/{id}/status in_progress',
    onEach(setStatus('in_progress'), stillAwaitingResolution),
  );
  // The customer answers a case that awaits them (which resumes it).
  for (const caseId of reviewed) await setStatus('awaiting_customer')(assigneeOf(caseId), caseId);
  await measure(
    counted,
    'customerMessage',
    'storefront POST /v1/cases/{id}/messages (resumes the case)',
    onEach(
      (_agent, caseId) => storefront.post(`/v1/cases/${caseId}/messages`, { body: 'Tomorrow morning suits me.' }),
      stillAwaitingResolution,
    ),
  );
  await measure(
    counted,
    'resolve',
    'agent POST /v1/staff/cases/{id}/resolve',
    onEach((agent, caseId) => agent.post(`/v1/staff/cases/${caseId}/resolve`, RESOLUTION), (caseId) => probe.ended(caseId)),
  );

  // 3. A supervisor assigns a case nobody was eligible for: the store's agents are made unavailable and a standby
  // agent without the skill for returns stands in. Each case is filed and parked unassigned just before its count,
  // so the sweep after the assignment finds no other waiting case. The customer then cancels them.
  await admin.post('/v1/admin/agents', STANDBY_AGENT);
  for (const agentId of STORE_A_AGENTS) await setAvailable(admin, agentId, false);
  const waiting: string[] = [];
  await measure(counted, 'assign', 'supervisor POST /v1/staff/cases/{id}/assign', async () => {
    const caseId = await fileCase(storefront, intakeBody());
    await probe.parkedOn(caseId, 'assignment');
    waiting.push(caseId);
    return {
      call: () => supervisor.post(`/v1/staff/cases/${caseId}/assign`, { agentId: STANDBY_AGENT.agentId }),
      settle: async () => void (await probe.parkedOn(caseId, 'firstResponse')),
    };
  });
  for (const agentId of STORE_A_AGENTS) await setAvailable(admin, agentId, true);
  await measure(counted, 'cancel', 'storefront POST /v1/cases/{id}/cancel', async (index) => {
    const caseId = at(waiting, index);
    return {
      call: () => storefront.post(`/v1/cases/${caseId}/cancel`, { reason: 'Bought a new one in a shop.' }),
      settle: async () => void (await probe.ended(caseId)),
    };
  });
  await setAvailable(admin, STANDBY_AGENT.agentId, false);
  return results;
};
