import type { Logger } from '@aws-lambda-powertools/logger';
import { SendTaskSuccessCommand, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { errorName, logger as defaultLogger } from '../../commons/logger.js';
import { TransientError } from '../../domain/errors.js';
import { isTransientAwsError } from '../transient-errors.js';
import type { CaseWorkflow, CaseWorkflowInput } from '../../ports/case-workflow.js';

export interface SfnCaseWorkflowOptions {
  client: SFNClient;
  stateMachineArn: string;
  logger?: Pick<Logger, 'info'>;
}

/** The token's task is gone: it already completed, timed out, or its execution ended. A late signal is harmless. */
const STALE_TOKEN_NAMES = new Set(['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken']);

const rethrow = (operation: string, error: unknown): never => {
  if (isTransientAwsError(error)) {
    throw new TransientError(`Step Functions ${operation} failed transiently (${errorName(error)})`, { cause: error });
  }
  throw error;
};

/**
 * The case workflow on AWS Step Functions. `start` runs StartExecution named by the case id: an execution that already
 * exists (same name, whatever its input or status) makes it a no-op. `completeWait` runs SendTaskSuccess: a token whose
 * task is gone is logged and ignored. Throttling and server faults become `TransientError` (cause kept), anything else
 * is rethrown as it came.
 */
export class SfnCaseWorkflow implements CaseWorkflow {
  private readonly client: SFNClient;
  private readonly stateMachineArn: string;
  private readonly logger: Pick<Logger, 'info'>;

  constructor(options: SfnCaseWorkflowOptions) {
    this.client = options.client;
    this.stateMachineArn = options.stateMachineArn;
    this.logger = options.logger ?? defaultLogger;
  }

  async start({ caseId, storeId, executionName }: CaseWorkflowInput): Promise<void> {
    const command = new StartExecutionCommand({
      stateMachineArn: this.stateMachineArn,
      name: executionName ?? caseId,
      input: JSON.stringify({ caseId, storeId }),
    });
    try {
      await this.client.send(command);
    } catch (error) {
      if (errorName(error) === 'ExecutionAlreadyExists') {
        this.logger.info('Case workflow already started', { caseId });
        return;
      }
      rethrow('StartExecution', error);
    }
  }

  /** Resolves to nothing whether the token was live or stale (see the port); the stale case is logged. */
  async completeWait(taskToken: string, output: Record<string, unknown>): Promise<void> {
    const command = new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) });
    try {
      await this.client.send(command);
    } catch (error) {
      if (STALE_TOKEN_NAMES.has(errorName(error))) {
        this.logger.info('Ignored a completion for a task that no longer waits', { reason: errorName(error) });
        return;
      }
      rethrow('SendTaskSuccess', error);
    }
  }
}
