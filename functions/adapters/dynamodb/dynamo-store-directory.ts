import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { hashApiKey } from '../../domain/api-key.js';
import { StateConflictError } from '../../domain/errors.js';
import { DEFAULT_POLICY, type StorePolicy } from '../../domain/policy/store-policy.js';
import type { Store } from '../../domain/store.js';
import type { StoreDirectory } from '../../ports/store-directory.js';
import { asTransientIfRetryable } from './dynamo-errors.js';

/** Reads store configuration from the stores table. Wrap it in `CachedStoreDirectory` on request paths. */
export class DynamoStoreDirectory implements StoreDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly storesTable: string,
  ) {}

  async findStoreByApiKey(apiKey: string): Promise<Store | undefined> {
    const keyItem = await this.getItem(`APIKEY#${hashApiKey(apiKey)}`, 'APIKEY');
    return typeof keyItem?.storeId === 'string' ? this.getStore(keyItem.storeId) : undefined;
  }

  async getStore(storeId: string): Promise<Store | undefined> {
    const item = await this.getItem(`STORE#${storeId}`, 'PROFILE');
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...store } = item;
    return store as unknown as Store;
  }

  async getPolicy(storeId: string): Promise<StorePolicy> {
    const item = await this.getItem(`STORE#${storeId}`, 'POLICY');
    if (!item) return DEFAULT_POLICY;
    const { pk: _pk, sk: _sk, ...policy } = item;
    return { ...DEFAULT_POLICY, ...(policy as Partial<StorePolicy>) };
  }

  async savePolicy(storeId: string, policy: StorePolicy): Promise<StorePolicy> {
    const pk = `STORE#${storeId}`;
    const stored = await this.getItem(pk, 'POLICY', { consistent: true });
    const previousVersion = typeof stored?.version === 'number' ? stored.version : undefined;
    // A store without a policy item runs on the default, so the first save follows the default's version.
    const saved: StorePolicy = { ...policy, version: (previousVersion ?? DEFAULT_POLICY.version) + 1 };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.storesTable,
          Item: { pk, sk: 'POLICY', ...saved },
          ...(previousVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#version = :previous',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':previous': previousVersion },
              }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new StateConflictError(`The policy of store ${storeId} was changed meanwhile`);
      }
      throw asTransientIfRetryable(error);
    }
    return saved;
  }

  private async getItem(
    pk: string,
    sk: string,
    { consistent = false }: { consistent?: boolean } = {},
  ): Promise<Record<string, unknown> | undefined> {
    try {
      const result = await this.client.send(
        new GetCommand({ TableName: this.storesTable, Key: { pk, sk }, ConsistentRead: consistent }),
      );
      return result.Item;
    } catch (error) {
      throw asTransientIfRetryable(error);
    }
  }
}
