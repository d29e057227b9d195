import type { Case } from '../../domain/case.js';
import { normalizedEmail } from '../../domain/case-lookup.js';
import { queueOf } from '../../domain/queue.js';
import type { OutboxItem } from '../../domain/outbox.js';
import type { TimelineEvent } from '../../domain/timeline.js';

/** How cases and timeline events are laid out in the cases table (see functions/wiring/tables.ts). */
export const caseKey = (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' });

export const storeStatusKey = (storeId: string, status: string): string => `${storeId}#${status}`;
export const storeCustomerKey = (storeId: string, customerId: string): string => `${storeId}#${customerId}`;
export const storeOrderKey = (storeId: string, orderId: string): string => `${storeId}#${orderId}`;
/** The byCustomerEmail key: the address normalised (`normalizedEmail`), so a search in another case finds it. */
export const storeEmailKey = (storeId: string, email: string): string => `${storeId}#${normalizedEmail(email)}`;

/** The pointer from a store's case number to its case, written with the case (see `caseNumberItem`). */
export const caseNumberKey = (storeId: string, caseNumber: string) => ({
  pk: `CASENUMBER#${storeId}#${caseNumber}`,
  sk: 'CASENUMBER',
});

export const caseNumberItem = (value: Pick<Case, 'storeId' | 'caseNumber' | 'caseId'>): Record<string, unknown> => ({
  ...caseNumberKey(value.storeId, value.caseNumber),
  entity: 'caseNumber',
  storeId: value.storeId,
  caseNumber: value.caseNumber,
  caseId: value.caseId,
});

/**
 * The byAwaitingWorkflow key: present from intake until the case's workflow is known to run (see `caseAttributes` in
 * case-change-items.ts and the stranded-case sweeper). A few shards, so a burst of intake never writes one index
 * partition; the shard comes from the id's random tail.
 */
export const AWAITING_WORKFLOW_SHARDS = 4;
export const awaitingWorkflowKey = (caseId: string): string =>
  `AWAITING#${caseId.charCodeAt(caseId.length - 1) % AWAITING_WORKFLOW_SHARDS}`;
export const awaitingWorkflowShards = (): string[] =>
  Array.from({ length: AWAITING_WORKFLOW_SHARDS }, (_, shard) => `AWAITING#${shard}`);

/**
 * Outbox items (`CaseChange.outbox`) share the sparse byAwaitingWorkflow index under their own partitions
 * (`OUTBOX#<shard>`, sort key `<at>#<caseId>#<key>`), so the sweep finds the ones left behind without a new index (a
 * new GSI on a deployed table takes a deploy of its own). Same shards as the stranded cases, by the case id's tail.
 */
export const outboxIndexKey = (caseId: string): string =>
  `OUTBOX#${caseId.charCodeAt(caseId.length - 1) % AWAITING_WORKFLOW_SHARDS}`;
export const outboxShards = (): string[] =>
  Array.from({ length: AWAITING_WORKFLOW_SHARDS }, (_, shard) => `OUTBOX#${shard}`);
export const outboxKeyOf = (caseId: string, key: string) => ({ pk: `CASE#${caseId}`, sk: `OUTBOX#${key}` });

export const toOutboxItem = (caseId: string, item: OutboxItem): Record<string, unknown> => ({
  ...outboxKeyOf(caseId, item.key),
  entity: 'outbox',
  caseId,
  awaitingWorkflowKey: outboxIndexKey(caseId),
  createdKey: `${item.at}#${caseId}#${item.key}`,
  ...item,
});

export const fromOutboxItem = (item: Record<string, unknown>): OutboxItem => ({
  key: String(item.key),
  at: String(item.at),
  notice: item.notice as OutboxItem['notice'],
});

const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'entity',
  'storeStatusKey',
  'storeCustomerKey',
  'storeOrderKey',
  'storeEmailKey',
  'createdKey',
  'queueKey',
  'queueSortKey',
  'awaitingWorkflowKey',
  'failedStoreKey',
  'failedKey',
] as const;

/** Sparse byWorkflowFailure keys: only while the case's workflow is recorded as failed. */
export const workflowFailureKeys = (
  value: Pick<Case, 'storeId' | 'caseId' | 'workflowFailure'>,
): { failedStoreKey: string; failedKey: string } | undefined =>
  value.workflowFailure
    ? { failedStoreKey: value.storeId, failedKey: `${value.workflowFailure.at}#${value.caseId}` }
    : undefined;

export const toCaseItem = (value: Case): Record<string, unknown> => ({
  ...caseKey(value.caseId),
  entity: 'case',
  storeStatusKey: storeStatusKey(value.storeId, value.status),
  storeCustomerKey: storeCustomerKey(value.storeId, value.customer.id),
  storeOrderKey: storeOrderKey(value.storeId, value.orderId),
  storeEmailKey: storeEmailKey(value.storeId, value.customer.email),
  createdKey: `${value.createdAt}#${value.caseId}`,
  // Sparse: only a case in a work queue carries the byQueue keys.
  ...queueOf(value),
  ...workflowFailureKeys(value),
  ...value,
});

export const fromCaseItem = (item: Record<string, unknown>): Case => {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as unknown as Case;
};

export const toEventItem = (event: TimelineEvent): Record<string, unknown> => ({
  pk: `CASE#${event.caseId}`,
  sk: `EVENT#${event.at}#${event.eventId}`,
  entity: 'event',
  ...event,
});

export const fromEventItem = (item: Record<string, unknown>): TimelineEvent => {
  const { pk: _pk, sk: _sk, entity: _entity, ...event } = item;
  return event as unknown as TimelineEvent;
};
