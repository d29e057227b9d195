import { CachedStoreDirectory, KEY_CACHE_TTL_MS, STORE_CACHE_TTL_MS } from '../../adapters/cached-store-directory.js';
import { createDocumentClient } from '../../adapters/dynamodb/document-client.js';
import { DynamoAgentDirectory } from '../../adapters/dynamodb/dynamo-agent-directory.js';
import { DynamoCaseStore } from '../../adapters/dynamodb/dynamo-case-store.js';
import { DynamoKpiStore } from '../../adapters/dynamodb/dynamo-kpi-store.js';
import { DynamoStoreDirectory } from '../../adapters/dynamodb/dynamo-store-directory.js';
import { countedCaseStore } from '../../use-cases/kpi/kpi-counting-case-store.js';
import { dynamoEndpointFromEnv, optionalTableNameFromEnv, tableNameFromEnv } from '../config.js';
import type { DeclaredPorts } from '../declared-dependencies.js';

/** The process's one DynamoDB client, shared by the table adapters. */
const documentClient = createDocumentClient({ endpoint: dynamoEndpointFromEnv() });

export type TablePorts = Pick<DeclaredPorts, 'cases' | 'stores' | 'agents' | 'kpis'>;

/** The adapters of the declared tables; each reads its table's variable now. */
export const createTablePorts = (declares: Record<keyof TablePorts, boolean>): TablePorts => {
  const stores = declares.stores
    ? new CachedStoreDirectory(
        new DynamoStoreDirectory(documentClient, tableNameFromEnv('stores')),
        STORE_CACHE_TTL_MS,
        Date.now,
        undefined,
        undefined,
        KEY_CACHE_TTL_MS,
      )
    : undefined;
  const kpis = declares.kpis ? tableNameFromEnv('kpis') : undefined;
  return {
    cases: declares.cases
      ? countedCaseStore(
          new DynamoCaseStore(documentClient, {
            cases: tableNameFromEnv('cases'),
            stores: declares.stores ? tableNameFromEnv('stores') : undefined,
            agents: declares.agents ? tableNameFromEnv('agents') : undefined,
            // Not a port of its own: only the routes taking an Idempotency-Key declare it and get its variable.
            idempotency: optionalTableNameFromEnv('idempotency'),
            kpis,
          }),
          kpis ? stores : undefined,
        )
      : undefined,
    stores,
    agents: declares.agents ? new DynamoAgentDirectory(documentClient, tableNameFromEnv('agents')) : undefined,
    kpis: kpis ? new DynamoKpiStore(documentClient, kpis) : undefined,
  };
};
