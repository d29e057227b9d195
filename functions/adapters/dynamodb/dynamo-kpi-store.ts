import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../domain/errors.js';
import type { KpiRecord } from '../../domain/kpi/case-kpi-facts.js';
import type { KpiDimension } from '../../domain/kpi/kpi-buckets.js';
import type { KpiDelta } from '../../domain/kpi/kpi-delta.js';
import type { KpiBucketRead, KpiRecordPage, KpiStore } from '../../ports/kpi-store.js';
import { guarded } from './dynamo-errors.js';
import { bucketPartition, fromBucketItem, kpiDeltaItems, recordPartition } from './kpi-items.js';
import { queryAll } from './query-all.js';
import { transactWrite } from './transact-write.js';

const MAX_TRANSACTION_ITEMS = 100;

/** After the last day's values: `~` sorts after every character a value uses. */
const END_OF_DAY = '#~';
/** After every sort key that starts with the given instant. */
const AFTER = '~';

/** A page token: the listing's partition (its store and list) and the last row's sort key, base64url. */
const encodeToken = (partition: string, sortKey: string): string =>
  Buffer.from(`${partition}\n${sortKey}`, 'utf8').toString('base64url');

const decodeToken = (
  token: string | undefined,
  partition: string,
  range: { from: string; to: string },
): string | undefined => {
  if (token === undefined) return undefined;
  const decoded = /^[A-Za-z0-9_-]{1,2048}$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const [ownPartition, sortKey = ''] = decoded.split('\n');
  // A token is the last row this listing returned: its own partition (store and list), within the range.
  if (
    ownPartition !== partition ||
    !/^\d{4}-\d\d-\d\dT[\d:.]+Z#[A-Za-z0-9_-]+(#\d+)?$/.test(sortKey) ||
    sortKey < range.from ||
    sortKey > range.to + AFTER
  ) {
    throw new ValidationError('Invalid nextToken', {
      details: [{ path: 'nextToken', message: 'Not a token this listing returned' }],
    });
  }
  return sortKey;
};

export class DynamoKpiStore implements KpiStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async listBuckets(storeId: string, dimension: KpiDimension, fromDay: string, toDay: string): Promise<KpiBucketRead> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': bucketPartition(storeId, dimension),
        ':from': fromDay,
        ':to': `${toDay}${END_OF_DAY}`,
      },
    });
    return { buckets: items.map((item) => fromBucketItem(dimension, item)), itemsRead: items.length };
  }

  async listRecords(
    storeId: string,
    list: KpiRecord['list'],
    range: { from: string; to: string },
    page: { limit: number; nextToken?: string },
  ): Promise<KpiRecordPage> {
    const partition = recordPartition(storeId, list);
    const after = decodeToken(page.nextToken, partition, range);
    const result = await guarded(
      this.client.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': partition,
            ':from': range.from,
            ':to': `${range.to}${AFTER}`,
          },
          Limit: page.limit,
          ...(after ? { ExclusiveStartKey: { pk: partition, sk: after } } : {}),
        }),
      ),
    );
    const records = (result.Items ?? []).map((item): KpiRecord => {
      // A report row as written: its key and its fields (strings, numbers and booleans).
      const { pk: _pk, sk, ...fields } = item as Record<string, string | number | boolean>;
      return { list, sortKey: String(sk), fields };
    });
    const last: unknown = result.LastEvaluatedKey?.sk;
    return { records, ...(typeof last === 'string' ? { nextToken: encodeToken(partition, last) } : {}) };
  }

  /** In transactions of at most 100 items (DynamoDB's limit); each bucket or row appears once in a delta. */
  async applyDelta(storeId: string, delta: KpiDelta): Promise<void> {
    const items = kpiDeltaItems(this.table, storeId, delta);
    for (let start = 0; start < items.length; start += MAX_TRANSACTION_ITEMS) {
      await guarded(transactWrite(this.client, items.slice(start, start + MAX_TRANSACTION_ITEMS)));
    }
  }
}
