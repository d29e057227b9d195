import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import type { TableName } from '../../functions/wiring/tables.js';
import type { TestStack } from './local-stack.js';

/** Every item of every table, by table and key, as JSON: what "nothing was written" is checked against. */
export type TableSnapshot = Map<string, string>;

/** JSON with object keys sorted, so the same item always reads the same whatever order DynamoDB lists attributes in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/**
 * Reads the stack's tables whole (tests only: a few hundred items) so a test can assert that a refused request wrote
 * nothing anywhere: no case, event, agent, policy, counter or idempotency record changed or appeared.
 */
export const tableSnapshots = (stack: Pick<TestStack, 'dynamoDb' | 'tables'>) => {
  const client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
  const scan = async (name: TableName, table: string): Promise<Array<[string, string]>> => {
    const items: Array<[string, string]> = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey }));
      for (const item of page.Items ?? [])
        items.push([`${name} ${String(item.pk)} ${String(item.sk ?? '')}`, canonical(item)]);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };
  const take = async (): Promise<TableSnapshot> => {
    const tables = Object.entries(stack.tables) as Array<[TableName, string]>;
    return new Map((await Promise.all(tables.map(([name, table]) => scan(name, table)))).flat());
  };
  return { take, close: () => client.destroy() };
};

/** The keys of the items added, changed or removed between two snapshots. */
export const changedItems = (before: TableSnapshot, after: TableSnapshot): string[] => [
  ...[...after].filter(([key, item]) => before.get(key) !== item).map(([key]) => key),
  ...[...before.keys()].filter((key) => !after.has(key)),
];
