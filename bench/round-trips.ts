import type { Case } from '../functions/domain/case.js';
import { setAvailable, STORE_A_AGENTS, type Actors } from './actors.js';
import { fileCase, type Caller } from './api-client.js';
import type { CaseProbe } from './case-probe.js';
import { CANCELLATION, overLimitBody, REPLY, RESOLUTION, REVIEW_APPROVAL } from './case-requests.js';
import type { DynamoMeter, MeterSnapshot } from './dynamo-meter.js';
import { intakeBody } from './intake.js';
import { MINIMUMS } from './minimum-round-trips.js';
import { atMedian, median, round } from './stats.js';
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
  /** Median client-side latency of the counted calls, ms (includes the local HTTP hop). */
  medianMs: number;
}

const SAMPLES = 5;

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
  const latencies: number[] = [];
  for (let index = 0; index <= SAMPLES; index += 1) {
    const { call, settle } = await prepare(index);
    gate.recording = true;
    const before = meter.snapshot();
    const started = performance.now();
    try {
      await call();
    } finally {
      gate.recording = false;
    }
    const ms = performance.now() - started;
    const used = meter.since(before);
    const delivered = await gate.release();
    await settle?.();
    if (index === 0) continue; // the warm-up
    samples.push(used);
    signals.push(delivered);
    latencies.push(ms);
  }
  const typical = atMedian(samples, (sample) => sample.roundTrips);
  results[name] = {
    request,
    roundTrips: typical.roundTrips,
    minimum: MINIMUMS[name]?.minimum ?? Number.NaN,
    minimumWhy: MINIMUMS[name]?.why ?? '',
    readCapacityUnits: round(median(samples.map((sample) => sample.readCapacityUnits))),
    writeCapacityUnits: round(median(samples.map((sample) => sample.writeCapacityUnits))),
    byOperation: typical.byOperation,
    unitsByTarget: typical.unitsByTarget,
    samples: samples.length,
    perSample: samples.map((sample) => sample.roundTrips),
    signals: median(signals),
    medianMs: round(median(latencies)),
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

const plain = (call: () => Promise<unknown>) => async (): Promise<Sample> => ({ call });

interface Phase {
  counted: MeasureContext;
  actors: Actors;
  probe: CaseProbe;
}

/** The storefront's operations; the cases they file stay `submitted` (their executions are not started). */
const storefrontOperations = async ({ counted, actors }: Phase): Promise<void> => {
  const { storefront } = actors;
  counted.gate.holdStarts();
  try {
    const seeded = intakeBody();
    const seededCase = await fileCase(storefront, seeded);
    let key = 0;
    await measure(counted, 'createCase', 'storefront POST /v1/cases (Idempotency-Key)', async () => ({
      call: () => fileCase(storefront, intakeBody(), `rt-${process.pid}-${(key += 1)}`),
    }));
    await measure(
      counted,
      'getCase',
      'storefront GET /v1/cases/{id}',
      plain(() => storefront.get(`/v1/cases/${seededCase}`)),
    );
    await measure(
      counted,
      'listCases',
      'storefront GET /v1/cases?customerId=',
      plain(() => storefront.get(`/v1/cases?customerId=${encodeURIComponent(seeded.customer.id)}`)),
    );
    await measure(
      counted,
      'checkEligibility',
      'storefront POST /v1/eligibility',
      plain(() => storefront.post('/v1/eligibility', intakeBody())),
    );
    await measure(
      counted,
      'createAttachment',
      'storefront POST /v1/attachments',
      plain(() =>
        storefront.post('/v1/attachments', { fileName: 'photo.jpg', contentType: 'image/jpeg', size: 123_456 }),
      ),
    );
  } finally {
    counted.gate.holdStarts(false);
  }
};

/**
 * A supervisor's review of cases parked in `pending_review`; once approved they are assigned and parked on the first
 * response, and the same cases serve their agent's actions and the customer's message until they are resolved.
 */
const caseWorkOperations = async ({ counted, actors, probe }: Phase): Promise<void> => {
  const { storefront, supervisor } = actors;
  const reviewed = await preparePool(actors, probe, overLimitBody, 'review');
  await measure(counted, 'review', 'supervisor POST /v1/staff/cases/{id}/review', async (index) => {
    const caseId = at(reviewed, index);
    return {
      call: () => supervisor.post(`/v1/staff/cases/${caseId}/review`, REVIEW_APPROVAL),
      settle: async () => void (await probe.parkedOn(caseId, 'firstResponse')),
    };
  });
  const assigned = new Map<string, Case>();
  for (const caseId of reviewed) assigned.set(caseId, await probe.parkedOn(caseId, 'firstResponse'));
  const assigneeOf = (caseId: string): Caller => actors.assigneeOf(assigned.get(caseId) ?? { caseId });
  const first = at(reviewed, 0);

  await measure(
    counted,
    'staffQueue',
    'agent GET /v1/staff/cases?assignee=me',
    plain(() => assigneeOf(first).get('/v1/staff/cases?assignee=me')),
  );
  await measure(
    counted,
    'staffCase',
    'agent GET /v1/staff/cases/{id}',
    plain(() => assigneeOf(first).get(`/v1/staff/cases/${first}`)),
  );
  await measure(
    counted,
    'listAgents',
    'supervisor GET /v1/admin/agents',
    plain(() => supervisor.get('/v1/admin/agents')),
  );

  /** The action on each reviewed case by its assignee, then the workflow parked (or ended) where `settle` expects. */
  const onEach =
    (action: (agent: Caller, caseId: string) => Promise<unknown>, settle: (caseId: string) => Promise<unknown>) =>
    async (index: number): Promise<Sample> => {
      const caseId = at(reviewed, index);
      return { call: () => action(assigneeOf(caseId), caseId), settle: async () => void (await settle(caseId)) };
    };
  const awaitingResolution = (caseId: string) => probe.parkedOn(caseId, 'resolution');
  const setStatus = (status: string) => (agent: Caller, caseId: string) =>
    agent.post(`/v1/staff/cases/${caseId}/status`, { status });

  await measure(
    counted,
    'reply',
    'agent POST /v1/staff/cases/{id}/replies (the first reply)',
    onEach((agent, caseId) => agent.post(`/v1/staff/cases/${caseId}/replies`, REPLY), awaitingResolution),
  );
  await measure(
    counted,
    'note',
    'agent POST /v1/staff/cases/{id}/notes',
    onEach(
      (agent, caseId) => agent.post(`/v1/staff/cases/${caseId}/notes`, { body: 'Courier booked.' }),
      awaitingResolution,
    ),
  );
  await measure(
    counted,
    'statusAwaitingCustomer',
    'agent POST /v1/staff/cases/{id}/status awaiting_customer',
    onEach(setStatus('awaiting_customer'), awaitingResolution),
  );
  await measure(
    counted,
    'statusInProgress',
    'agent POST /v1/staff/cases/{id}/status in_progress',
    onEach(setStatus('in_progress'), awaitingResolution),
  );
  // The customer answers a case that awaits them, which resumes it.
  for (const caseId of reviewed) await setStatus('awaiting_customer')(assigneeOf(caseId), caseId);
  await measure(
    counted,
    'customerMessage',
    'storefront POST /v1/cases/{id}/messages (resumes the case)',
    onEach(
      (_agent, caseId) => storefront.post(`/v1/cases/${caseId}/messages`, { body: 'Tomorrow morning suits me.' }),
      awaitingResolution,
    ),
  );
  await measure(
    counted,
    'resolve',
    'agent POST /v1/staff/cases/{id}/resolve',
    onEach(
      (agent, caseId) => agent.post(`/v1/staff/cases/${caseId}/resolve`, RESOLUTION),
      (caseId) => probe.ended(caseId),
    ),
  );
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

/**
 * A supervisor assigns a case nobody was eligible for: the store's agents are made unavailable and a standby agent
 * without the skill for returns takes the cases. Each case is filed and parked unassigned just before its count, so
 * the sweep after the assignment finds no other waiting case. The customer then cancels them. The directory is put
 * back as it was (the standby agent stays, unavailable).
 */
const assignmentOperations = async ({ counted, actors, probe }: Phase): Promise<void> => {
  const { storefront, supervisor, admin } = actors;
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
      call: () => storefront.post(`/v1/cases/${caseId}/cancel`, CANCELLATION),
      settle: async () => void (await probe.ended(caseId)),
    };
  });
  await setAvailable(admin, STANDBY_AGENT.agentId, false);
};

/**
 * Work per request of every API operation: the storefront's (workflow starts held back, as in the intake
 * comparison), then the staff and customer actions on cases the workflow has parked in the right state.
 */
export const measureRoundTrips = async (context: {
  meter: DynamoMeter;
  gate: WorkflowGate;
  probe: CaseProbe;
  actors: Actors;
}): Promise<Record<string, OperationFigures>> => {
  const results: Record<string, OperationFigures> = {};
  const phase: Phase = {
    counted: { meter: context.meter, gate: context.gate, results },
    actors: context.actors,
    probe: context.probe,
  };
  await storefrontOperations(phase);
  await caseWorkOperations(phase);
  await assignmentOperations(phase);
  return results;
};
