import { describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from '../../../functions/domain/sla/sla-policy.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseChange, CaseStore } from '../../../functions/ports/case-store.js';
import type { StoreDirectory } from '../../../functions/ports/store-directory.js';
import { applyTimedCaseAction, type CasePlan } from '../../../functions/use-cases/apply-case-action.js';

const received = new Date('2026-11-24T08:00:00.000Z');
const now = new Date('2026-11-24T08:30:00.000Z');
/** 24x7, so due times are plain arithmetic: P2 first response 4 hours after receipt, resolution 2 days. */
const slaPolicy: StoreSlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  calendar: { timezone: 'UTC', alwaysOpen: true },
  version: 1,
};

const assigned = {
  caseId: 'cs_01KAVJ5ZP2M7B4WQ3E8D6H9C1N',
  storeId: 'store-a',
  status: 'assigned',
  createdAt: received.toISOString(),
  decision: { outcome: 'approved' },
  classification: { priority: 'P2' },
  assignee: { agentId: 'agent1', name: 'Wang Fang' },
  deadlines: {
    firstResponseDueAt: '2026-11-24T12:00:00.000Z',
    resolutionDueAt: '2026-11-26T08:00:00.000Z',
    nextDueAt: '2026-11-24T12:00:00.000Z',
  },
} as Case;

const replyPlan: CasePlan = (current) => ({
  event: timelineEvent(current.caseId, now, 'reply_sent', { kind: 'staff', id: 'agent1' }, { details: { body: 'Hi' } }),
  set: { status: 'in_progress', firstRespondedAt: now.toISOString(), updatedAt: now.toISOString() },
});

const noteOnlyPlan: CasePlan = (current) => ({
  event: timelineEvent(current.caseId, now, 'note_added', { kind: 'staff', id: 'agent1' }, { visibility: 'internal' }),
  set: { updatedAt: now.toISOString() },
});

const ports = (update: (current: Case, change: CaseChange) => Promise<void> = async () => undefined) => ({
  cases: {
    getWithTimeline: vi.fn(async () => ({ case: assigned, timeline: [] })),
    update: vi.fn(update),
  } as unknown as CaseStore,
  stores: { getSlaPolicy: vi.fn(async () => slaPolicy) } as unknown as StoreDirectory,
  clock: { now: () => now },
});

describe('Function: applyTimedCaseAction', () => {
  it('writes the due times that moved in the action’s own update: a first reply leaves the resolution next', async () => {
    const dependencies = ports();

    await applyTimedCaseAction(dependencies, assigned.caseId, replyPlan);

    expect(dependencies.cases.update).toHaveBeenCalledTimes(1);
    expect(dependencies.cases.update).toHaveBeenCalledWith(
      assigned,
      expect.objectContaining({
        set: expect.objectContaining({
          firstRespondedAt: now.toISOString(),
          deadlines: {
            firstResponseDueAt: '2026-11-24T12:00:00.000Z',
            resolutionDueAt: '2026-11-26T08:00:00.000Z',
            nextDueAt: '2026-11-26T08:00:00.000Z',
          },
        }),
        ifStatusIn: ['assigned'],
        ifAssignee: 'agent1',
      }),
    );
  });

  it('leaves the due times out of an update that does not move them', async () => {
    const dependencies = ports();

    await applyTimedCaseAction(dependencies, assigned.caseId, noteOnlyPlan);

    expect(dependencies.cases.update).toHaveBeenCalledWith(
      assigned,
      expect.objectContaining({ set: { updatedAt: now.toISOString() } }),
    );
  });

  it('reads again and decides afresh when another action won the race', async () => {
    let calls = 0;
    const dependencies = ports(async () => {
      calls += 1;
      if (calls === 1) throw new StateConflictError('moved meanwhile');
    });

    await applyTimedCaseAction(dependencies, assigned.caseId, replyPlan);

    expect(dependencies.cases.getWithTimeline).toHaveBeenCalledTimes(2);
    expect(dependencies.cases.update).toHaveBeenCalledTimes(2);
  });
});
