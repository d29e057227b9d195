import type { Capabilities } from '../../wiring/capabilities.js';
import type { TableName } from '../../wiring/tables.js';

export type { AgentDirectory } from '../../ports/agent-directory.js';
export type { CaseStore } from '../../ports/case-store.js';
export type { KpiStore } from '../../ports/kpi-store.js';
export type { StoreDirectory } from '../../ports/store-directory.js';

/** The tables that are ports of their own (`idempotency` is only the case store's: no port, no adapter). */
export type TablePort = 'cases' | 'stores' | 'agents' | 'kpis';
export const TABLE_PORTS: readonly TablePort[] = ['cases', 'stores', 'agents', 'kpis'];

/** A table port is granted by `tables.<port>`, read or readWrite. Its variable is the table's (`TABLES[].envVar`). */
export const tableGranted = (table: TableName) => (capabilities: Capabilities) =>
  capabilities.tables?.[table] !== undefined;

/** The table ports a declaration's literal type grants (what its handler may use, checked by the compiler). */
export type GrantedTables<C> = C extends { tables: infer T } ? Extract<keyof T, TablePort> : never;
