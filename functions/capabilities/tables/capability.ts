import type { AgentDirectory } from '../../ports/agent-directory.js';
import type { CaseStore } from '../../ports/case-store.js';
import type { KpiStore } from '../../ports/kpi-store.js';
import type { PresenceBoard } from '../../ports/presence-board.js';
import type { StoreDirectory } from '../../ports/store-directory.js';
import type { TableName } from '../../wiring/tables.js';

export type { AgentDirectory, CaseStore, KpiStore, PresenceBoard, StoreDirectory };

/** In a declaration: the tables a function reads or writes (`functions/wiring/tables.ts`). */
export interface TablesCapability {
  tables?: Partial<Record<TableName, 'read' | 'readWrite'>>;
  /** Indexes keyed by personal data (`IndexDeclaration.personalData`) the function queries; no other function may. */
  personalDataIndexes?: readonly string[];
}

/** The tables that are ports of their own (`idempotency` is only the case store's: no port, no adapter). */
export interface TablePorts {
  cases: CaseStore;
  stores: StoreDirectory;
  agents: AgentDirectory;
  kpis: KpiStore;
  presence: PresenceBoard;
}
export type TablePort = keyof TablePorts;

/** A table port is granted by `tables.<port>`, read or readWrite. Its variable is the table's (`TABLES[].envVar`). */
export const tableGranted = (table: TableName) => (capabilities: TablesCapability) =>
  capabilities.tables?.[table] !== undefined;

/** The table ports a declaration's literal type grants (what its handler may use, checked by the compiler). */
export type GrantedTables<C> = C extends { tables: infer T } ? Extract<keyof T, TablePort> : never;
