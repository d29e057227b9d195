import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { viaService, type CapabilityGrant } from '../../../infra/capability-resources.js';
import { tableByName, type TableName } from '../../wiring/tables.js';

const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:GenerateDataKey'];

/** Each declared table: its variable, its actions on the table and its declared indexes, the data key through DynamoDB. */
export const grantTables: CapabilityGrant = (fn, resources) => {
  const dynamoKeyActions = new Set<string>();
  for (const [name, access] of Object.entries(fn.capabilities.tables ?? {}) as Array<
    [TableName, 'read' | 'readWrite' | undefined]
  >) {
    if (access === undefined) continue;
    const declaration = tableByName(name);
    const table = resources.tables[name];
    fn.addEnvironment(declaration.envVar, table.tableName);
    const writes = access === 'readWrite';
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: writes ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : TABLE_READ_ACTIONS,
        resources: [table.tableArn],
      }),
    );
    // An index keyed by personal data only for a function that names it.
    const indexes = declaration.indexes.filter(
      (index) => !index.personalData || fn.capabilities.personalDataIndexes?.includes(index.indexName),
    );
    if (indexes.length > 0) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: indexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
        }),
      );
    }
    for (const action of writes ? [...KEY_READ_ACTIONS, ...KEY_WRITE_ACTIONS] : KEY_READ_ACTIONS)
      dynamoKeyActions.add(action);
  }
  if (dynamoKeyActions.size > 0) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...dynamoKeyActions],
        resources: [resources.dataKey.keyArn],
        conditions: viaService('dynamodb'),
      }),
    );
  }
};
