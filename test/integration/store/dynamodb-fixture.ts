import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/document-client.js';
import { DynamoAgentDirectory } from '../../../functions/adapters/dynamodb/dynamo-agent-directory.js';
import { DynamoCaseStore } from '../../../functions/adapters/dynamodb/dynamo-case-store.js';
import type { Agent, AgentProfile } from '../../../functions/domain/agent.js';
import { newCaseId, type Case } from '../../../functions/domain/case.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { TableName } from '../../../functions/wiring/tables.js';
import { createTables, startDynamoDbLocal, type DynamoDbLocal } from '../../../local/dynamodb-local.js';
import { returnRequest } from '../../support/case-requests.js';

/** DynamoDB Local in memory with every declared table, and the adapters under test on it. Stop it in `afterAll`. */
export interface DynamoFixture {
  client: DynamoDBDocumentClient;
  tables: Record<TableName, string>;
  cases: DynamoCaseStore;
  agents: DynamoAgentDirectory;
  stop(): Promise<void>;
}

export const startDynamoFixture = async (): Promise<DynamoFixture> => {
  const dynamoDb: DynamoDbLocal = await startDynamoDbLocal();
  try {
    const admin = new DynamoDBClient({
      endpoint: dynamoDb.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tables = await createTables(admin, 'test-').finally(() => admin.destroy());
    const client = createDocumentClient({ endpoint: dynamoDb.endpoint });
    return {
      client,
      tables,
      cases: new DynamoCaseStore(client, tables),
      agents: new DynamoAgentDirectory(client, tables.agents),
      stop: async () => {
        client.destroy();
        await dynamoDb.stop();
      },
    };
  } catch (error) {
    await dynamoDb.stop();
    throw error;
  }
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

/** Writes the case with its first event, as intake does. */
export const putCase = async (fixture: Pick<DynamoFixture, 'cases'>, value: Case): Promise<Case> => {
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
