import {
  DeleteCommand,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { logger } from '../../commons/logger.js';
import { isOpenCase, type Case, type CaseStatus } from '../../domain/case.js';
import {
  AgentUnavailableError,
  NotFoundError,
  RateLimitedError,
  StateConflictError,
  UndeclaredCapabilityError,
} from '../../domain/errors.js';
import type { OutboxItem } from '../../domain/outbox.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import {
  type CaseCreationWrites,
  AttachmentInUseError,
  CaseSequenceMovedError,
  IdempotencyKeyTakenError,
  KpiRevisionMovedError,
  type CaseChange,
  type CaseCount,
  type CaseList,
  type CaseSearch,
  type CaseStore,
  type IdempotencyRecord,
  type Page,
  type PageRequest,
  type QueueRef,
} from '../../ports/case-store.js';
import { claimingCaseOf } from './attachment-claims.js';
import { caseChangeTransaction } from './case-change-items.js';
import { caseCreationTransaction, counterLastOf, idempotencyRecordOf } from './case-creation-items.js';
import { CaseNumberBlocks, type CaseSequence } from './case-number-blocks.js';
import {
  awaitingWorkflowShards,
  caseKey,
  caseNumberKey,
  fromCaseItem,
  fromEventItem,
  fromOutboxItem,
  outboxKeyOf,
  outboxShards,
  storeCustomerKey,
  storeEmailKey,
  storeOrderKey,
} from './case-items.js';
import { asTransientIfRetryable, cancellationReasons, guarded } from './dynamo-errors.js';
import { caseListQuery, caseQueryExpression, INDEX_SORT_KEYS, type CaseQuery } from './case-queries.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { queryAll } from './query-all.js';
import { transactWrite } from './transact-write.js';

export interface DynamoCaseStoreTables {
  cases: string;
  /** Only intake takes case numbers (the per-day counter lives in the stores table; see case-number-blocks.ts). */
  stores?: string;
  /** Only intake writes idempotency records. */
  idempotency?: string;
  /** Only functions that assign or release cases move agent load. */
  agents?: string;
  /** KPI counters and report rows, moved in the same transactions as the cases (every function that writes cases). */
  kpis?: string;
}

