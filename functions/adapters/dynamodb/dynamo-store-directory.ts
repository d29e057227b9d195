import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isApiKeyValidAt, type StoredApiKey, type StoreKeyRing } from '../../domain/api-key.js';
import { StateConflictError } from '../../domain/errors.js';
import { DEFAULT_POLICY, type StorePolicy } from '../../domain/policy/store-policy.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from '../../domain/sla/sla-policy.js';
import { defaultSlaPolicyOf, type Store } from '../../domain/store.js';
import type { EditableStoreProfile } from '../../domain/store-profile.js';
import type { ApiKeyRotation, StoreDirectory } from '../../ports/store-directory.js';
import { asTransientIfRetryable, cancellationReasons, guarded } from './dynamo-errors.js';
import { transactWrite } from './transact-write.js';
import { apiKeyHashKey, apiKeyKey, storeDocumentKey, type StoreDocument } from './store-items.js';

/** Reads and writes store configuration in the stores table. Wrap it in `CachedStoreDirectory` on request paths. */
export class DynamoStoreDirectory implements StoreDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly storesTable: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async findStoreByApiKey(apiKey: string): Promise<Store | undefined> {
    const key = await this.findApiKey(apiKey);
    if (!key) return undefined;
    const ring = key.issuedAt === undefined ? await this.findKeyRing(key.storeId) : undefined;
    return isApiKeyValidAt(key, ring, this.now()) ? this.getStore(key.storeId) : undefined;
  }

  /** The lookup item of a key, whatever its validity (`isApiKeyValidAt` decides). */
  async findApiKey(apiKey: string): Promise<StoredApiKey | undefined> {
    const item = await this.getItem(apiKeyKey(apiKey));
    if (typeof item?.storeId !== 'string') return undefined;
    const { storeId, issuedAt, validUntil } = item as Record<string, unknown>;
    return {
      storeId: storeId as string,
      ...(typeof issuedAt === 'string' ? { issuedAt } : {}),
      ...(typeof validUntil === 'string' ? { validUntil } : {}),
    };
  }

  /** The store's key ring, or undefined while it never rotated its key. */
  async findKeyRing(
    storeId: string,
    { consistent = false }: { consistent?: boolean } = {},
  ): Promise<StoreKeyRing | undefined> {
    const item = await this.getItem(storeDocumentKey(storeId, 'APIKEYS'), { consistent });
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...ring } = item;
    return ring as unknown as StoreKeyRing;
  }

  /**
   * One transaction: the new key's lookup item, the replaced key's `validUntil`, and the ring (conditional on the
   * current key it replaces, so of two concurrent rotations one fails). A store that never rotated has no ring: its
   * keys from before (without `issuedAt`) then work until `previousValidUntil` (`legacyKeysValidUntil`).
   */
  async rotateApiKey(storeId: string, rotation: ApiKeyRotation): Promise<StoreKeyRing> {
    const ring = await this.findKeyRing(storeId, { consistent: true });
    const issuedAt = rotation.issuedAt.toISOString();
    const validUntil = rotation.previousValidUntil.toISOString();
    const stillValid = (ring?.retired ?? []).filter((key) => Date.parse(key.validUntil) > rotation.issuedAt.getTime());
    const next: StoreKeyRing = {
      currentKeyHash: rotation.keyHash,
      issuedAt,
      ...(rotation.gatewayKeyId ? { gatewayKeyId: rotation.gatewayKeyId } : {}),
      retired: ring
        ? [
            ...stillValid,
            {
              keyHash: ring.currentKeyHash,
              validUntil,
              ...(ring.gatewayKeyId ? { gatewayKeyId: ring.gatewayKeyId } : {}),
            },
          ]
        : [],
      legacyKeysValidUntil: ring ? ring.legacyKeysValidUntil : validUntil,
    };
    const ringKey = storeDocumentKey(storeId, 'APIKEYS');
    try {
      await transactWrite(this.client, [
        {
          Put: {
            TableName: this.storesTable,
            Item: { ...apiKeyHashKey(rotation.keyHash), storeId, issuedAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...(ring
          ? [
              {
                Update: {
                  TableName: this.storesTable,
                  Key: apiKeyHashKey(ring.currentKeyHash),
                  UpdateExpression: 'SET validUntil = :validUntil',
                  ConditionExpression: 'storeId = :storeId',
                  ExpressionAttributeValues: { ':validUntil': validUntil, ':storeId': storeId },
                },
              },
            ]
          : []),
        {
          Put: {
            TableName: this.storesTable,
            Item: { ...ringKey, ...next },
            ConditionExpression: ring ? 'currentKeyHash = :replaced' : 'attribute_not_exists(pk)',
            ...(ring ? { ExpressionAttributeValues: { ':replaced': ring.currentKeyHash } } : {}),
          },
        },
      ]);
    } catch (error) {
      if (cancellationReasons(error).some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        throw new StateConflictError(`The API key of store ${storeId} was rotated meanwhile`, { cause: error });
      }
      throw asTransientIfRetryable(error);
    }
    return next;
  }

  /**
   * Sets the editable fields on the profile item and the version one up, conditional on the replaced version (the
   * stored one, read consistently, when the caller names none); a profile without a version is version 0. Fields an
   * admin does not edit (the store id, an operator's `signalRecheckAfter`) are kept.
   */
  async saveStoreProfile(storeId: string, profile: EditableStoreProfile, replacing?: number): Promise<Store> {
    const key = storeDocumentKey(storeId, 'PROFILE');
    const stored = replacing === undefined ? await this.getItem(key, { consistent: true }) : undefined;
    if (replacing === undefined && !stored) throw new StateConflictError(`Store ${storeId} has no profile`);
    const previous = replacing ?? (typeof stored?.version === 'number' ? stored.version : 0);
    const fields: Record<string, unknown> = { ...profile, version: previous + 1 };
    const names = Object.keys(fields);
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.storesTable,
          Key: key,
          UpdateExpression: `SET ${names.map((name, index) => `#f${index} = :f${index}`).join(', ')}`,
          ConditionExpression:
            previous === 0
              ? 'attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :previous)'
              : 'attribute_exists(pk) AND #version = :previous',
          ExpressionAttributeNames: {
            '#version': 'version',
            ...Object.fromEntries(names.map((name, index) => [`#f${index}`, name])),
          },
          ExpressionAttributeValues: {
            ':previous': previous,
            ...Object.fromEntries(names.map((name, index) => [`:f${index}`, fields[name]])),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const { pk: _pk, sk: _sk, ...store } = result.Attributes ?? {};
      return store as unknown as Store;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new StateConflictError(`The profile of store ${storeId} was changed meanwhile`);
      }
      throw asTransientIfRetryable(error);
    }
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
