import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  type Projection,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { type IndexDeclaration, type TableDeclaration, TABLES, type TableName } from '../functions/wiring/tables.js';

/** Physical names: `<prefix><name>`, e.g. `local-cases`. */
export const physicalTableNames = (prefix: string): Record<TableName, string> =>
  Object.fromEntries(TABLES.map((table) => [table.name, `${prefix}${table.name}`])) as Record<TableName, string>;

const projectionOf = (index: IndexDeclaration): Projection =>
  index.projection === 'ALL' || index.projection === 'KEYS_ONLY'
    ? { ProjectionType: index.projection }
    : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] };

const gsiOf = (index: IndexDeclaration): GlobalSecondaryIndex => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' },
    { AttributeName: index.sortKey, KeyType: 'RANGE' },
  ],
  Projection: projectionOf(index),
});

/** Every key attribute of the table and its indexes, once each; keys are strings throughout. */
const keyAttributes = (table: TableDeclaration, indexes: readonly IndexDeclaration[] = table.indexes) => {
  const names = [table.partitionKey, table.sortKey, ...indexes.flatMap((index) => [index.partitionKey, index.sortKey])];
  return [...new Set(names.filter((name): name is string => name !== undefined))].map((AttributeName) => ({
    AttributeName,
    AttributeType: 'S' as const,
  }));
};

const describe = async (client: DynamoDBClient, TableName: string) => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

const create = (client: DynamoDBClient, table: TableDeclaration, TableName: string) =>
  client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes(table),
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        ...(table.sortKey ? [{ AttributeName: table.sortKey, KeyType: 'RANGE' as const }] : []),
      ],
      ...(table.indexes.length > 0 ? { GlobalSecondaryIndexes: table.indexes.map(gsiOf) } : {}),
    }),
  );

/** A persistent local table made before an index was declared gets it now, as a deployment would add it. */
const addMissingIndexes = async (
  client: DynamoDBClient,
  table: TableDeclaration,
  TableName: string,
  existing: string[],
) => {
  for (const index of table.indexes.filter((candidate) => !existing.includes(candidate.indexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: keyAttributes(table, [index]),
        GlobalSecondaryIndexUpdates: [{ Create: gsiOf(index) }],
      }),
    );
  }
};

const enableTtl = async (client: DynamoDBClient, TableName: string, AttributeName: string) => {
  const current = await client.send(new DescribeTimeToLiveCommand({ TableName }));
  const status = current.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName } }),
  );
};

/**
 * Creates every table of `TABLES` that is missing (on-demand, keys and indexes as declared, TTL on), and brings an
 * existing one up to the declaration's indexes and TTL. Returns the physical names by table.
 */
export const createTables = async (client: DynamoDBClient, prefix: string): Promise<Record<TableName, string>> => {
  const names = physicalTableNames(prefix);
  for (const table of TABLES) {
    const name = names[table.name];
    const existing = await describe(client, name);
    if (existing) {
      const indexNames = (existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '');
      await addMissingIndexes(client, table, name, indexNames);
    } else {
      await create(client, table, name);
    }
    if (table.ttlAttribute) await enableTtl(client, name, table.ttlAttribute);
  }
  return names;
};

/** A client for DynamoDB Local's control plane (any credentials do; these keep every client on one database). */
export const localAdminClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** Deletes the tables `createTables` made: a stack or fixture on a shared DynamoDB Local leaves it as it found it. */
export const deleteTables = async (client: DynamoDBClient, tables: Record<TableName, string>): Promise<void> => {
  await Promise.all(Object.values(tables).map((TableName) => client.send(new DeleteTableCommand({ TableName }))));
};
