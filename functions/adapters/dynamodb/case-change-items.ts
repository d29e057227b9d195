import { caseWithChange, type Case } from '../../domain/case.js';
import { MAX_CASE_ATTACHMENTS, MAX_CUSTOMER_MESSAGES } from '../../domain/case-limits.js';
import { UndeclaredCapabilityError } from '../../domain/errors.js';
import { QUEUE_SOURCE_FIELDS, queueOf } from '../../domain/queue.js';
import { IDEMPOTENCY_TTL_SECONDS } from '../../domain/idempotency.js';
import type { AgentRef, CaseChange, IdempotencyRecord } from '../../ports/case-store.js';
import { agentKey } from './agent-items.js';
import { kpiDeltaItems } from './kpi-items.js';
import type { TransactItem } from './transact-write.js';
import { claimItems } from './attachment-claims.js';
import { caseKey, storeStatusKey, toEventItem, toOutboxItem, workflowFailureKeys } from './case-items.js';

export interface CaseChangeTransaction {
  items: TransactItem[];
  /** Positions in `items`, to tell from the cancellation reasons which condition failed. */
  caseIndex: 0;
  takeIndex?: number;
  releaseIndex?: number;
  /** Where the claims of `addAttachments` start, in their order. */
  claimsIndex?: number;
  idempotencyIndex?: number;
}

/**
 * An idempotency record, put only while its key is free: absent, or expired by the time the record is made (TTL
 * deletes lazily, and an expired record no longer holds its key).
 */
export const idempotencyItem = (table: string, record: IdempotencyRecord): TransactItem => ({
  Put: {
    TableName: table,
    Item: { pk: `${record.storeId}#${record.idempotencyKey}`, ...record },
    ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :createdAt',
    ExpressionAttributeValues: { ':createdAt': record.expiresAt - IDEMPOTENCY_TTL_SECONDS },
    // The record holding the key comes back in the cancellation reason: a replay needs no read to be recognised.
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  },
});

const touchesQueue = (change: CaseChange): boolean =>
  QUEUE_SOURCE_FIELDS.some(
    (field) =>
      (change.set !== undefined && field in change.set) || (change.remove ?? []).some((name) => name === field),
  );

/** Attributes to set and remove on the case item, the derived index keys included. */
const caseAttributes = (current: Case, change: CaseChange): { set: Record<string, unknown>; remove: string[] } => {
  // An undefined value would leave its placeholder without a value; "not set" is what it means.
  const set: Record<string, unknown> = Object.fromEntries(
    Object.entries(change.set ?? {}).filter(([, value]) => value !== undefined),
  );
  const remove: string[] = [...(change.remove ?? [])];
  if (change.set?.status) set.storeStatusKey = storeStatusKey(current.storeId, change.set.status);
  // The workflow's first task records the decision, and any status change means the case has moved on: either way it no
  // longer awaits its workflow, and the stranded-case sweeper must not find it.
  if (change.set?.decision || (change.set?.status && change.set.status !== 'submitted'))
    remove.push('awaitingWorkflowKey');
  if (change.set?.workflowFailure) Object.assign(set, workflowFailureKeys({ ...current, ...change.set }));
  if (change.remove?.includes('workflowFailure')) remove.push('failedStoreKey', 'failedKey');
  // Only when a source field changes: a change that leaves them alone must not rewrite the keys from a stale `current`.
  if (touchesQueue(change)) {
    const placement = queueOf(caseWithChange(current, change));
    if (placement) Object.assign(set, placement);
    else remove.push('queueKey', 'queueSortKey');
  }
  return { set, remove };
};

