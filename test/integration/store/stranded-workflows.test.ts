import { ExecutionAlreadyExists, SFNClient, SFNServiceException, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SfnCaseWorkflow } from '../../../functions/adapters/workflow/sfn-case-workflow.js';
import type { Case } from '../../../functions/domain/case.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseWorkflow, CaseWorkflowInput } from '../../../functions/ports/case-workflow.js';
import { fileCase } from '../../../functions/use-cases/file-case.js';
import { startStrandedWorkflows } from '../../../functions/use-cases/start-stranded-workflows.js';
import { returnRequest } from '../../support/case-requests.js';
import { freshStoreId, startDynamoFixture, storeProfile, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

/** Records the starts it is asked for; while `failing`, each start throws as StartExecution does when AWS says no. */
const recordingWorkflow = (): CaseWorkflow & { started: CaseWorkflowInput[]; failing: boolean } => {
  const workflow = {
    started: [] as CaseWorkflowInput[],
    failing: false,
    start: async (input: CaseWorkflowInput) => {
      if (workflow.failing) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      workflow.started.push(input);
    },
    completeWait: async () => undefined,
  };
  return workflow;
};

// Each test files at its own minute of a far past day, so no test's cases fall into another's sweep window.
let minute = 0;
const aMinuteOfItsOwn = (): Date => new Date(Date.UTC(2020, 0, 1, 0, (minute += 10)));
const plusSeconds = (at: Date, seconds: number): Date => new Date(at.getTime() + seconds * 1000);

/** Files a case at `at` with the workflow failing to start: the case is stored and awaits its workflow. */
const strandedCase = async (at: Date, workflow = recordingWorkflow()): Promise<Case> => {
  workflow.failing = true;
  const { filed } = await fileCase(
    { cases: fixture.cases, workflow, clock: { now: () => at } },
    { store: storeProfile(freshStoreId()), request: returnRequest() },
  );
  workflow.failing = false;
  return filed;
};

const sweepAt = (at: Date, workflow: CaseWorkflow) =>
  startStrandedWorkflows({ cases: fixture.cases, workflow, clock: { now: () => at } });

/** Only the sweep's view of this test's cases: other tests' stranded cases are older and may be swept too. */
const startedOf = (workflow: { started: CaseWorkflowInput[] }, ...filed: Case[]) =>
  workflow.started.filter((input) => filed.some((value) => value.caseId === input.caseId));

describe('Use case: startStrandedWorkflows', () => {
  it('starts the workflow of a case stored a minute ago whose start failed, once', async () => {
    // Prepare
    const at = aMinuteOfItsOwn();
    const filed = await strandedCase(at);
    const workflow = recordingWorkflow();

    // Act
    await sweepAt(plusSeconds(at, 30), workflow);
    const early = startedOf(workflow, filed);
    await sweepAt(plusSeconds(at, 61), workflow);
    await sweepAt(plusSeconds(at, 121), workflow);

    // Assess
    expect(early).toEqual([]);
    expect(startedOf(workflow, filed)).toEqual([{ caseId: filed.caseId, storeId: filed.storeId }]);
    expect(await fixture.cases.get(filed.caseId)).toMatchObject({ status: 'submitted' });
  });

  it('leaves a case marked when its start fails again, and starts it on the next run', async () => {
    // Prepare
    const at = aMinuteOfItsOwn();
    const filed = await strandedCase(at);
    const workflow = recordingWorkflow();
    workflow.failing = true;

    // Act
    const failed = await sweepAt(plusSeconds(at, 61), workflow);
    workflow.failing = false;
    await sweepAt(plusSeconds(at, 121), workflow);

    // Assess
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(startedOf(workflow, filed)).toEqual([{ caseId: filed.caseId, storeId: filed.storeId }]);
  });

  it('never finds a case whose workflow ran its first task (the decision unmarks it)', async () => {
    // Prepare
    const at = aMinuteOfItsOwn();
    const filed = await strandedCase(at);
    await fixture.cases.update(filed, {
      ifStatusIn: ['submitted'],
      set: {
        decision: {
          outcome: 'approved',
          reasons: [],
          policyVersion: 1,
          decidedAt: at.toISOString(),
          decidedBy: 'policy',
        },
      },
      events: [timelineEvent(filed.caseId, at, 'decision_made', SYSTEM, { to: 'approved' })],
    });
    const workflow = recordingWorkflow();

    // Act
    await sweepAt(plusSeconds(at, 61), workflow);

    // Assess
    expect(startedOf(workflow, filed)).toEqual([]);
    expect(await fixture.cases.listAwaitingWorkflow(plusSeconds(at, 61), 100)).not.toContain(filed.caseId);
  });

  it('does not start a case cancelled before its workflow began', async () => {
    // Prepare
    const at = aMinuteOfItsOwn();
    const filed = await strandedCase(at);
    await fixture.cases.update(filed, {
      ifStatusIn: ['submitted'],
      set: { status: 'cancelled' },
      events: [timelineEvent(filed.caseId, at, 'cancelled', SYSTEM, { from: 'submitted', to: 'cancelled' })],
    });
    const workflow = recordingWorkflow();

    // Act
    await sweepAt(plusSeconds(at, 61), workflow);

    // Assess
    expect(startedOf(workflow, filed)).toEqual([]);
  });

  it('never marks a case whose start succeeded at intake as stranded once its first task ran', async () => {
    // Prepare: the fast path, then auto-review's decision write.
    const at = aMinuteOfItsOwn();
    const workflow = recordingWorkflow();
    const { filed } = await fileCase(
      { cases: fixture.cases, workflow, clock: { now: () => at } },
      { store: storeProfile(freshStoreId()), request: returnRequest() },
    );
    const listedBefore = await fixture.cases.listAwaitingWorkflow(plusSeconds(at, 61), 100);
    await fixture.cases.update(filed, {
      ifStatusIn: ['submitted'],
      set: { status: 'open' },
      events: [timelineEvent(filed.caseId, at, 'status_changed', SYSTEM, { from: 'submitted', to: 'open' })],
    });

    // Act
    const listedAfter = await fixture.cases.listAwaitingWorkflow(plusSeconds(at, 61), 100);

    // Assess
    expect(startedOf(workflow, filed)).toHaveLength(1);
    expect(listedBefore).toContain(filed.caseId);
    expect(listedAfter).not.toContain(filed.caseId);
  });

  it('calls StartExecution named by the case id; an execution that exists already unmarks the case, a throttled one keeps it', async () => {
    // Prepare
    const client = new SFNClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
      maxAttempts: 1,
    });
    const sfn = mockClient(client);
    const stateMachineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:CaseLifecycle';
    const workflow = new SfnCaseWorkflow({ client, stateMachineArn, logger: { info: vi.fn() } });
    const at = aMinuteOfItsOwn();
    const exists = await strandedCase(at);
    const throttled = await strandedCase(at);
    sfn
      .on(StartExecutionCommand, { name: exists.caseId })
      .rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }))
      .on(StartExecutionCommand, { name: throttled.caseId })
      .rejects(
        new SFNServiceException({
          name: 'ThrottlingException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: 'Rate exceeded',
        }),
      );

    // Act
    await sweepAt(plusSeconds(at, 61), workflow);
    const stillAwaiting = await fixture.cases.listAwaitingWorkflow(plusSeconds(at, 61), 100);

    // Assess
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
      stateMachineArn,
      name: exists.caseId,
      input: JSON.stringify({ caseId: exists.caseId, storeId: exists.storeId }),
    });
    expect(stillAwaiting).not.toContain(exists.caseId);
    expect(stillAwaiting).toContain(throttled.caseId);
    sfn.restore();
  });
});
