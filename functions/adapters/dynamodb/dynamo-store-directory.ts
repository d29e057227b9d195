import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { hashApiKey } from '../../domain/api-key.js';
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

  private async getItem(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    try {
      const result = await this.client.send(new GetCommand({ TableName: this.storesTable, Key: { pk, sk } }));
      return result.Item;
    } catch (error) {
      throw asTransientIfRetryable(error);
    }
  }
}
