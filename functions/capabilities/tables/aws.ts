import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CachedStoreDirectory, KEY_CACHE_TTL_MS, STORE_CACHE_TTL_MS } from '../../adapters/cached-store-directory.js';
import { createDocumentClient } from '../../adapters/dynamodb/document-client.js';
import { DynamoAgentDirectory } from '../../adapters/dynamodb/dynamo-agent-directory.js';
import { DynamoCaseStore } from '../../adapters/dynamodb/dynamo-case-store.js';
import { DynamoKpiStore } from '../../adapters/dynamodb/dynamo-kpi-store.js';
import { DynamoPresenceBoard } from '../../adapters/dynamodb/dynamo-presence-board.js';
import { DynamoStoreDirectory } from '../../adapters/dynamodb/dynamo-store-directory.js';
import { MeteredCaseStore } from '../../adapters/metered-case-store.js';
import { PowertoolsCaseMetrics } from '../../adapters/metrics/powertools-case-metrics.js';
import { dynamoEndpointFromEnv, optionalTableNameFromEnv, tableNameFromEnv } from '../../commons/config.js';
import { metrics } from '../../commons/metrics.js';
import { countedCaseStore } from '../../use-cases/kpi/kpi-counting-case-store.js';
import type { AgentDirectory, CaseStore, KpiStore, PresenceBoard, StoreDirectory } from './capability.js';

/** The process's one DynamoDB client, shared by the table adapters (and the upload records), made on the first call. */
let documentClient: DynamoDBDocumentClient | undefined;
export const tablesClient = (): DynamoDBDocumentClient =>
  (documentClient ??= createDocumentClient({ endpoint: dynamoEndpointFromEnv() }));

let stores: StoreDirectory | undefined;

/** The stores table behind a per-container cache; one instance, shared with the case store's KPI counting. */
export const awsStores = (): StoreDirectory =>
  (stores ??= new CachedStoreDirectory(new DynamoStoreDirectory(tablesClient(), tableNameFromEnv('stores')), {
    ttlMs: STORE_CACHE_TTL_MS,
    keyTtlMs: KEY_CACHE_TTL_MS,
  }));

export const awsAgents = (): AgentDirectory => new DynamoAgentDirectory(tablesClient(), tableNameFromEnv('agents'));

export const awsKpis = (): KpiStore => new DynamoKpiStore(tablesClient(), tableNameFromEnv('kpis'));

export const awsPresence = (): PresenceBoard => new DynamoPresenceBoard(tablesClient(), tableNameFromEnv('presence'));

/**
 * The case store over the tables this function declares: a function gets only its declared tables' variables, so a
 * write that needs another table fails with `UndeclaredCapabilityError`. It counts KPIs when it has the KPI and stores
 * tables, and the business metrics of every written change (EMF, flushed by the handler builders' `flushMetrics`).
 */
export const awsCases = (): CaseStore => {
  const kpis = optionalTableNameFromEnv('kpis');
  const storesTable = optionalTableNameFromEnv('stores');
  const counted = countedCaseStore(
    new DynamoCaseStore(tablesClient(), {
      cases: tableNameFromEnv('cases'),
      stores: storesTable,
      agents: optionalTableNameFromEnv('agents'),
      // Not a port of its own: only the routes taking an Idempotency-Key declare it and get its variable.
      idempotency: optionalTableNameFromEnv('idempotency'),
      kpis,
    }),
    kpis && storesTable ? awsStores() : undefined,
  );
  return new MeteredCaseStore(counted, new PowertoolsCaseMetrics(metrics));
};
