import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/document-client.js';
import { DynamoAgentDirectory } from '../../../functions/adapters/dynamodb/dynamo-agent-directory.js';
import { DynamoCaseStore } from '../../../functions/adapters/dynamodb/dynamo-case-store.js';
import { DynamoKpiStore } from '../../../functions/adapters/dynamodb/dynamo-kpi-store.js';
import { DynamoStoreDirectory } from '../../../functions/adapters/dynamodb/dynamo-store-directory.js';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import type { Agent, AgentProfile } from '../../../functions/domain/agent.js';
import { newCaseId, type Case, type Classification, type Priority } from '../../../functions/domain/case.js';
import type { StaffUser } from '../../../functions/domain/staff.js';
import type { Store } from '../../../functions/domain/store.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
import { systemClock } from '../../../functions/ports/clock.js';
import type { TableName } from '../../../functions/wiring/tables.js';
import { createTables, deleteTables, localAdminClient } from '../../../local/dynamodb-local.js';
import { uniqueTablePrefix, workerDynamoDb } from '../../support/table-prefix.js';
import { returnRequest } from '../../support/case-requests.js';

/** Every declared table, on its worker's DynamoDB Local, and the adapters under test on it. Stop it in `afterAll`. */
export interface DynamoFixture {
  client: DynamoDBDocumentClient;
  tables: Record<TableName, string>;
  cases: DynamoCaseStore;
  agents: DynamoAgentDirectory;
  stores: DynamoStoreDirectory;
  kpis: DynamoKpiStore;
  stop(): Promise<void>;
}

export const startDynamoFixture = async (): Promise<DynamoFixture> => {
  const { endpoint } = workerDynamoDb();
  const prefix = uniqueTablePrefix();
  const admin = localAdminClient(endpoint);
  const tables = await createTables(admin, prefix);
  const client = createDocumentClient({ endpoint });
  return {
    client,
    tables,
    cases: new DynamoCaseStore(client, tables),
    agents: new DynamoAgentDirectory(client, tables.agents),
    stores: new DynamoStoreDirectory(client, tables.stores),
    kpis: new DynamoKpiStore(client, tables.kpis),
    // The worker's DynamoDB Local stays up for the other files: only this fixture's tables go.
    stop: async () => {
      client.destroy();
      await deleteTables(admin, tables).finally(() => admin.destroy());
    },
  };
};

/** A port the code under test must not use: each of its methods rejects. */
const unexpected = <T extends object>(port: string): T =>
  new Proxy({} as T, {
    get: (_, method) =>
      typeof method === 'symbol' || method === 'then'
        ? undefined
        : async () => Promise.reject(new Error(`${port}.${method} is not expected here`)),
  });

/**
 * Every port a use case may need, on the fixture: its case store, agent and store directories and the system clock,
 * with `ports` in their place or added; a port neither gives rejects each call.
 */
export const dependenciesOn = (fixture: DynamoFixture, ports: Partial<Dependencies> = {}): Dependencies => ({
  cases: fixture.cases,
  agents: fixture.agents,
  stores: fixture.stores,
  kpis: fixture.kpis,
  clock: systemClock,
  mailer: unexpected('mailer'),
  workflow: unexpected('workflow'),
  attachments: unexpected('attachments'),
  surveyLinks: unexpected('surveyLinks'),
  workQueue: unexpected('workQueue'),
  storefrontKeys: unexpected('storefrontKeys'),
  consoleSessions: unexpected('consoleSessions'),
  ...ports,
});

/**
 * The fixture's case store, except that the first `readers` reads of each case wait for one another: calls started
 * together then all act on the state they raced for, however the machine schedules them (later reads pass).
 */
