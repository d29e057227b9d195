import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StateConflictError } from '../../domain/errors.js';
import { DEFAULT_POLICY, type StorePolicy } from '../../domain/policy/store-policy.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from '../../domain/sla/sla-policy.js';
import { defaultSlaPolicyOf, type Store } from '../../domain/store.js';
import type { StoreDirectory } from '../../ports/store-directory.js';
import { asTransientIfRetryable, guarded } from './dynamo-errors.js';
import { apiKeyKey, storeDocumentKey, type StoreDocument } from './store-items.js';

/** Reads and writes store configuration in the stores table. Wrap it in `CachedStoreDirectory` on request paths. */
export class DynamoStoreDirectory implements StoreDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly storesTable: string,
  ) {}

  async findStoreByApiKey(apiKey: string): Promise<Store | undefined> {
    const keyItem = await this.getItem(apiKeyKey(apiKey));
    return typeof keyItem?.storeId === 'string' ? this.getStore(keyItem.storeId) : undefined;
  }

  async getStore(storeId: string): Promise<Store | undefined> {
    const item = await this.getItem(storeDocumentKey(storeId, 'PROFILE'));
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...store } = item;
    return store as unknown as Store;
  }

  async getPolicy(storeId: string): Promise<StorePolicy> {
    const item = await this.getItem(storeDocumentKey(storeId, 'POLICY'));
    if (!item) return DEFAULT_POLICY;
    const { pk: _pk, sk: _sk, ...policy } = item;
    return { ...DEFAULT_POLICY, ...(policy as Partial<StorePolicy>) };
  }

  savePolicy(storeId: string, policy: StorePolicy, replacing?: number): Promise<StorePolicy> {
    // A store without a policy item runs on the default, so the first save follows the default's version.
    return this.saveVersioned(
      storeId,
      'POLICY',
      policy,
      { versionOfDefault: DEFAULT_POLICY.version, replacing },
      'policy',
    );
  }

  async getSlaPolicy(storeId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<StoreSlaPolicy> {
    return (
      (await this.findSavedSlaPolicy(storeId, { consistent: fresh })) ??
      defaultSlaPolicyOf(await this.getStore(storeId))
    );
  }

  /** The SLA policy the store saved, or undefined while it runs on the default (built from its profile). */
  async findSavedSlaPolicy(
    storeId: string,
    { consistent = false }: { consistent?: boolean } = {},
  ): Promise<StoreSlaPolicy | undefined> {
    const item = await this.getItem(storeDocumentKey(storeId, 'SLA'), { consistent });
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...policy } = item;
    return { ...DEFAULT_SLA_POLICY, version: 0, ...(policy as Partial<StoreSlaPolicy>) };
  }

  saveSlaPolicy(storeId: string, policy: StoreSlaPolicy, replacing?: number): Promise<StoreSlaPolicy> {
    // A store without an SLA item runs on the default, version 0.
    return this.saveVersioned(storeId, 'SLA', policy, { versionOfDefault: 0, replacing }, 'SLA policy');
  }

  /**
   * Puts the document under `sk` with the replaced version + 1 (`versionOfDefault` + 1 over no item), conditional on
   * the replaced version still being the stored one, so two concurrent saves cannot both land. The replaced version is
   * `replacing` when the caller names one (no read then), else the stored one, read consistently.
   */
  private async saveVersioned<T extends { version: number }>(
    storeId: string,
    sk: StoreDocument,
    document: T,
    { versionOfDefault, replacing }: { versionOfDefault: number; replacing?: number | undefined },
    label: string,
  ): Promise<T> {
    const key = storeDocumentKey(storeId, sk);
    const stored = replacing === undefined ? await this.getItem(key, { consistent: true }) : undefined;
    const storedVersion = typeof stored?.version === 'number' ? stored.version : undefined;
    const previousVersion = replacing ?? storedVersion;
    const saved: T = { ...document, version: (previousVersion ?? versionOfDefault) + 1 };
    // No item runs on the default: replacing the default's version is replacing no item, or a stored copy of it.
    const condition =
      previousVersion === undefined
        ? 'attribute_not_exists(pk)'
        : previousVersion === versionOfDefault
          ? 'attribute_not_exists(pk) OR #version = :previous'
          : '#version = :previous';
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.storesTable,
          Item: { ...key, ...saved },
          ConditionExpression: condition,
          ...(previousVersion === undefined
            ? {}
            : {
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':previous': previousVersion },
              }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new StateConflictError(`The ${label} of store ${storeId} was changed meanwhile`);
      }
      throw asTransientIfRetryable(error);
    }
    return saved;
  }

  private async getItem(
    key: { pk: string; sk: string },
    { consistent = false }: { consistent?: boolean } = {},
  ): Promise<Record<string, unknown> | undefined> {
    const result = await guarded(
      this.client.send(new GetCommand({ TableName: this.storesTable, Key: key, ConsistentRead: consistent })),
    );
    return result.Item;
  }
}