const caseItem = (table: string, current: Case, change: CaseChange): TransactItem => {
  const names: Record<string, string> = { '#pk': 'pk' };
  const values: Record<string, unknown> = {};
  const { set, remove } = caseAttributes(current, change);
  const assignments = Object.entries(set).map(([attribute, value], index) => {
    names[`#s${index}`] = attribute;
    values[`:s${index}`] = value;
    return `#s${index} = :s${index}`;
  });
  if (change.addNotificationsSent?.length) {
    names['#notified'] = 'notificationsSent';
    values[':noneNotified'] = [];
    values[':notified'] = [...change.addNotificationsSent];
    assignments.push('#notified = list_append(if_not_exists(#notified, :noneNotified), :notified)');
  }
  const removals = remove.map((attribute, index) => {
    names[`#r${index}`] = attribute;
    return `#r${index}`;
  });
  const conditions = ['attribute_exists(#pk)'];
  if (change.ifStatusIn?.length) {
    names['#status'] = 'status';
    const placeholders = change.ifStatusIn.map((status, index) => {
      values[`:c${index}`] = status;
      return `:c${index}`;
    });
    conditions.push(`#status IN (${placeholders.join(', ')})`);
  }
  if (change.ifAssignee !== undefined) {
    names['#assignee'] = 'assignee';
    if (change.ifAssignee === null) {
      conditions.push('attribute_not_exists(#assignee)');
    } else {
      names['#agentId'] = 'agentId';
      values[':assignee'] = change.ifAssignee;
      conditions.push('#assignee.#agentId = :assignee');
    }
  }
  if (change.addAttachments?.length) {
    // Appended by the write itself, so concurrent messages never drop each other's files.
    names['#attachments'] = 'attachments';
    values[':noAttachments'] = [];
    values[':attachments'] = [...change.addAttachments];
    assignments.push('#attachments = list_append(if_not_exists(#attachments, :noAttachments), :attachments)');
    // The same file sent twice at once appends once: the second write fails here, reads again and leaves it out.
    change.addAttachments.forEach((attachmentId, index) => {
      values[`:attachment${index}`] = attachmentId;
      conditions.push(`NOT contains(#attachments, :attachment${index})`);
    });
    // The per-case limit, on the item itself: however many messages race, none goes past it.
    values[':roomForAttachments'] = MAX_CASE_ATTACHMENTS - change.addAttachments.length;
    conditions.push('size(#attachments) <= :roomForAttachments');
  }
  if (change.addAttachmentFiles?.length) {
    names['#attachmentFiles'] = 'attachmentFiles';
    values[':noAttachmentFiles'] = [];
    values[':attachmentFiles'] = [...change.addAttachmentFiles];
    assignments.push(
      '#attachmentFiles = list_append(if_not_exists(#attachmentFiles, :noAttachmentFiles), :attachmentFiles)',
    );
  }
  if (change.countCustomerMessage) {
    names['#customerMessages'] = 'customerMessages';
    values[':noMessages'] = 0;
    values[':oneMessage'] = 1;
    values[':maxMessages'] = MAX_CUSTOMER_MESSAGES;
    assignments.push('#customerMessages = if_not_exists(#customerMessages, :noMessages) + :oneMessage');
    conditions.push('(attribute_not_exists(#customerMessages) OR #customerMessages < :maxMessages)');
  }
  if (change.ifSurveyOpen) {
    Object.assign(names, { '#survey': 'survey', '#tokenId': 'tokenId', '#surveyStatus': 'status' });
    values[':surveyToken'] = change.ifSurveyOpen.tokenId;
    values[':surveySent'] = 'sent';
    conditions.push('#survey.#tokenId = :surveyToken AND #survey.#surveyStatus = :surveySent');
  }
  if (change.kpi) {
    names['#kpiRevision'] = 'kpiRevision';
    values[':nextKpiRevision'] = change.kpi.ifRevision + 1;
    assignments.push('#kpiRevision = :nextKpiRevision');
    if (change.kpi.ifRevision === 0) conditions.push('attribute_not_exists(#kpiRevision)');
    else {
      values[':kpiRevision'] = change.kpi.ifRevision;
      conditions.push('#kpiRevision = :kpiRevision');
    }
  }
  if (change.ifWorkflowFailedAt !== undefined) {
    Object.assign(names, { '#workflowFailure': 'workflowFailure', '#failedAt': 'at' });
    values[':failedAt'] = change.ifWorkflowFailedAt;
    conditions.push('#workflowFailure.#failedAt = :failedAt');
  }
  const expression = [
    assignments.length ? `SET ${assignments.join(', ')}` : '',
    removals.length ? `REMOVE ${removals.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    TableName: table,
    Key: caseKey(current.caseId),
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: Object.keys(values).length ? values : undefined,
    // The old item tells a failed condition (it exists) from a missing case (it does not).
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
  // Events alone (nothing on the case changes) still require the case to exist and meet the conditions.
  return expression ? { Update: { ...common, UpdateExpression: expression } } : { ConditionCheck: common };
};

/** One more open case for the agent, only while available and below capacity (and not above a load, if given). */
const takeItem = (table: string, agent: AgentRef & { ifOpenCasesAtMost?: number }, at: string): TransactItem => ({
  Update: {
    TableName: table,
    Key: agentKey(agent.storeId, agent.agentId),
    UpdateExpression: 'ADD #open :one SET #last = :at',
    ConditionExpression: `#available = :true AND #open < #max${agent.ifOpenCasesAtMost === undefined ? '' : ' AND #open <= :ranked'}`,
    ExpressionAttributeNames: {
      '#open': 'openCases',
      '#last': 'lastAssignedAt',
      '#available': 'available',
      '#max': 'maxOpenCases',
    },
    ExpressionAttributeValues: {
      ':one': 1,
      ':at': at,
      ':true': true,
      ...(agent.ifOpenCasesAtMost === undefined ? {} : { ':ranked': agent.ifOpenCasesAtMost }),
    },
  },
});

