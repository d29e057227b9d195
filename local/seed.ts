import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { hashApiKey } from '../functions/domain/api-key.js';
import { DEFAULT_POLICY } from '../functions/domain/policy/store-policy.js';
import type { Store } from '../functions/domain/store.js';

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
      supervisorEmails: ['supervisor1@store-a.example'],
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
      supervisorEmails: ['supervisor@store-b.example'],
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

/**
 * Seeds the two demo stores (profile, default policy, hashed API key) when the store's profile is missing.
 * Idempotent; returns the ids of the stores it created.
 */
export const seedDemoStores = async (
  client: DynamoDBDocumentClient,
  storesTable: string,
  options: SeedOptions = {},
): Promise<string[]> => {
  const created: string[] = [];
  for (const { store, apiKey } of demoStores(options.reviewReminderAfter ?? DEFAULT_REVIEW_REMINDER_AFTER)) {
    const pk = `STORE#${store.storeId}`;
    const profile = await client.send(new GetCommand({ TableName: storesTable, Key: { pk, sk: 'PROFILE' } }));
    if (profile.Item) {
      if (
        options.reviewReminderAfter !== undefined &&
        profile.Item.reviewReminderAfter !== options.reviewReminderAfter
      ) {
        await client.send(
          new UpdateCommand({
            TableName: storesTable,
            Key: { pk, sk: 'PROFILE' },
            UpdateExpression: 'SET reviewReminderAfter = :value',
            ExpressionAttributeValues: { ':value': options.reviewReminderAfter },
          }),
        );
      }
      continue;
    }
    await putIfAbsent(client, storesTable, { pk, sk: 'POLICY', ...DEFAULT_POLICY });
    await putIfAbsent(client, storesTable, {
      pk: `APIKEY#${hashApiKey(apiKey)}`,
      sk: 'APIKEY',
      storeId: store.storeId,
    });
    // The profile last: its presence is what marks the store as seeded.
    await putIfAbsent(client, storesTable, { pk, sk: 'PROFILE', ...store });
    created.push(store.storeId);
  }
  return created;
};