export const casesReadTogether = (fixture: Pick<DynamoFixture, 'client' | 'tables'>, readers = 2): DynamoCaseStore => {
  const barriers = new Map<string, { pending: number; release: () => void; allRead: Promise<void> }>();
  const barrierOf = (caseId: string) => {
    let barrier = barriers.get(caseId);
    if (!barrier) {
      let release = (): void => undefined;
      const allRead = new Promise<void>((done) => (release = done));
      barrier = { pending: readers, release, allRead };
      barriers.set(caseId, barrier);
    }
    return barrier;
  };
  return new (class extends DynamoCaseStore {
    override async get(caseId: string): Promise<Case | undefined> {
      const found = await super.get(caseId);
      const barrier = barrierOf(caseId);
      barrier.pending -= 1;
      if (barrier.pending === 0) barrier.release();
      await barrier.allRead;
      return found;
    }
  })(fixture.client, fixture.tables);
};

let storeCount = 0;
/** A store id no other test uses, so tests sharing one DynamoDB Local never see each other's queues or agents. */
export const freshStoreId = (): string => `store-${process.pid}-${Date.now()}-${(storeCount += 1)}`;

/** An approved, `open`, unassigned case of `storeId` (status and decision as OpenCase leaves them). */
export const openCase = (storeId: string, overrides: Partial<Case> = {}): Case => {
  const now = new Date();
  const at = now.toISOString();
  return {
    ...returnRequest(),
    attachments: [],
    channel: 'web',
    caseId: newCaseId(now),
    caseNumber: 'AS-20261122-0001',
    storeId,
    status: 'open',
    createdAt: at,
    updatedAt: at,
    decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: at, decidedBy: 'policy' },
    ...overrides,
  };
};

/** Classified by the rules as `priority` (major severity, high urgency: the type's defaults). */
export const classifiedAs = (priority: Priority): Classification => ({
  severity: 'major',
  urgency: 'high',
  priority,
  severityRule: 'type_default',
  urgencyRule: 'type_default',
  classifiedAt: '2026-11-20T08:00:00.000Z',
  classifiedBy: 'rules',
});

/** Writes the case with its first event, as intake does; into a fixture or a test stack's `dependencies`. */
export const putCase = async (fixture: { cases: Pick<CaseStore, 'create'> }, value: Case): Promise<Case> => {
  await fixture.cases.create(value, timelineEvent(value.caseId, new Date(), 'case_submitted', SYSTEM));
  return value;
};

export const agentProfile = (agentId: string, overrides: Partial<AgentProfile> = {}): AgentProfile => ({
  agentId,
  name: `Agent ${agentId}`,
  email: `${agentId}@store.example`,
  skills: { types: ['return', 'exchange', 'repair', 'refund'], categories: ['*'], locales: ['zh-CN', 'en'] },
  maxOpenCases: 5,
  available: true,
  ...overrides,
});

export const putAgent = (
  fixture: Pick<DynamoFixture, 'agents'>,
  storeId: string,
  agentId: string,
  overrides: Partial<AgentProfile> = {},
): Promise<Agent> => fixture.agents.create(storeId, agentProfile(agentId, overrides), new Date());

/** A staff user of `storeId` as the staff routes' authorizer hands them to a use case: supervisor1 unless overridden. */
export const staffUser = (storeId: string, overrides: Partial<StaffUser> = {}): StaffUser => ({
  userId: 'supervisor1',
  email: 'supervisor1@store.example',
  name: 'Supervisor One',
  roles: ['supervisor'],
  storeId,
  ...overrides,
});

/** A store's profile without admins' emails (stores created before they existed have none). */
export const storeProfile = (storeId: string, overrides: Partial<Store> = {}): Store => ({
  storeId,
  name: 'Test store',
  timezone: 'Asia/Shanghai',
  defaultLocale: 'en',
  supervisorEmails: ['supervisor@store.example'],
  caseNumberPrefix: 'TS',
  reviewReminderAfter: 'P1D',
  ...overrides,
});

/** Writes a store profile as the seed and `scripts/create-store.ts` do (the port has no write for it). */
export const putStoreProfile = async (
  fixture: Pick<DynamoFixture, 'client' | 'tables'>,
  store: Store,
): Promise<void> => {
  await fixture.client.send(
    new PutCommand({
      TableName: fixture.tables.stores,
      Item: { pk: `STORE#${store.storeId}`, sk: 'PROFILE', ...store },
    }),
  );
};
