import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import type { TestStack } from './local-stack.js';
import { waitFor } from './wait-ceiling.js';

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

/**
 * Sets fields of the store's profile (e.g. the awaiting-customer limit and outcome), as an operator would in the table;
 * the stack's store cache shows them within a second.
 */
export const setStoreSettings = async (
  stack: Pick<TestStack, 'dynamoDb' | 'tables'>,
  storeId: string,
  settings: Record<string, string>,
): Promise<void> => {
  const entries = Object.entries(settings);
  const client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
  try {
    await client.send(
      new UpdateCommand({
        TableName: stack.tables.stores,
        Key: { pk: `STORE#${storeId}`, sk: 'PROFILE' },
        UpdateExpression: `SET ${entries.map((_entry, index) => `#f${index} = :v${index}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#f${index}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:v${index}`, value])),
      }),
    );
  } finally {
    client.destroy();
  }
};

/**
 * Waits until the service sees the store's profile with `settings` (its store cache keeps a profile for a second): the
 * moment a test may rely on them, instead of a sleep of the cache's lifetime.
 */
export const storeShows = (
  stack: Pick<TestStack, 'dependencies'>,
  storeId: string,
  settings: Record<string, string>,
): Promise<true> =>
  waitFor(
    async () => {
      const store = (await stack.dependencies.stores.getStore(storeId)) as Record<string, unknown> | undefined;
      return Object.entries(settings).every(([name, value]) => store?.[name] === value);
    },
    { what: `store ${storeId} showing ${JSON.stringify(settings)}` },
  );
