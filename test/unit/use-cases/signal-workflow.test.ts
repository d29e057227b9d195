import { describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import { TransientError } from '../../../functions/domain/errors.js';
import type { Store } from '../../../functions/domain/store.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from '../../../functions/domain/sla/sla-policy.js';
import type { StoreDirectory } from '../../../functions/ports/store-directory.js';
import { signalWorkflow } from '../../../functions/use-cases/workflow/signal-workflow.js';

const store = { storeId: 'store-a', signalRecheckAfter: 'PT1M' } as Store;

const answered = (extra: Partial<Case> = {}) =>
  ({
    caseId: 'cs_1',
    storeId: 'store-a',
    status: 'in_progress',
    firstRespondedAt: '2026-11-24T08:00:00.000Z',
    decision: { outcome: 'approved' },
    workflowWait: { signal: 'firstResponse', taskToken: 'token-1', since: '2026-11-24T07:00:00.000Z' },
    ...extra,
  }) as Case;

const now = new Date('2026-11-24T08:00:00.000Z');
/** 24x7, so due times are plain arithmetic: P2 first response 4 hours after receipt. */
const slaPolicy: StoreSlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  calendar: { timezone: 'UTC', alwaysOpen: true },
  version: 1,
};

const ports = (value: Case | undefined, completeWait: (token: string, output: object) => Promise<void>) => ({
  cases: {
    getWithTimeline: vi.fn(async () => (value ? { case: value, timeline: [] } : undefined)),
    update: vi.fn(async () => undefined),
  } as unknown as CaseStore,
  stores: {
    getStore: vi.fn(async () => store),
    getSlaPolicy: vi.fn(async () => slaPolicy),
  } as unknown as StoreDirectory,
  workflow: { start: vi.fn(), completeWait: vi.fn(completeWait) },
  clock: { now: () => now },
});

/** Assigned at 07:00, unanswered, P2: first response due 11:00 (the warning at 75 %: 10:00). */
const awaitingReply = (wakeAt: string) =>
  answered({
    status: 'assigned',
    firstRespondedAt: undefined,
    createdAt: '2026-11-24T07:00:00.000Z',
    classification: { priority: 'P2' } as Case['classification'],
    workflowWait: { signal: 'firstResponse', taskToken: 'token-1', since: '2026-11-24T07:00:00.000Z', wakeAt },
  });

describe('Function: signalWorkflow', () => {
  it('completes the parked token with the next step when the case progress ends the wait', async () => {
    const dependencies = ports(answered(), async () => undefined);

    await signalWorkflow(dependencies, 'cs_1');

    expect(dependencies.workflow.completeWait).toHaveBeenCalledWith('token-1', {
      outcome: 'responded',
      waitSeconds: 60,
    });
  });

  it('leaves a wait alone that the case progress does not end', async () => {
    const dependencies = ports(answered({ status: 'assigned', firstRespondedAt: undefined }), async () => undefined);

    await signalWorkflow(dependencies, 'cs_1');

    expect(dependencies.workflow.completeWait).not.toHaveBeenCalled();
  });

  it('re-times a wait whose timeout is later than the next SLA step now is', async () => {
    const dependencies = ports(awaitingReply('2026-11-24T13:00:00.000Z'), async () => undefined);

    await signalWorkflow(dependencies, 'cs_1');

    // Same wait again (outcome `assigned`), re-timed: the warning is due at 10:00, the store rechecks every minute.
    expect(dependencies.workflow.completeWait).toHaveBeenCalledWith('token-1', {
      outcome: 'assigned',
      waitSeconds: 60,
    });
  });

  it('leaves a wait alone that already wakes in time for the next SLA step', async () => {
    const dependencies = ports(awaitingReply('2026-11-24T08:00:30.000Z'), async () => undefined);

    await signalWorkflow(dependencies, 'cs_1');

    expect(dependencies.workflow.completeWait).not.toHaveBeenCalled();
  });

  it('writes the due times the work queue is ordered by when they moved', async () => {
    const dependencies = ports(awaitingReply('2026-11-24T08:00:30.000Z'), async () => undefined);

    await signalWorkflow(dependencies, 'cs_1');

    expect(dependencies.cases.update).toHaveBeenCalledWith(
      expect.objectContaining({ caseId: 'cs_1' }),
      expect.objectContaining({
        set: {
          deadlines: {
            firstResponseDueAt: '2026-11-24T11:00:00.000Z',
            resolutionDueAt: '2026-11-26T07:00:00.000Z',
            nextDueAt: '2026-11-24T11:00:00.000Z',
          },
        },
      }),
    );
  });

  it('does nothing when no wait is parked', async () => {
    const dependencies = ports(answered({ workflowWait: undefined }), async () => undefined);

    await signalWorkflow(dependencies, 'cs_1');

    expect(dependencies.workflow.completeWait).not.toHaveBeenCalled();
  });

  it('retries a transient failure and succeeds', async () => {
    let calls = 0;
    const dependencies = ports(answered(), async () => {
      calls += 1;
      if (calls < 3) throw new TransientError('throttled');
    });

    await signalWorkflow(dependencies, 'cs_1');

    expect(dependencies.workflow.completeWait).toHaveBeenCalledTimes(3);
  });

  it('gives up without throwing when the completion keeps failing', async () => {
    const dependencies = ports(answered(), async () => {
      throw new Error('AccessDenied');
    });

    await expect(signalWorkflow(dependencies, 'cs_1')).resolves.toBeUndefined();
    expect(dependencies.workflow.completeWait).toHaveBeenCalledTimes(1);
  });
});
