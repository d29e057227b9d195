import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ATTACHMENTS_PREFIX, viaService, type CapabilityGrant } from '../../../infra/capability-resources.js';
import { ATTACHMENTS_ENV } from './capability.js';

/** The bucket; `read` may get objects, `presign` may put them, under the attachments prefix only. */
export const grantAttachments: CapabilityGrant = (fn, resources) => {
  const access = fn.capabilities.attachments;
  if (!access) return;
  const bucket = resources.attachmentsBucket;
  fn.addEnvironment(ATTACHMENTS_ENV.bucket, bucket.bucketName);
  const presigns = access === 'presign';
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [presigns ? 's3:PutObject' : 's3:GetObject'],
      resources: [bucket.arnForObjects(`${ATTACHMENTS_PREFIX}*`)],
    }),
  );
  // No s3:ListBucket: HeadObject then answers a missing key with 403, which the adapter reads as absent; listing
  // would reveal every store's attachment keys.
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [presigns ? 'kms:GenerateDataKey' : 'kms:Decrypt'],
      resources: [resources.dataKey.keyArn],
      conditions: viaService('s3'),
    }),
  );
};
