import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnCaseWorkflow } from '../../adapters/workflow/sfn-case-workflow.js';
import type { CaseWorkflow } from '../../ports/case-workflow.js';
import { stateMachineArnFromEnv } from '../config.js';

/** The process's one client of the service (this module is loaded once, on the first call). */
const client = new SFNClient({});

export const createWorkflow = (): CaseWorkflow =>
  new SfnCaseWorkflow({ client, stateMachineArn: stateMachineArnFromEnv() });
