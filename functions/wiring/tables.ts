/**
 * The DynamoDB tables, declared once: the CDK stack provisions them from this list and the local stack creates them
 * in DynamoDB Local from it. Access patterns are written next to the keys that serve them. No request path scans.
 */
export type TableName = 'cases' | 'stores' | 'idempotency' | 'agents' | 'kpis' | 'presence';

export interface IndexDeclaration {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  /** Extra attributes projected besides the keys (`ALL` for the whole item). */
  projection: 'ALL' | 'KEYS_ONLY' | string[];
  /**
   * Keyed by personal data: only a function that names the index in `capabilities.indexes` may query it (the others
   * get the table's other indexes, as before).
   */
  personalData?: true;
}

export interface TableDeclaration {
  name: TableName;
  /** Environment variable through which functions receive the physical table name. */
  envVar: string;
  partitionKey: string;
  sortKey?: string;
  ttlAttribute?: string;
  indexes: IndexDeclaration[];
  accessPatterns: string[];
}

export const TABLES: readonly TableDeclaration[] = [
  {
    name: 'cases',
    envVar: 'CASES_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      { indexName: 'byStoreStatus', partitionKey: 'storeStatusKey', sortKey: 'createdKey', projection: 'ALL' },
      { indexName: 'byCustomer', partitionKey: 'storeCustomerKey', sortKey: 'createdKey', projection: 'ALL' },
      { indexName: 'byOrder', partitionKey: 'storeOrderKey', sortKey: 'createdKey', projection: 'ALL' },
      { indexName: 'byQueue', partitionKey: 'queueKey', sortKey: 'queueSortKey', projection: 'ALL' },
      {
        indexName: 'byAwaitingWorkflow',
        partitionKey: 'awaitingWorkflowKey',
        sortKey: 'createdKey',
        projection: ['caseId'],
      },
      { indexName: 'byWorkflowFailure', partitionKey: 'failedStoreKey', sortKey: 'failedKey', projection: 'ALL' },
      {
        indexName: 'byCustomerEmail',
        partitionKey: 'storeEmailKey',
        sortKey: 'createdKey',
        projection: 'ALL',
        personalData: true,
      },
    ],
    accessPatterns: [
      'case by id: GetItem pk=CASE#<caseId>, sk=CASE (a case of another store is treated as not found)',
      'case with its timeline: Query pk=CASE#<caseId> (sk CASE, then EVENT#<at>#<eventId> in time order)',
      "a store's cases by status and date: Query byStoreStatus storeStatusKey=<storeId>#<status>, createdKey between dates",
      "a customer's cases in a store, newest first: Query byCustomer storeCustomerKey=<storeId>#<customerId>, descending",
      'open claims on an order (duplicate check): Query byOrder storeOrderKey=<storeId>#<orderId>',
      "an agent's queue, most urgent first: Query byQueue queueKey=<storeId>#<agentId>#active|done, ascending queueSortKey",
      'the unassigned queue: Query byQueue queueKey=<storeId>#~unassigned#active (sparse: only approved cases carry queueKey)',
      'cases whose workflow has not begun, oldest first (stranded-case sweeper, every minute): Query byAwaitingWorkflow ' +
        'awaitingWorkflowKey=AWAITING#<0..3>, createdKey < <now - 1 min> (sparse: set by the intake transaction, removed ' +
        'with the decision or any status change, or by the sweeper once the execution exists; 4 shards by case id)',
      'cases flagged for awaiting the customer past the limit: Query byStoreStatus storeStatusKey=<storeId>#awaiting_customer, filter attribute_exists(customerWaitFlag) (reads only the cases parked on a customer)',
      'email outbox of a case (emails staff actions decided, written in the same transaction): Query pk=CASE#<caseId>, ' +
        'begins_with(sk, OUTBOX#), consistent; one item per notification key, deleted once sent or failed',
      'outbox items left behind (sweep, every minute): Query byAwaitingWorkflow awaitingWorkflowKey=OUTBOX#<0..3>, ' +
        'createdKey < <now - 1 min> (createdKey=<at>#<caseId>#<key>; the same sparse index as the stranded cases, ' +
        'its own partitions, so no new index)',
      'a case by its number in a store (staff lookup): GetItem pk=CASENUMBER#<storeId>#<caseNumber>, sk=CASENUMBER ' +
        '(a pointer holding caseId, put in the intake transaction), then the case by id',
      "a store's cases of one order, newest first (staff search): Query byOrder storeOrderKey=<storeId>#<orderId>, descending",
      "a store's cases of one customer email, newest first (staff search): Query byCustomerEmail " +
        'storeEmailKey=<storeId>#<email trimmed, NFC, lower-cased>, descending (the normalised address, not a hash: ' +
        'the case item holds the address anyway, under the same key; queried only by the staff list route)',
      'an upload S3 reported (attachment checks): GetItem pk=UPLOAD#<attachmentId>, sk=UPLOAD, consistent (the item ' +
        "holds the storeId it was uploaded under; put by the bucket's ObjectCreated notification, recordUpload)",
      "a store's cases whose workflow failed, newest failure first: Query byWorkflowFailure failedStoreKey=<storeId> (sparse: only a case with workflowFailure carries failedStoreKey/failedKey=<at>#<caseId>; a retry removes them)",
    ],
  },
  {
    name: 'stores',
    envVar: 'STORES_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
    accessPatterns: [
      'store profile: GetItem pk=STORE#<storeId>, sk=PROFILE',
      'store policy (current version): GetItem pk=STORE#<storeId>, sk=POLICY',
      'store SLA policy (current version; none while on the default): GetItem pk=STORE#<storeId>, sk=SLA',
      'store by API key: GetItem pk=APIKEY#<sha256 of key>, sk=APIKEY (the key itself is never stored; validUntil once replaced)',
      "store's key ring (current key hash, replaced keys until their overlap ends): GetItem pk=STORE#<storeId>, sk=APIKEYS",
      'replaced keys to disable at API Gateway (key sweep, every minute): Query pk=GATEWAYKEYS, sk < <now>$ (sk=<due>#<gatewayKeyId>; deleted once disabled)',
      'case-number counter per store and day (last number claimed): a conditional Update in the intake transaction that claims a block, pk=STORE#<storeId>, sk=CASENO#<yyyymmdd>',
    ],
  },
  {
    name: 'idempotency',
    envVar: 'IDEMPOTENCY_TABLE',
    partitionKey: 'pk',
    ttlAttribute: 'expiresAt',
    indexes: [],
    accessPatterns: [
      'intake idempotency record: Put in the same transaction as the case, pk=<storeId>#<Idempotency-Key>; GetItem on a repeat; TTL expiresAt (24 h)',
      "a customer's new cases in an hour: Update ADD count (condition count < the store's limit) in the same transaction as the case, pk=INTAKE#<storeId>#<customerId>#<yyyy-mm-ddThh>; TTL expiresAt (an hour after the hour)",
    ],
  },
  {
    name: 'agents',
    envVar: 'AGENTS_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
    accessPatterns: [
      "a store's agent directory (assignment candidates): Query pk=STORE#<storeId>, consistent",
      'one agent: GetItem pk=STORE#<storeId>, sk=AGENT#<agentId>',
      'agent load: Update openCases/lastAssignedAt in the same transaction as the case it is assigned or released with',
    ],
  },
  {
    name: 'kpis',
    envVar: 'KPIS_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
    accessPatterns: [
      'KPI day buckets, moved by ADD in the same transaction as the case change that counts: ' +
        'pk=KPI#<storeId>#<store|agent|type|channel|rootCause>, sk=<store-local day>#<value> (- for the whole store)',
      "a report's buckets: Query pk=KPI#<storeId>#<dimension>, sk BETWEEN <first day> AND <last day>#~ (a quarter: at most 92 items per value)",
      'report rows, in the same transactions: pk=KPI#<storeId>#list#cases, sk=<receivedAt>#<caseId> (per-case export); ' +
        'pk=KPI#<storeId>#list#surveys, sk=<answeredAt>#<caseId>#<round> (survey answers with comments)',
      'a report listing, paged: Query pk=KPI#<storeId>#list#<list>, sk BETWEEN <from> AND <to>~',
    ],
  },
  {
    name: 'presence',
    envVar: 'PRESENCE_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    ttlAttribute: 'expiresAt',
    indexes: [],
    accessPatterns: [
      "a staff member's presence on a case (the console's poll, every 5 s while the page is visible): Put " +
        'pk=PRESENCE#<storeId>#<caseId>, sk=<userId>, with until (20 s on) and TTL expiresAt',
      'who else has the case open: Query pk=PRESENCE#<storeId>#<caseId>, Limit 50 (one item per person; expired ones skipped by until)',
    ],
  },
];

export const tableByName = (name: TableName): TableDeclaration => {
  const table = TABLES.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`Unknown table ${name}`);
  return table;
};
