import { describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import { TransientError } from '../../../functions/domain/errors.js';
import type { Store } from '../../../functions/domain/store.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
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

const ports = (value: Case | undefined, completeWait: (token: string, output: object) => Promise<void>) => ({
  cases: { get: vi.fn(async () => value) } as unknown as CaseStore,
  stores: { getStore: vi.fn(async () => store) } as unknown as StoreDirectory,
  workflow: { start: vi.fn(), completeWait: vi.fn(completeWait) },
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
