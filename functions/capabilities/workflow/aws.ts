import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnCaseWorkflow } from '../../adapters/workflow/sfn-case-workflow.js';
import { stateMachineArnFromEnv } from '../../commons/config.js';
import type { CaseWorkflow } from './capability.js';

/** The process's one client of the service, made on the first call. */
let client: SFNClient | undefined;

export const awsWorkflow = (): CaseWorkflow =>
  new SfnCaseWorkflow({ client: (client ??= new SFNClient({})), stateMachineArn: stateMachineArnFromEnv() });
