import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import type { TestStack } from './local-stack.js';

/**
 * Sets how long the store's parked workflows wait before they re-read their case (`Store.signalRecheckAfter`), as an
 * operator would in the table (no API writes the profile); the stack's store cache shows it within a second.
 */
export const setSignalRecheckAfter = async (
  stack: Pick<TestStack, 'dynamoDb' | 'tables'>,
  storeId: string,
  duration: string,
): Promise<void> => {
  const client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
  try {
    await client.send(
      new UpdateCommand({
        TableName: stack.tables.stores,
        Key: { pk: `STORE#${storeId}`, sk: 'PROFILE' },
        UpdateExpression: 'SET signalRecheckAfter = :recheck',
        ExpressionAttributeValues: { ':recheck': duration },
      }),
    );
  } finally {
    client.destroy();
  }
};
