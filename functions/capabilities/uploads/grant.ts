import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { viaService, type CapabilityGrant } from '../../../infra/capability-resources.js';
import { tableByName } from '../../wiring/tables.js';
import { UPLOAD_KEY_PREFIX } from './capability.js';

/**
 * The cases table's variable and, on its upload records only (partition keys `UPLOAD#...`, `dynamodb:LeadingKeys`):
 * `read` may get them, `record` may put them and nothing else, so the notification's function can neither read nor
 * change a case.
 */
export const grantUploads: CapabilityGrant = (fn, resources) => {
  const access = fn.capabilities.uploads;
  if (!access) return;
  const table = resources.tables.cases;
  fn.addEnvironment(tableByName('cases').envVar, table.tableName);
  const records = access === 'record';
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [records ? 'dynamodb:PutItem' : 'dynamodb:GetItem'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${UPLOAD_KEY_PREFIX}*`] } },
    }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: records ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
      resources: [resources.dataKey.keyArn],
      conditions: viaService('dynamodb'),
    }),
  );
};
