import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countedCaseStore } from '../functions/use-cases/kpi/kpi-counting-case-store.js';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/dynamo-case-store.js';
import { MeteredCaseStore } from '../functions/adapters/metered-case-store.js';
import { PORT_GRANTS, PORT_NAMES, type PortName } from '../functions/capabilities/catalog.js';
import type { Dependencies } from '../functions/commons/dependencies.js';
import { UndeclaredCapabilityError } from '../functions/domain/errors.js';
import type { CaseMetrics } from '../functions/ports/case-metrics.js';
import type { CaseStore } from '../functions/ports/case-store.js';
import type { Capabilities } from '../functions/wiring/capabilities.js';
import type { TableName } from '../functions/wiring/tables.js';

/**
 * The ports of one function: a port its declaration does not grant throws `UndeclaredCapabilityError`, naming the
 * capability, when the function reaches for it. The compiler already refuses a handler that uses an ungranted port
 * (`GrantedPorts`); this catches what a cast slips past, in every local test.
 */
const guardedPorts = (
  adapterOf: <P extends PortName>(name: P) => Dependencies[P] | undefined,
  clock: Dependencies['clock'],
): Dependencies => {
  const port = <P extends PortName>(name: P): Dependencies[P] => {
    const adapter = adapterOf(name);
    if (adapter === undefined) throw new UndeclaredCapabilityError(PORT_GRANTS[name].capability);
    return adapter;
  };
  return Object.defineProperties(
    { clock },
    Object.fromEntries(PORT_NAMES.map((name) => [name, { enumerable: true, get: () => port(name) }])),
  ) as Dependencies;
};

/**
 * What one function sees locally: only the ports its declaration grants (`UndeclaredCapabilityError` for the others, as
 * in its AWS bundle), and a case store that knows only the declared tables. So a function whose declaration lacks
 * something fails every local test, instead of only once it runs in AWS. Read versus write is not enforced here (IAM
 * does it in AWS). The other ports are the stack's own, read at each use, so a test or the benchmark may swap one.
 * With `caseMetrics` (tests), the case store counts its business metrics as the deployed functions' does.
 */
export const localDependenciesFor = (
  capabilities: Capabilities,
  stack: Dependencies,
  client: DynamoDBDocumentClient,
  tables: Record<TableName, string>,
  caseMetrics?: CaseMetrics,
  wrapCaseStore: (store: CaseStore) => CaseStore = (store) => store,
): Dependencies => {
  const declared = (table: TableName): string | undefined =>
    capabilities.tables?.[table] === undefined ? undefined : tables[table];
  const kpis = declared('kpis');
  const cases = countedCaseStore(
    new DynamoCaseStore(client, {
      cases: tables.cases,
      stores: declared('stores'),
      idempotency: declared('idempotency'),
      agents: declared('agents'),
      kpis,
    }),
    kpis && declared('stores') ? stack.stores : undefined,
  );
  const own: Partial<Pick<Dependencies, PortName>> = {
    cases: wrapCaseStore(caseMetrics ? new MeteredCaseStore(cases, caseMetrics) : cases),
  };
  return guardedPorts(
    (port) => (PORT_GRANTS[port].isGranted(capabilities) ? (own[port] ?? stack[port]) : undefined),
    stack.clock,
  );
};
