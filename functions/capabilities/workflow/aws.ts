import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnCaseWorkflow } from '../../adapters/workflow/sfn-case-workflow.js';
import { requiredVariable } from '../../commons/config.js';
import { WORKFLOW_ENV, type CaseWorkflow } from './capability.js';

/** The process's one client of the service, made on the first call. */
let client: SFNClient | undefined;

export const awsWorkflow = (): CaseWorkflow =>
  new SfnCaseWorkflow({
    client: (client ??= new SFNClient({})),
    stateMachineArn: requiredVariable(WORKFLOW_ENV.stateMachineArn),
  });
