import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { viaService, type CapabilityGrant } from '../../../infra/capability-resources.js';
import { WORK_QUEUE } from '../../wiring/queues.js';

/** The queue's URL; `sqs:SendMessage` on it, and what SQS needs of its key. */
export const grantWorkQueue: CapabilityGrant = (fn, resources) => {
  if (!fn.capabilities.workQueue) return;
  fn.addEnvironment(WORK_QUEUE.urlEnvVar, resources.workQueue.queueUrl);
  fn.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [resources.workQueue.queueArn] }));
  // What SQS needs of the queue's key to store a message: a data key, and Decrypt to reuse a cached one.
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [resources.dataKey.keyArn],
      conditions: viaService('sqs'),
    }),
  );
};
