import type { Case } from '../../domain/case.js';
import type { IntakeQuota } from '../../domain/intake-limit.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import type { CaseCreationWrites, IdempotencyRecord } from '../../ports/case-store.js';
import { claimItems } from './attachment-claims.js';
import { idempotencyItem } from './case-change-items.js';
import { awaitingWorkflowKey, caseNumberItem, toCaseItem, toEventItem } from './case-items.js';
import type { CaseSequence } from './case-number-blocks.js';
import { kpiDeltaItems } from './kpi-items.js';
import { caseNumberCounterKey } from './store-items.js';
import type { TransactItem } from './transact-write.js';

export interface CaseCreationTables {
  cases: string;
  stores?: string;
  idempotency?: string;
  kpis?: string;
}

/** Intake's one transaction, with the positions of the items whose failed condition the caller tells apart. */
export interface CaseCreationTransaction {
  items: TransactItem[];
  idempotencyIndex?: number;
  quotaIndex?: number;
  counterIndex?: number;
  claimsIndex: number;
}

/**
 * Everything a new case writes, in one TransactWriteItems: the idempotency record (first, so its cancellation reason
 * carries the record holding the key: a replay is recognised with no read), the customer's intake counter of the hour,
 * the case, its first event and its number's pointer, the claim of its case number's block when the number opens one, a claim on each
 * attachment and the KPI counters. The caller checks that the tables it passes are declared.
 */
export const caseCreationTransaction = (
  tables: CaseCreationTables,
  newCase: Case,
  firstEvent: TimelineEvent,
  { idempotency, kpi, quota }: Omit<CaseCreationWrites, 'caseNumber'>,
  sequence?: CaseSequence,
): CaseCreationTransaction => {
  const items: TransactItem[] = [];
  const transaction: CaseCreationTransaction = { items, claimsIndex: 0 };
  // An expired record still there (TTL deletes lazily) no longer holds the key: it is replaced.
  if (idempotency)
    transaction.idempotencyIndex = items.push(idempotencyItem(tables.idempotency as string, idempotency)) - 1;
  if (quota) transaction.quotaIndex = items.push(quotaItem(tables.idempotency as string, quota)) - 1;
  items.push(
    {
      Put: {
        TableName: tables.cases,
        Item: {
          ...toCaseItem(newCase),
          ...(newCase.status === 'submitted' ? { awaitingWorkflowKey: awaitingWorkflowKey(newCase.caseId) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: tables.cases, Item: toEventItem(firstEvent) } },
    // Unconditional: numbers are unique per store by their counter's blocks (case-number-blocks.ts), so no other case
    // holds this pointer, and a condition would only add a failure to tell apart.
    { Put: { TableName: tables.cases, Item: caseNumberItem(newCase) } },
  );
  if (sequence?.claim) transaction.counterIndex = items.push(blockClaimItem(tables.stores as string, sequence)) - 1;
  transaction.claimsIndex = items.length;
  items.push(
    ...claimItems(
      tables.cases,
      { storeId: newCase.storeId, caseId: newCase.caseId, at: newCase.createdAt },
      newCase.attachments,
    ),
    ...(kpi ? kpiDeltaItems(tables.kpis as string, newCase.storeId, kpi) : []),
  );
  return transaction;
};

/**
 * The customer's counter of the hour, in the idempotency table for its TTL: one up only while under the limit, so
 * concurrent intakes cannot overshoot it (a cancelled transaction adds nothing).
 */
const quotaItem = (table: string, quota: IntakeQuota): TransactItem => ({
  Update: {
    TableName: table,
    Key: { pk: `INTAKE#${quota.storeId}#${quota.customerId}#${quota.hour}` },
    UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
    ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':one': 1, ':limit': quota.limit, ':expiresAt': quota.expiresAt },
  },
});

/**
 * The claim of a block of the store's daily case numbers (see case-number-blocks.ts): the counter moves to the block's
 * end only while it still holds the value this container expects; if not, its cancellation reason carries the counter.
 */
const blockClaimItem = (table: string, { storeId, day, claim }: CaseSequence): TransactItem => {
  const { expectedLast, last } = claim as NonNullable<CaseSequence['claim']>;
  return {
    Update: {
      TableName: table,
      Key: caseNumberCounterKey(storeId, day),
      UpdateExpression: 'SET #last = :last',
      ConditionExpression: expectedLast === 0 ? 'attribute_not_exists(#last)' : '#last = :expected',
      ExpressionAttributeNames: { '#last': 'last' },
      ExpressionAttributeValues: { ':last': last, ...(expectedLast === 0 ? {} : { ':expected': expectedLast }) },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
};

/** A cancellation reason's item comes back in DynamoDB's own form (`{ S: '...' }`, `{ N: '3' }`). */
type RawItem = Record<string, unknown> | undefined;

const rawString = (item: RawItem, name: string): string | undefined => {
  const attribute = item?.[name] as { S?: string } | string | undefined;
  return typeof attribute === 'string' ? attribute : attribute?.S;
};

const rawNumber = (item: RawItem, name: string): number | undefined => {
  const attribute = item?.[name] as { N?: string } | number | undefined;
  if (typeof attribute === 'number') return attribute;
  return attribute?.N === undefined ? undefined : Number(attribute.N);
};

/** The counter a failed block claim found (0: no counter for that day yet). */
export const counterLastOf = (item: RawItem): number => rawNumber(item, 'last') ?? 0;

/**
 * The intake record holding the key, from the idempotency Put's cancellation reason; undefined when the item is not
 * an intake record (a customer message's carries a `message`, read through `findIdempotencyRecord`).
 */
export const idempotencyRecordOf = (item: RawItem): IdempotencyRecord | undefined => {
  const storeId = rawString(item, 'storeId');
  const idempotencyKey = rawString(item, 'idempotencyKey');
  const requestHash = rawString(item, 'requestHash');
  const caseId = rawString(item, 'caseId');
  const expiresAt = rawNumber(item, 'expiresAt');
  if (!storeId || !idempotencyKey || !requestHash || !caseId || expiresAt === undefined || item?.message) {
    return undefined;
  }
  return { storeId, idempotencyKey, requestHash, caseId, expiresAt };
};
