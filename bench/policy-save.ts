import { newCaseId, type Case } from '../functions/domain/case.js';
import { SYSTEM } from '../functions/domain/timeline.js';
import { timelineEvent } from '../functions/domain/timeline-events.js';
import type { LocalStack } from '../local/stack.js';
import type { Caller } from './api-client.js';
import type { DynamoMeter } from './dynamo-meter.js';
import { intakeBody } from './intake.js';
import { round } from './stats.js';

export interface PolicySaveFigures {
  store: string;
  openCases: number;
  /** `PUT /v1/admin/sla`, client side: what the admin waits for. */
  saveMs: number;
  /** From the save's start until the work queue has re-timed every open case (its jobs settled). */
  allRetimedMs: number;
  /** Open cases whose stored first-response due time follows the saved policy once the queue settled. */
  retimed: number;
  /** The store's cases handled per second by the queue's jobs (continuations included). */
  casesPerSecond: number;
  /** DynamoDB round trips of the whole re-timing, per open case. */
  dynamoRoundTripsPerCase: number;
}

const HOUR_MS = 3_600_000;
const SEED_CONCURRENCY = 10;

/** An approved, classified (P3), unassigned open case of `storeId`: what waits in a store's unassigned queue. */
export const openCase = (storeId: string, sequence: number): Case => {
  const now = new Date();
  const at = now.toISOString();
  return {
    ...intakeBody(),
    caseId: newCaseId(now),
    caseNumber: `AS-BENCH-${String(sequence).padStart(5, '0')}`,
    storeId,
    status: 'open',
    createdAt: at,
    updatedAt: at,
    decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: at, decidedBy: 'policy' },
    classification: {
      severity: 'major',
      urgency: 'medium',
      priority: 'P3',
      severityRule: 'type_default',
      urgencyRule: 'type_default',
      classifiedAt: at,
      classifiedBy: 'rules',
    },
  };
};

/** The SLA policy body the admin saves: first response within `hours`, around the clock. */
const policyOf = (current: Record<string, unknown>, hours: number): Record<string, unknown> => {
  const { version: _version, ...rest } = current;
  const targets = Object.fromEntries(
    ['P1', 'P2', 'P3', 'P4'].map((priority) => [priority, { firstResponse: `PT${hours}H`, resolution: 'P5D' }]),
  );
  return { ...rest, calendar: { timezone: 'Asia/Shanghai', alwaysOpen: true }, targets };
};

/**
 * A policy save on a store with many open cases (issue 11): `openCases` approved, classified, unassigned cases are
 * written straight into store A's table (no workflow: only the re-timing is measured), timed once by a first policy,
 * then a second policy is saved and timed from the admin's side (the answer) and until the work queue has re-timed
 * them all. Run last: the cases stay in the unassigned queue.
 */
export const measurePolicySave = async (
  { stack, meter, admin }: { stack: LocalStack; meter: DynamoMeter; admin: Caller },
  openCases: number,
): Promise<PolicySaveFigures> => {
  const storeId = 'store-a';
  const caseIds: string[] = [];
  for (let start = 0; start < openCases; start += SEED_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SEED_CONCURRENCY, openCases - start) }, (_, index) =>
      openCase(storeId, start + index),
    );
    await Promise.all(
      batch.map((created) =>
        stack.dependencies.cases.create(created, timelineEvent(created.caseId, new Date(), 'case_submitted', SYSTEM)),
      ),
    );
    caseIds.push(...batch.map((created) => created.caseId));
  }
  const current = (await admin.get('/v1/admin/sla')) as Record<string, unknown>;
  await admin.put('/v1/admin/sla', policyOf(current, 6));
  await stack.workQueue.settled();

  const meterBefore = meter.snapshot();
  const started = performance.now();
  await admin.put('/v1/admin/sla', policyOf(current, 2));
  const saveMs = performance.now() - started;
  await stack.workQueue.settled();
  const allRetimedMs = performance.now() - started;
  const use = meter.since(meterBefore);

  let retimed = 0;
  for (const caseId of caseIds) {
    const stored = await stack.dependencies.cases.get(caseId);
    const due = stored?.deadlines?.firstResponseDueAt;
    if (stored && due !== undefined && Date.parse(due) - Date.parse(stored.createdAt) === 2 * HOUR_MS) retimed += 1;
  }
  const { version: _version, ...before } = current;
  await admin.put('/v1/admin/sla', before);
  await stack.workQueue.settled();
  return {
    store: storeId,
    openCases,
    saveMs: round(saveMs),
    allRetimedMs: round(allRetimedMs, 0),
    retimed,
    casesPerSecond: round(openCases / ((allRetimedMs - saveMs) / 1000), 0),
    dynamoRoundTripsPerCase: round(use.roundTrips / openCases),
  };
};
