import { describe, expect, it } from 'vitest';
import { MeteredCaseStore } from '../../../functions/adapters/metered-case-store.js';
import type { Case } from '../../../functions/domain/case.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import type { MetricPoint } from '../../../functions/domain/operations-metrics.js';
import type { TimelineEvent } from '../../../functions/domain/timeline.js';
import type { CaseMetrics } from '../../../functions/ports/case-metrics.js';
import type { CaseChange, CaseStore } from '../../../functions/ports/case-store.js';
import { slaCase } from '../domain/sla/sla-cases.js';

const at = new Date('2026-12-01T10:00:00Z');

const event = (type: TimelineEvent['type'], when: Date = at): TimelineEvent => ({
  caseId: 'cs_1',
  eventId: `ev_${type}`,
  at: when.toISOString(),
  type,
  actor: { kind: 'system', id: 'workflow' },
  visibility: 'internal',
});

/** A store whose writes succeed or fail as told, and which records what it was asked to write. */
const fakeStore = (failWith?: Error) => {
  const writes: string[] = [];
  const write = async (what: string) => {
    if (failWith) throw failWith;
    writes.push(what);
  };
  const unused = () => Promise.reject(new Error('not used by this test'));
  const store: CaseStore = {
    create: (newCase) => write(`create ${newCase.caseId}`),
    update: (current) => write(`update ${current.caseId}`),
    nextCaseSequence: async () => 7,
    findIdempotencyRecord: unused,
    listAwaitingWorkflow: unused,
    clearAwaitingWorkflow: unused,
    get: async () => undefined,
    getWithTimeline: unused,
    listByCustomer: unused,
    findIdByCaseNumber: unused,
    search: unused,
    listOpenCasesForOrder: unused,
    listQueue: unused,
    listByStatus: unused,
    listFlaggedCustomerWaits: unused,
    listWorkflowFailures: unused,
    countCases: unused,
    listOutbox: unused,
    removeOutbox: unused,
    listStaleOutbox: unused,
  };
  return { store, writes };
};

/** What the metrics adapter was given, and whether the write had happened by then. */
const recording = (writes: readonly string[]) => {
  const recorded: Array<{ points: readonly MetricPoint[]; afterWrites: number }> = [];
  const metrics: CaseMetrics = { record: (points) => recorded.push({ points, afterWrites: writes.length }) };
  return { metrics, recorded };
};

describe('Class: MeteredCaseStore', () => {
  it('records CasesReceived once the case is created', async () => {
    // Prepare
    const { store, writes } = fakeStore();
    const { metrics, recorded } = recording(writes);
    const metered = new MeteredCaseStore(store, metrics);

    // Act
    await metered.create(slaCase(at, { caseId: 'cs_1' }), event('case_submitted'));

    // Assess
    expect(writes).toEqual(['create cs_1']);
    expect(recorded).toEqual([{ points: [{ name: 'CasesReceived', unit: 'Count', value: 1 }], afterWrites: 1 }]);
  });

  it('records the metrics of an update after it is written, with the SLA step lateness of the parked wait', async () => {
    // Prepare
    const { store, writes } = fakeStore();
    const { metrics, recorded } = recording(writes);
    const metered = new MeteredCaseStore(store, metrics);
    const parked: Case = slaCase(at, {
      caseId: 'cs_1',
      workflowWait: { signal: 'firstResponse', taskToken: 't', since: at.toISOString(), wakeAt: at.toISOString() },
    });
    const change: CaseChange = { events: [event('sla_breached', new Date(at.getTime() + 42_000))] };

    // Act
    await metered.update(parked, change);

    // Assess
    expect(recorded).toEqual([
      {
        points: [
          { name: 'SlaBreaches', unit: 'Count', value: 1 },
          { name: 'SlaStepLateness', unit: 'Seconds', value: 42 },
        ],
        afterWrites: 1,
      },
    ]);
  });

  it.each([
    ['create', (metered: CaseStore) => metered.create(slaCase(at), event('case_submitted'))],
    ['update', (metered: CaseStore) => metered.update(slaCase(at), { events: [event('decision_made')] })],
  ])('records nothing when the %s fails', async (_name, write) => {
    // Prepare
    const { store, writes } = fakeStore(new StateConflictError('The case changed meanwhile'));
    const { metrics, recorded } = recording(writes);

    // Act
    const result = write(new MeteredCaseStore(store, metrics));

    // Assess
    await expect(result).rejects.toBeInstanceOf(StateConflictError);
    expect(recorded).toEqual([]);
  });

  it('keeps a written change written when the metrics cannot be recorded', async () => {
    // Prepare
    const { store, writes } = fakeStore();
    const metered = new MeteredCaseStore(store, {
      record: () => {
        throw new RangeError('too many metrics');
      },
    });

    // Act
    const result = metered.update(slaCase(at, { caseId: 'cs_1' }), { events: [event('survey_answered')] });

    // Assess
    await expect(result).resolves.toBeUndefined();
    expect(writes).toEqual(['update cs_1']);
  });

  it('passes reads through to the store', async () => {
    const { store } = fakeStore();
    const metered = new MeteredCaseStore(store, { record: () => undefined });

    await expect(metered.nextCaseSequence('store-a', '2026-12-01')).resolves.toBe(7);
    await expect(metered.get('cs_1')).resolves.toBeUndefined();
  });
});
