import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { newStoreItems, storeDocumentKey } from '../functions/adapters/dynamodb/store-items.js';
import type { AgentProfile } from '../functions/domain/agent.js';
import { ANY_CATEGORY } from '../functions/domain/assignment.js';
import { CASE_TYPES, LOCALES } from '../functions/domain/case.js';
import { StateConflictError } from '../functions/domain/errors.js';
import type { StaffRole } from '../functions/domain/staff.js';
import type { Store } from '../functions/domain/store.js';
import type { AgentDirectory } from '../functions/ports/agent-directory.js';
import { SEEDED_STAFF_USERS, type StaffAccount } from './staff-users.js';

/** A demo store's supervisors and admins are its seeded staff users in that group: one list, not two. */
const staffEmailsOf = (storeId: string, group: StaffRole): string[] =>
  SEEDED_STAFF_USERS.filter((user) => user.storeId === storeId && user.groups.includes(group)).map(
    (user) => user.email,
  );

/** The demo stores' storefront keys. Local only: the deployed API's keys come from `scripts/create-store.ts`. */
export const DEMO_API_KEYS = { storeA: 'local-store-a-key', storeB: 'local-store-b-key' } as const;

export const DEFAULT_REVIEW_REMINDER_AFTER = 'P1D';

export interface SeedOptions {
  /**
   * How long a supervisor has for a manual review before reminders. Given explicitly, it is also applied to stores
   * seeded by an earlier start, so a demo can shorten it without deleting its data; otherwise `P1D` for new stores.
   */
  reviewReminderAfter?: string;
}

const demoStores = (reviewReminderAfter: string): Array<{ store: Store; apiKey: string }> => [
  {
    apiKey: DEMO_API_KEYS.storeA,
    store: {
      storeId: 'store-a',
      name: 'Demo Store A',
      timezone: 'Asia/Shanghai',
      defaultLocale: 'zh-CN',
      supervisorEmails: staffEmailsOf('store-a', 'supervisor'),
      adminEmails: staffEmailsOf('store-a', 'admin'),
      caseNumberPrefix: 'AS',
      reviewReminderAfter,
    },
  },
  {
    apiKey: DEMO_API_KEYS.storeB,
    store: {
      storeId: 'store-b',
      name: 'Demo Store B',
      timezone: 'Asia/Shanghai',
      defaultLocale: 'en',
      supervisorEmails: staffEmailsOf('store-b', 'supervisor'),
      adminEmails: staffEmailsOf('store-b', 'admin'),
      caseNumberPrefix: 'BS',
      reviewReminderAfter,
    },
  },
];

/** Put unless an item with that key exists: a restart never overwrites what an admin changed. */
const putIfAbsent = async (
  client: DynamoDBDocumentClient,
  table: string,
  item: Record<string, unknown>,
): Promise<void> => {
  try {
    await client.send(
      new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

const setProfileField = async <K extends keyof Store>(
  client: DynamoDBDocumentClient,
  table: string,
  storeId: string,
  field: K,
  value: Store[K],
): Promise<void> => {
  await client.send(
    new UpdateCommand({
      TableName: table,
      Key: storeDocumentKey(storeId, 'PROFILE'),
      UpdateExpression: 'SET #field = :value',
      ExpressionAttributeNames: { '#field': field },
      ExpressionAttributeValues: { ':value': value },
    }),
  );
};

/**
 * Seeds the two demo stores (profile, default policy, hashed API key and key ring) when the store's profile is missing.
 * Idempotent; returns the ids of the stores it created.
 */
export const seedDemoStores = async (
  client: DynamoDBDocumentClient,
  storesTable: string,
  options: SeedOptions = {},
): Promise<string[]> => {
  const created: string[] = [];
  for (const { store, apiKey } of demoStores(options.reviewReminderAfter ?? DEFAULT_REVIEW_REMINDER_AFTER)) {
    const { storeId } = store;
    const profile = await client.send(
      new GetCommand({ TableName: storesTable, Key: storeDocumentKey(storeId, 'PROFILE') }),
    );
    if (profile.Item) {
      if (
        options.reviewReminderAfter !== undefined &&
        profile.Item.reviewReminderAfter !== options.reviewReminderAfter
      ) {
        await setProfileField(client, storesTable, storeId, 'reviewReminderAfter', options.reviewReminderAfter);
      }
      // A store seeded before the profile had admins' emails gets them once; a list already there is kept.
      if (profile.Item.adminEmails === undefined) {
        await setProfileField(client, storesTable, storeId, 'adminEmails', store.adminEmails ?? []);
      }
      continue;
    }
    // The items `scripts/create-store.ts` writes (the key with its issue time and the store's key ring, so the key has
    // an id in the admin's list and a rotation replaces exactly it), the profile last: its presence marks the store seeded.
    const [profileItem, ...others] = newStoreItems(store, { apiKey, issuedAt: new Date() });
    for (const item of [...others, profileItem])
      await putIfAbsent(client, storesTable, item as Record<string, unknown>);
    created.push(storeId);
  }
  return created;
};

const DEMO_AGENT_CAPACITY = 10;

/** Every seeded agent takes every case type, category and language, so any approved demo case finds someone. */
const demoAgentProfile = (user: StaffAccount & { agentId: string }): AgentProfile => {
  const supervisor = SEEDED_STAFF_USERS.find(
    (candidate) => candidate.storeId === user.storeId && candidate.groups.includes('supervisor'),
  );
  return {
    agentId: user.agentId,
    name: user.name,
    email: user.email,
    skills: { types: [...CASE_TYPES], categories: [ANY_CATEGORY], locales: [...LOCALES] },
    maxOpenCases: DEMO_AGENT_CAPACITY,
    available: true,
    ...(supervisor ? { supervisorId: supervisor.userId } : {}),
  };
};

const isAgent = (user: StaffAccount): user is StaffAccount & { agentId: string } => user.agentId !== undefined;

/**
 * Seeds the agent directory of each demo store with its seeded agents (the staff users with an agentId) while the
 * store has no agent at all: an admin's later changes, additions included, are never overwritten. Idempotent;
 * returns the agentIds it created.
 */
export const seedDemoAgents = async (agents: AgentDirectory, now: Date): Promise<string[]> => {
  const created: string[] = [];
  const storeIds = [...new Set(SEEDED_STAFF_USERS.map((user) => user.storeId))];
  for (const storeId of storeIds) {
    if ((await agents.list(storeId)).length > 0) continue;
    for (const user of SEEDED_STAFF_USERS.filter(isAgent).filter((candidate) => candidate.storeId === storeId)) {
      try {
        await agents.create(storeId, demoAgentProfile(user), now);
        created.push(user.agentId);
      } catch (error) {
        if (!(error instanceof StateConflictError)) throw error;
      }
    }
  }
  return created;
};
