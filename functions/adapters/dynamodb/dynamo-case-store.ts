import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { isOpenCase, type Case } from '../../domain/case.js';
import { NotFoundError, StateConflictError } from '../../domain/errors.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import {
  IdempotencyKeyTakenError,
  type CaseChange,
  type CaseRef,
  type CaseStore,
  type IdempotencyRecord,
  type Page,
  type PageRequest,
} from '../../ports/case-store.js';
import {
  caseKey,
  fromCaseItem,
  fromEventItem,
  storeCustomerKey,
  storeOrderKey,
  storeStatusKey,
  toCaseItem,
  toEventItem,
} from './case-items.js';
import { asTransientIfRetryable, cancellationReasons } from './dynamo-errors.js';
import { decodePageToken, encodePageToken } from './page-token.js';

export interface DynamoCaseStoreTables {
  cases: string;
  stores: string;
  /** Only intake writes idempotency records. */
  idempotency?: string;
}

export class DynamoCaseStore implements CaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: DynamoCaseStoreTables,
  ) {}

  async nextCaseSequence(storeId: string, day: string): Promise<number> {
    const result = await guarded(
      this.client.send(
        new UpdateCommand({
          TableName: this.tables.stores,
          Key: { pk: `STORE#${storeId}`, sk: `CASENO#${day}` },
          UpdateExpression: 'ADD #last :one',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(result.Attributes?.last);
  }

  async create(newCase: Case, firstEvent: TimelineEvent, idempotency?: IdempotencyRecord): Promise<void> {
    if (idempotency && !this.tables.idempotency) throw new Error('This function has no idempotency table');
    const items = [
      ...(idempotency
        ? [
            {
              Put: {
                TableName: this.tables.idempotency as string,
                Item: { pk: `${idempotency.storeId}#${idempotency.idempotencyKey}`, ...idempotency },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]
        : []),
      {
        Put: {
          TableName: this.tables.cases,
          Item: toCaseItem(newCase),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Put: { TableName: this.tables.cases, Item: toEventItem(firstEvent) } },
    ];
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (idempotency && cancellationReasons(error)[0]?.Code === 'ConditionalCheckFailed')
        throw new IdempotencyKeyTakenError();
      throw asTransientIfRetryable(error);
    }
  }

  async findIdempotencyRecord(storeId: string, idempotencyKey: string): Promise<IdempotencyRecord | undefined> {
    if (!this.tables.idempotency) return undefined;
    const result = await guarded(
      this.client.send(
        new GetCommand({
          TableName: this.tables.idempotency,
          Key: { pk: `${storeId}#${idempotencyKey}` },
          ConsistentRead: true,
        }),
      ),
    );
    if (!result.Item) return undefined;
    const { pk: _pk, ...record } = result.Item;
    return record as IdempotencyRecord;
  }

  async get(caseId: string): Promise<Case | undefined> {
    const result = await guarded(
      this.client.send(new GetCommand({ TableName: this.tables.cases, Key: caseKey(caseId), ConsistentRead: true })),
    );
    return result.Item ? fromCaseItem(result.Item) : undefined;
  }

  async getWithTimeline(caseId: string): Promise<{ case: Case; timeline: TimelineEvent[] } | undefined> {
    let found: Case | undefined;
    const timeline: TimelineEvent[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await guarded(
        this.client.send(
          new QueryCommand({
            TableName: this.tables.cases,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `CASE#${caseId}` },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        if (item.entity === 'case') found = fromCaseItem(item);
        else if (item.entity === 'event') timeline.push(fromEventItem(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found ? { case: found, timeline } : undefined;
  }

  async listByCustomer(storeId: string, customerId: string, page: PageRequest): Promise<Page<Case>> {
    const partition = storeCustomerKey(storeId, customerId);
    const result = await guarded(
      this.client.send(
        new QueryCommand({
          TableName: this.tables.cases,
          IndexName: 'byCustomer',
          KeyConditionExpression: 'storeCustomerKey = :partition',
          ExpressionAttributeValues: { ':partition': partition },
          ScanIndexForward: false,
          Limit: page.limit,
          ExclusiveStartKey: decodePageToken(page.nextToken, { attribute: 'storeCustomerKey', value: partition }),
        }),
      ),
    );
    return { items: (result.Items ?? []).map(fromCaseItem), nextToken: encodePageToken(result.LastEvaluatedKey) };
  }

  async listOpenCasesForOrder(storeId: string, orderId: string): Promise<Case[]> {
    const cases: Case[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await guarded(
        this.client.send(
          new QueryCommand({
            TableName: this.tables.cases,
            IndexName: 'byOrder',
            KeyConditionExpression: 'storeOrderKey = :partition',
            ExpressionAttributeValues: { ':partition': storeOrderKey(storeId, orderId) },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      cases.push(...(page.Items ?? []).map(fromCaseItem).filter((candidate) => isOpenCase(candidate.status)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return cases;
  }

  async update({ caseId, storeId }: CaseRef, change: CaseChange): Promise<void> {
    const names: Record<string, string> = { '#pk': 'pk' };
    const values: Record<string, unknown> = {};
    const assignments: string[] = [];
    const set: Record<string, unknown> = { ...change.set };
    if (change.set?.status) set.storeStatusKey = storeStatusKey(storeId, change.set.status);
    Object.entries(set).forEach(([attribute, value], index) => {
      names[`#s${index}`] = attribute;
      values[`:s${index}`] = value;
      assignments.push(`#s${index} = :s${index}`);
    });
    const removals = (change.remove ?? []).map((attribute, index) => {
      names[`#r${index}`] = attribute;
      return `#r${index}`;
    });
    let condition = 'attribute_exists(#pk)';
    if (change.ifStatusIn?.length) {
      names['#status'] = 'status';
      const placeholders = change.ifStatusIn.map((status, index) => {
        values[`:c${index}`] = status;
        return `:c${index}`;
      });
      condition += ` AND #status IN (${placeholders.join(', ')})`;
    }
    const expression = [
      assignments.length ? `SET ${assignments.join(', ')}` : '',
      removals.length ? `REMOVE ${removals.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            // Events alone (nothing on the case changes) still require the case to exist and be in the right status.
            expression
              ? {
                  Update: {
                    TableName: this.tables.cases,
                    Key: caseKey(caseId),
                    UpdateExpression: expression,
                    ConditionExpression: condition,
                    ExpressionAttributeNames: names,
                    ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
                    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
                  },
                }
              : {
                  ConditionCheck: {
                    TableName: this.tables.cases,
                    Key: caseKey(caseId),
                    ConditionExpression: condition,
                    ExpressionAttributeNames: names,
                    ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
                    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
                  },
                },
            ...change.events.map((event) => ({ Put: { TableName: this.tables.cases, Item: toEventItem(event) } })),
          ],
        }),
      );
    } catch (error) {
      const reason = cancellationReasons(error)[0];
      if (reason?.Code === 'ConditionalCheckFailed') {
        if (!reason.Item) throw new NotFoundError(`Case ${caseId} not found`);
        throw new StateConflictError(`Case ${caseId} is not in a status that allows this change`);
      }
      throw asTransientIfRetryable(error);
    }
  }
}

const guarded = async <T>(request: Promise<T>): Promise<T> => {
  try {
    return await request;
  } catch (error) {
    throw asTransientIfRetryable(error);
  }
};