export class DynamoCaseStore implements CaseStore {
  /** This container's blocks of case numbers (see case-number-blocks.ts), and the numbers handed out, not yet written. */
  private readonly numbers = new CaseNumberBlocks();
  private readonly taken = new Map<string, CaseSequence>();

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: DynamoCaseStoreTables,
  ) {}

  async nextCaseSequence(storeId: string, day: string): Promise<number> {
    if (!this.tables.stores) throw new UndeclaredCapabilityError('tables.stores');
    const taken = await this.numbers.take(storeId, day);
    const key = sequenceKey(storeId, day, taken.sequence);
    // Bounded: a number taken and never written (the caller failed before `create`) must not pile up.
    if (this.taken.size >= MAX_TAKEN) this.taken.delete(this.taken.keys().next().value as string);
    this.taken.set(key, taken);
    return taken.sequence;
  }

  async create(newCase: Case, firstEvent: TimelineEvent, writes: CaseCreationWrites = {}): Promise<void> {
    const { idempotency, kpi, quota, caseNumber } = writes;
    if ((idempotency || quota) && !this.tables.idempotency) throw new UndeclaredCapabilityError('tables.idempotency');
    if (kpi && !this.tables.kpis) throw new UndeclaredCapabilityError('tables.kpis');
    const sequence = caseNumber && this.takenFor(newCase.storeId, caseNumber);
    const transaction = caseCreationTransaction(this.tables, newCase, firstEvent, writes, sequence);
    try {
      await transactWrite(this.client, transaction.items);
    } catch (error) {
      const reasons = cancellationReasons(error);
      const failed = (index: number | undefined) =>
        index !== undefined && reasons[index]?.Code === 'ConditionalCheckFailed';
      if (sequence) {
        this.numbers.settle(
          sequence,
          !isCancelled(error)
            ? 'unknown'
            : failed(transaction.counterIndex)
              ? { committed: false, counterLast: counterLastOf(reasons[transaction.counterIndex as number]?.Item) }
              : { committed: false },
        );
      }
      if (failed(transaction.idempotencyIndex)) {
        throw new IdempotencyKeyTakenError(idempotencyRecordOf(reasons[transaction.idempotencyIndex as number]?.Item));
      }
      if (quota && failed(transaction.quotaIndex)) {
        throw new RateLimitedError(
          `This customer filed ${quota.limit} new cases this hour, the store's limit`,
          quota.retryAfterSeconds,
          { cause: error },
        );
      }
      const taken = claimFailures(reasons, transaction.claimsIndex, newCase.attachments);
      if (taken.length > 0) throw new AttachmentInUseError(taken.map(({ attachmentId }) => attachmentId));
      if (failed(transaction.counterIndex) && caseNumber)
        throw new CaseSequenceMovedError(newCase.storeId, caseNumber.day);
      throw asTransientIfRetryable(error);
    }
    if (sequence) this.numbers.settle(sequence, { committed: true });
  }

  /** The number `nextCaseSequence` handed out for this write, taken off the list (a retry takes another). */
  private takenFor(storeId: string, { day, sequence }: { day: string; sequence: number }): CaseSequence | undefined {
    const key = sequenceKey(storeId, day, sequence);
    const taken = this.taken.get(key);
    this.taken.delete(key);
    return taken;
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

  async listAwaitingWorkflow(filedBefore: Date, limit: number): Promise<string[]> {
    const items = await this.queryAwaitingIndex(awaitingWorkflowShards(), filedBefore, limit);
    return items.map((item) => item.caseId);
  }

  /**
   * Items of the sparse `byAwaitingWorkflow` index written before `before`, up to `limit` per shard: the cases whose
   * workflow never started and the outbox items left unsent share it, each in shards of their own.
   */
  private async queryAwaitingIndex(
    shards: readonly string[],
    before: Date,
    limit: number,
  ): Promise<Array<{ caseId: string; sk: string }>> {
    const pages = await Promise.all(
      shards.map((shard) =>
        guarded(
          this.client.send(
            new QueryCommand({
              TableName: this.tables.cases,
              IndexName: 'byAwaitingWorkflow',
              KeyConditionExpression: 'awaitingWorkflowKey = :shard AND createdKey < :before',
              ExpressionAttributeValues: { ':shard': shard, ':before': before.toISOString() },
              Limit: limit,
            }),
          ),
        ),
      ),
    );
    // Every item of the index is a case's (`sk` CASE) or an outbox item (`sk` OUTBOX#<key>), with its case id.
    return pages.flatMap((page) => (page.Items ?? []) as Array<{ caseId: string; sk: string }>);
  }

  async clearAwaitingWorkflow(caseId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tables.cases,
          Key: caseKey(caseId),
          UpdateExpression: 'REMOVE awaitingWorkflowKey',
          ConditionExpression: 'attribute_exists(awaitingWorkflowKey)',
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return;
      throw asTransientIfRetryable(error);
    }
  }

  async get(caseId: string): Promise<Case | undefined> {
    const result = await guarded(
      this.client.send(new GetCommand({ TableName: this.tables.cases, Key: caseKey(caseId), ConsistentRead: true })),
    );
    return result.Item ? fromCaseItem(result.Item) : undefined;
  }

  async getWithTimeline(caseId: string): Promise<{ case: Case; timeline: TimelineEvent[] } | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tables.cases,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': caseKey(caseId).pk },
      ConsistentRead: true,
    });
    const found = items.find((item) => item.entity === 'case');
    if (!found) return undefined;
    return { case: fromCaseItem(found), timeline: items.filter((item) => item.entity === 'event').map(fromEventItem) };
  }

  async listByCustomer(storeId: string, customerId: string, page: PageRequest): Promise<Page<Case>> {
    return this.queryCases(
      { indexName: 'byCustomer', attribute: 'storeCustomerKey', partition: storeCustomerKey(storeId, customerId) },
      page,
    );
  }

  async findIdByCaseNumber(storeId: string, caseNumber: string): Promise<string | undefined> {
    const result = await guarded(
      this.client.send(
        new GetCommand({
          TableName: this.tables.cases,
          Key: caseNumberKey(storeId, caseNumber),
          ProjectionExpression: 'caseId',
        }),
      ),
    );
    return typeof result.Item?.caseId === 'string' ? result.Item.caseId : undefined;
  }

  async search(storeId: string, search: CaseSearch, page: PageRequest): Promise<Page<Case>> {
    const index: Pick<CaseQuery, 'indexName' | 'attribute' | 'partition'> =
      'orderId' in search
        ? { indexName: 'byOrder', attribute: 'storeOrderKey', partition: storeOrderKey(storeId, search.orderId) }
        : {
            indexName: 'byCustomerEmail',
            attribute: 'storeEmailKey',
            partition: storeEmailKey(storeId, search.customerEmail),
          };
    return this.queryCases({ ...index, ...(search.assignedTo ? { assignedTo: search.assignedTo } : {}) }, page);
  }

  async listOpenCasesForOrder(storeId: string, orderId: string): Promise<Case[]> {
    const items = await queryAll(this.client, {
      TableName: this.tables.cases,
      IndexName: 'byOrder',
      KeyConditionExpression: 'storeOrderKey = :partition',
      ExpressionAttributeValues: { ':partition': storeOrderKey(storeId, orderId) },
    });
    return items.map(fromCaseItem).filter((candidate) => isOpenCase(candidate.status));
  }

  async listQueue(storeId: string, queue: QueueRef, page: PageRequest): Promise<Page<Case>> {
    return this.queryCases(caseListQuery(storeId, { kind: 'queue', queue }), page);
  }

  async listByStatus(storeId: string, status: CaseStatus, page: PageRequest): Promise<Page<Case>> {
    return this.queryCases(caseListQuery(storeId, { kind: 'status', status }), page);
  }

  async listFlaggedCustomerWaits(storeId: string, page: PageRequest): Promise<Page<Case>> {
    return this.queryCases(caseListQuery(storeId, { kind: 'flaggedCustomerWaits' }), page);
  }

  async listWorkflowFailures(storeId: string, page: PageRequest): Promise<Page<Case>> {
    return this.queryCases(caseListQuery(storeId, { kind: 'workflowFailures' }), page);
  }

  /**
   * The list's query with `Select: 'COUNT'`: DynamoDB counts the matching items and returns none. Unfiltered, each
   * round asks for just the items still to count (`Limit`); a filter applies after `Limit`, so a filtered count reads
   * whole 1 MB pages. It stops past `cap` or after `MAX_COUNT_ROUNDS` rounds (then `more`: at least that many).
   */
  async countCases(storeId: string, list: CaseList, cap: number): Promise<CaseCount> {
    const query = caseListQuery(storeId, list);
    const expression = caseQueryExpression(query);
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    for (let round = 0; round < MAX_COUNT_ROUNDS; round += 1) {
      const result = await guarded(
        this.client.send(
          new QueryCommand({
            TableName: this.tables.cases,
            IndexName: query.indexName,
            Select: 'COUNT',
            ...expression,
            ...(expression.FilterExpression === undefined ? { Limit: cap + 1 - count } : {}),
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      count += result.Count ?? 0;
      startKey = result.LastEvaluatedKey;
      if (!startKey || count > cap) break;
    }
    return { count: Math.min(count, cap), more: count > cap || startKey !== undefined };
  }

  async listOutbox(caseId: string): Promise<OutboxItem[]> {
    const items = await queryAll(this.client, {
      TableName: this.tables.cases,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :outbox)',
      ExpressionAttributeValues: { ':pk': caseKey(caseId).pk, ':outbox': 'OUTBOX#' },
      ConsistentRead: true,
    });
    return items.map(fromOutboxItem).sort((a, b) => a.at.localeCompare(b.at));
  }

  async removeOutbox(caseId: string, key: string): Promise<void> {
    await guarded(this.client.send(new DeleteCommand({ TableName: this.tables.cases, Key: outboxKeyOf(caseId, key) })));
  }

  async listStaleOutbox(writtenBefore: Date, limit: number): Promise<Array<{ caseId: string; key: string }>> {
    const items = await this.queryAwaitingIndex(outboxShards(), writtenBefore, limit);
    // The table's keys are projected into every index: the item's key is its sort key's tail.
    return items.map((item) => ({ caseId: item.caseId, key: item.sk.slice('OUTBOX#'.length) }));
  }

  /**
   * Applies the change in one transaction (see `caseChangeTransaction`). A release that finds its agent missing or at
   * zero is dropped (logged) and the change applied without it: there is nothing to release, and a deleted agent or a
   * counter repaired by hand must never keep a case from being resolved or cancelled.
   */
  async update(current: Case, change: CaseChange): Promise<void> {
    try {
      await this.applyChange(current, change, true);
    } catch (error) {
      if (!(error instanceof ReleaseSkippedError)) throw error;
      logger.warn('Agent load not released: the agent is missing or has no open case', {
        caseId: current.caseId,
        storeId: current.storeId,
        agentId: error.agentId,
      });
      await this.applyChange(current, change, false);
    }
  }

  private async applyChange(current: Case, change: CaseChange, withRelease: boolean): Promise<void> {
    const transaction = caseChangeTransaction(this.tables, current, change, { withRelease });
    try {
      await transactWrite(this.client, transaction.items);
    } catch (error) {
      const reasons = cancellationReasons(error);
      const failed = (index: number | undefined) =>
        index !== undefined && reasons[index]?.Code === 'ConditionalCheckFailed';
      // The case first: when it has moved on, which agent could take it no longer matters.
      if (failed(transaction.caseIndex)) {
        const stored = reasons[transaction.caseIndex]?.Item;
        if (!stored) throw new NotFoundError(`Case ${current.caseId} not found`);
        if (change.kpi && storedKpiRevision(stored) !== change.kpi.ifRevision) {
          throw new KpiRevisionMovedError(current.caseId);
        }
        throw new StateConflictError(`Case ${current.caseId} is not in a state that allows this change`);
      }
      if (failed(transaction.idempotencyIndex)) throw new IdempotencyKeyTakenError();
      const taken = claimFailures(reasons, transaction.claimsIndex, change.addAttachments ?? []);
      // Claimed by this very case meanwhile (the same file sent twice at once): read again, it is on the case now.
      if (taken.some(({ caseId }) => caseId === current.caseId)) {
        throw new StateConflictError(`Case ${current.caseId} took this attachment meanwhile`);
      }
      if (taken.length > 0) throw new AttachmentInUseError(taken.map(({ attachmentId }) => attachmentId));
      const load = change.agentLoad;
      if (failed(transaction.takeIndex) && load?.take) throw new AgentUnavailableError(load.take.agentId);
      if (failed(transaction.releaseIndex) && load?.release) throw new ReleaseSkippedError(load.release.agentId);
      throw asTransientIfRetryable(error);
    }
  }

  /**
   * One page of an index partition. A status filter is applied after DynamoDB's `Limit`, so the query goes on (a few
   * rounds at most) until the page is full; the token is then the last case returned.
   */
  private async queryCases(query: CaseQuery, page: PageRequest): Promise<Page<Case>> {
    const expression = caseQueryExpression(query);
    const items: Case[] = [];
    let startKey: Record<string, unknown> | undefined = decodePageToken(page.nextToken, {
      partitionAttribute: query.attribute,
      partition: query.partition,
      sortAttribute: INDEX_SORT_KEYS[query.indexName],
    });
    for (let round = 0; round < MAX_FILTER_ROUNDS; round += 1) {
      const result = await guarded(
        this.client.send(
          new QueryCommand({
            TableName: this.tables.cases,
            IndexName: query.indexName,
            ...expression,
            ScanIndexForward: query.ascending ?? false,
            Limit: page.limit - items.length,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(result.Items ?? []).map(fromCaseItem));
      startKey = result.LastEvaluatedKey;
      if (!startKey || items.length >= page.limit) break;
    }
    return { items, nextToken: encodePageToken(startKey) };
  }
}

/** The attachments whose claim failed in a cancelled transaction (claims at `from`, in the order of `attachmentIds`). */
const claimFailures = (
  reasons: ReturnType<typeof cancellationReasons>,
  from: number | undefined,
  attachmentIds: readonly string[],
): Array<{ attachmentId: string; caseId?: string }> =>
  from === undefined
    ? []
    : attachmentIds.flatMap((attachmentId, index) => {
        const reason = reasons[from + index];
        return reason?.Code === 'ConditionalCheckFailed' ? [{ attachmentId, caseId: claimingCaseOf(reason.Item) }] : [];
      });

/** The `kpiRevision` of a cancellation reason's item, which comes back in DynamoDB's own form (`{ N: '3' }`). */
const storedKpiRevision = (item: Record<string, unknown>): number => {
  const attribute = item.kpiRevision as { N?: string } | number | undefined;
  return typeof attribute === 'number' ? attribute : Number(attribute?.N ?? 0);
};

const sequenceKey = (storeId: string, day: string, sequence: number): string => `${storeId}#${day}#${sequence}`;

/** Numbers handed out and not yet written, kept at most. */
const MAX_TAKEN = 1_000;

/** Nothing was written: DynamoDB refused the transaction as a whole (a failed condition, a conflict, a bad request). */
const isCancelled = (error: unknown): boolean =>
  error instanceof Error && ['TransactionCanceledException', 'ValidationException'].includes(error.name);

/** Rounds of a filtered query before a short page is returned with its token. */
const MAX_FILTER_ROUNDS = 10;

/** Rounds of a count (1 MB pages when filtered) before it answers "at least". */
const MAX_COUNT_ROUNDS = 10;

/** The release's condition failed; `update` applies the change without it. */
class ReleaseSkippedError extends Error {
  constructor(readonly agentId: string) {
    super(`Agent ${agentId} has no open case to release`);
    this.name = 'ReleaseSkippedError';
  }
}
