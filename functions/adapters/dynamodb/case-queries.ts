import type { CaseStatus, CaseType, Priority } from '../../domain/case.js';
import { queuePartition } from '../../domain/queue.js';
import type { CaseList } from '../../ports/case-store.js';
import { storeStatusKey } from './case-items.js';

/** A query of the cases table's indexes: which partition, in which order, filtered how. */
export interface CaseQuery {
  indexName: 'byCustomer' | 'byStoreStatus' | 'byQueue' | 'byWorkflowFailure' | 'byOrder' | 'byCustomerEmail';
  /** The index's partition key attribute, which a page token must carry (see page-token.ts). */
  attribute: string;
  partition: string;
  /** Newest (or least urgent) first unless true. */
  ascending?: boolean;
  statuses?: readonly CaseStatus[];
  types?: readonly CaseType[];
  priorities?: readonly Priority[];
  /** Only items whose index sort key is below this (a key condition). */
  sortBefore?: string | undefined;
  /** Only items carrying this attribute (a flag on few items of a small partition). */
  having?: string;
  /** Only cases whose revisit task is open and not yet answered (`isRevisitPending`). */
  revisitPending?: boolean;
  /** Only cases assigned to this agent. */
  assignedTo?: string;
}

/** The sort key of each listed index (`functions/wiring/tables.ts`): a page token carries it. */
export const INDEX_SORT_KEYS: Record<CaseQuery['indexName'], string> = {
  byCustomer: 'createdKey',
  byStoreStatus: 'createdKey',
  byQueue: 'queueSortKey',
  byWorkflowFailure: 'failedKey',
  byOrder: 'createdKey',
  byCustomerEmail: 'createdKey',
};

/**
 * The index and partition each list of the store's cases is read from, so a list and its count (`countCases`) query
 * the same items: a queue (ascending, most urgent first, with its filters), a status, the awaiting-customer partition
 * filtered to the flagged (it holds only the cases parked on a customer), the sparse index of workflow failures, the
 * resolved partition filtered to the pending revisits.
 */
export const caseListQuery = (storeId: string, list: CaseList): CaseQuery => {
  switch (list.kind) {
    case 'queue':
      return {
        indexName: 'byQueue',
        attribute: 'queueKey',
        partition: queuePartition(storeId, list.queue.agentId, list.queue.state),
        ascending: true,
        statuses: list.queue.statuses,
        types: list.queue.types,
        priorities: list.queue.priorities,
        sortBefore: list.queue.dueBefore,
      };
    case 'status':
      return {
        indexName: 'byStoreStatus',
        attribute: 'storeStatusKey',
        partition: storeStatusKey(storeId, list.status),
      };
    case 'flaggedCustomerWaits':
      return {
        indexName: 'byStoreStatus',
        attribute: 'storeStatusKey',
        partition: storeStatusKey(storeId, 'awaiting_customer'),
        having: 'customerWaitFlag',
      };
    case 'workflowFailures':
      return { indexName: 'byWorkflowFailure', attribute: 'failedStoreKey', partition: storeId };
    case 'pendingRevisits':
      // A resolved case is in an active queue exactly while its revisit is pending (domain/queue.ts): the resolved
      // partition holds only the cases between resolution and closing, where the queues hold every open case too.
      return {
        indexName: 'byStoreStatus',
        attribute: 'storeStatusKey',
        partition: storeStatusKey(storeId, 'resolved'),
        revisitPending: true,
      };
  }
};

/** A query's key condition, filter and their names and values, as `QueryCommand` takes them. */
export const caseQueryExpression = (
  query: CaseQuery,
): {
  KeyConditionExpression: string;
  FilterExpression: string | undefined;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} => {
  const names: Record<string, string> = { '#partition': query.attribute };
  const values: Record<string, unknown> = { ':partition': query.partition };
  let filter: string | undefined;
  if (query.statuses?.length) {
    names['#status'] = 'status';
    filter = `#status IN (${query.statuses
      .map((status, index) => {
        values[`:status${index}`] = status;
        return `:status${index}`;
      })
      .join(', ')})`;
  }
  const anyOf = (path: string, list: readonly string[] | undefined, prefix: string) => {
    if (!list?.length) return;
    const placeholders = list.map((value, index) => {
      values[`:${prefix}${index}`] = value;
      return `:${prefix}${index}`;
    });
    filter = [filter, `${path} IN (${placeholders.join(', ')})`].filter(Boolean).join(' AND ');
  };
  if (query.types?.length) names['#type'] = 'type';
  anyOf('#type', query.types, 'type');
  if (query.priorities?.length) {
    names['#classification'] = 'classification';
    names['#priority'] = 'priority';
  }
  anyOf('#classification.#priority', query.priorities, 'priority');
  let keyCondition = '#partition = :partition';
  if (query.sortBefore !== undefined) {
    names['#sort'] = INDEX_SORT_KEYS[query.indexName];
    values[':sortBefore'] = query.sortBefore;
    keyCondition += ' AND #sort < :sortBefore';
  }
  if (query.having) {
    names['#having'] = query.having;
    filter = [filter, 'attribute_exists(#having)'].filter(Boolean).join(' AND ');
  }
  if (query.revisitPending) {
    // `isRevisitPending`: opened and not answered.
    names['#revisit'] = 'revisit';
    names['#openedAt'] = 'openedAt';
    names['#outcome'] = 'outcome';
    filter = [filter, 'attribute_exists(#revisit.#openedAt) AND attribute_not_exists(#revisit.#outcome)']
      .filter(Boolean)
      .join(' AND ');
  }
  if (query.assignedTo) {
    names['#assignee'] = 'assignee';
    names['#agentId'] = 'agentId';
    values[':assignedTo'] = query.assignedTo;
    filter = [filter, '#assignee.#agentId = :assignedTo'].filter(Boolean).join(' AND ');
  }
  return {
    KeyConditionExpression: keyCondition,
    FilterExpression: filter,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};
