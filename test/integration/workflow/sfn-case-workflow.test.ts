import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  SFNServiceException,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SfnCaseWorkflow } from '../../../functions/adapters/workflow/sfn-case-workflow.js';
import { TransientError, ValidationError } from '../../../functions/domain/errors.js';

const STATE_MACHINE_ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:CaseLifecycle';

const client = new SFNClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
});
const sfnMock = mockClient(client);

const newWorkflow = () => {
  const logger = { info: vi.fn() };
  return { logger, workflow: new SfnCaseWorkflow({ client, stateMachineArn: STATE_MACHINE_ARN, logger }) };
};

const serviceError = (name: string, httpStatusCode: number) =>
  new SFNServiceException({
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
    message: name,
  });

describe('Class: SfnCaseWorkflow', () => {
  afterEach(() => {
    sfnMock.reset();
  });

  describe('Method: start', () => {
    it('starts an execution named by the case id with the case and store ids as JSON input', async () => {
      // Prepare
      sfnMock
        .on(StartExecutionCommand)
        .resolves({ executionArn: `${STATE_MACHINE_ARN}:case-1`, startDate: new Date() });
      const { workflow } = newWorkflow();

      // Act
      await workflow.start({ caseId: 'case-1', storeId: 'store-1' });

      // Assess
      expect(sfnMock).toHaveReceivedCommandTimes(StartExecutionCommand, 1);
      expect(sfnMock).toHaveReceivedCommandWith(StartExecutionCommand, {
        stateMachineArn: STATE_MACHINE_ARN,
        name: 'case-1',
        input: '{"caseId":"case-1","storeId":"store-1"}',
      });
      expect(sfnMock.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
        stateMachineArn: STATE_MACHINE_ARN,
        name: 'case-1',
        input: JSON.stringify({ caseId: 'case-1', storeId: 'store-1' }),
      });
    });

    it('names a retry execution as asked, with the same input as the first run', async () => {
      // Prepare
      sfnMock
        .on(StartExecutionCommand)
        .resolves({ executionArn: `${STATE_MACHINE_ARN}:case-1-r1`, startDate: new Date() });
      const { workflow } = newWorkflow();

      // Act
      await workflow.start({ caseId: 'case-1', storeId: 'store-1', executionName: 'case-1-r1' });

      // Assess
      expect(sfnMock.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
        stateMachineArn: STATE_MACHINE_ARN,
        name: 'case-1-r1',
        input: JSON.stringify({ caseId: 'case-1', storeId: 'store-1' }),
      });
    });

    it('does nothing when the execution already exists', async () => {
      // Prepare
      sfnMock
        .on(StartExecutionCommand)
        .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} }));
      const { workflow, logger } = newWorkflow();

      // Act
      const started = workflow.start({ caseId: 'case-1', storeId: 'store-1' });

      // Assess
      await expect(started).resolves.toBeUndefined();
      expect(logger.info).toHaveBeenCalledWith('Case workflow already started', { caseId: 'case-1' });
    });

    it.each([
      ['ThrottlingException', 400],
      ['ServiceUnavailable', 503],
      ['InternalFailure', 500],
    ])('throws TransientError, keeping the cause, when Step Functions answers %s', async (name, status) => {
      // Prepare
      const cause = serviceError(name, status);
      sfnMock.on(StartExecutionCommand).rejects(cause);
      const { workflow } = newWorkflow();

      // Act
      const started = workflow.start({ caseId: 'case-1', storeId: 'store-1' });

      // Assess
      await expect(started).rejects.toBeInstanceOf(TransientError);
      await expect(started).rejects.toMatchObject({ name: 'TransientError', cause });
    });

    it('rethrows any other error as it came', async () => {
      // Prepare
      const cause = serviceError('InvalidName', 400);
      sfnMock.on(StartExecutionCommand).rejects(cause);
      const { workflow } = newWorkflow();

      // Act & Assess
      await expect(workflow.start({ caseId: 'case 1', storeId: 'store-1' })).rejects.toBe(cause);
    });
  });

  describe('Method: completeWait', () => {
    it('sends the task token and the output as JSON', async () => {
      // Prepare
      sfnMock.on(SendTaskSuccessCommand).resolves({});
      const { workflow } = newWorkflow();

      // Act
      await workflow.completeWait('token-1', { outcome: 'approved', decidedBy: 'agent-7' });

      // Assess
      expect(sfnMock).toHaveReceivedCommandWith(SendTaskSuccessCommand, {
        taskToken: 'token-1',
        output: '{"outcome":"approved","decidedBy":"agent-7"}',
      });
    });

    it.each([
      ['TaskTimedOut', () => new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} })],
      ['TaskDoesNotExist', () => new TaskDoesNotExist({ message: 'Task Does Not Exist', $metadata: {} })],
      ['InvalidToken', () => new InvalidToken({ message: 'Invalid Token', $metadata: {} })],
    ])('ignores and logs %s: the task no longer waits', async (reason, makeError) => {
      // Prepare
      sfnMock.on(SendTaskSuccessCommand).rejects(makeError());
      const { workflow, logger } = newWorkflow();

      // Act
      const completed = workflow.completeWait('token-1', { outcome: 'approved' });

      // Assess
      await expect(completed).resolves.toBeUndefined();
      expect(logger.info).toHaveBeenCalledWith('Ignored a completion for a task that no longer waits', { reason });
    });

    it('throws TransientError when Step Functions throttles the call', async () => {
      // Prepare
      sfnMock.on(SendTaskSuccessCommand).rejects(serviceError('ThrottlingException', 400));
      const { workflow } = newWorkflow();

      // Act & Assess
      await expect(workflow.completeWait('token-1', { outcome: 'approved' })).rejects.toBeInstanceOf(TransientError);
    });

    it('rethrows an error that is neither stale nor transient', async () => {
      // Prepare
      const cause = new ValidationError('not a Step Functions error');
      sfnMock.on(SendTaskSuccessCommand).rejects(cause);
      const { workflow } = newWorkflow();

      // Act & Assess
      await expect(workflow.completeWait('token-1', { outcome: 'approved' })).rejects.toBe(cause);
    });
  });
});