/** One open case fewer; never below zero, never on a missing agent (the condition keeps Update from creating it). */
const releaseItem = (table: string, agent: AgentRef): TransactItem => ({
  Update: {
    TableName: table,
    Key: agentKey(agent.storeId, agent.agentId),
    UpdateExpression: 'ADD #open :minusOne',
    ConditionExpression: '#open > :zero',
    ExpressionAttributeNames: { '#open': 'openCases' },
    ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
  },
});

/**
 * The TransactWriteItems of a case change: the case (conditions and derived keys), the agent load moves, the
 * timeline events, the attachment claims, the idempotency record, the outbox items, then the KPI counters and report
 * rows. `withRelease: false` leaves the release out (see `DynamoCaseStore.update`).
 */
export const caseChangeTransaction = (
  tables: { cases: string; agents?: string; kpis?: string; idempotency?: string },
  current: Case,
  change: CaseChange,
  { withRelease = true }: { withRelease?: boolean } = {},
): CaseChangeTransaction => {
  const items: TransactItem[] = [caseItem(tables.cases, current, change)];
  const transaction: CaseChangeTransaction = { items, caseIndex: 0 };
  const load = change.agentLoad;
  const release = withRelease ? load?.release : undefined;
  if (load?.take || release) {
    if (!tables.agents) throw new UndeclaredCapabilityError('tables.agents');
    if (load?.take && release && load.take.agentId === release.agentId && load.take.storeId === release.storeId) {
      throw new Error('An agent cannot take and release the same case');
    }
    if (load?.take) transaction.takeIndex = items.push(takeItem(tables.agents, load.take, load.at)) - 1;
    if (release) transaction.releaseIndex = items.push(releaseItem(tables.agents, release)) - 1;
  }
  items.push(...change.events.map((event) => ({ Put: { TableName: tables.cases, Item: toEventItem(event) } })));
  if (change.addAttachments?.length) {
    transaction.claimsIndex = items.length;
    const at = change.events[0]?.at ?? new Date().toISOString();
    items.push(
      ...claimItems(tables.cases, { storeId: current.storeId, caseId: current.caseId, at }, change.addAttachments),
    );
  }
  if (change.idempotency) {
    if (!tables.idempotency) throw new UndeclaredCapabilityError('tables.idempotency');
    transaction.idempotencyIndex = items.push(idempotencyItem(tables.idempotency, change.idempotency)) - 1;
  }
  items.push(
    ...(change.outbox ?? []).map((item) => ({
      Put: { TableName: tables.cases, Item: toOutboxItem(current.caseId, item) },
    })),
  );
  if (change.kpi) {
    if (!tables.kpis) throw new UndeclaredCapabilityError('tables.kpis');
    items.push(...kpiDeltaItems(tables.kpis, current.storeId, change.kpi.delta));
  }
  return transaction;
};
