import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CapabilityGrant } from '../../../infra/capability-resources.js';
import { WORKFLOW_ENV } from './capability.js';

/** The state machine's ARN; `start` may start executions, `signal` may complete task tokens. */
export const grantWorkflow: CapabilityGrant = (fn, resources) => {
  const workflow = fn.capabilities.workflow ?? [];
  if (workflow.length > 0) fn.addEnvironment(WORKFLOW_ENV.stateMachineArn, resources.stateMachineArn);
  if (workflow.includes('start')) {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [resources.stateMachineArn] }),
    );
  }
  if (workflow.includes('signal')) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [resources.stateMachineArn],
      }),
    );
  }
};
