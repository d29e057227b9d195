import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import {
  isApiKeyValidAt,
  revokedKeyRing,
  rotatedKeyRing,
  type RetiredApiKey,
  type StoredApiKey,
  type StoreKeyRing,
} from '../../domain/api-key.js';
import { StateConflictError } from '../../domain/errors.js';
import { DEFAULT_POLICY, type StorePolicy } from '../../domain/policy/store-policy.js';
import { DEFAULT_SLA_POLICY, type StoreSlaPolicy } from '../../domain/sla/sla-policy.js';
import { defaultSlaPolicyOf, type Store } from '../../domain/store.js';
import type { EditableStoreProfile } from '../../domain/store-profile.js';
import type { ApiKeyRotation, GatewayKeyRetirement, StoreDirectory } from '../../ports/store-directory.js';
import type { TransactItem } from './transact-write.js';
import { asTransientIfRetryable, cancellationReasons, guarded } from './dynamo-errors.js';
import { transactWrite } from './transact-write.js';
import {
  apiKeyHashKey,
  apiKeyKey,
  GATEWAY_RETIREMENTS_PK,
  gatewayRetirementKey,
  storeDocumentKey,
  type StoreDocument,
} from './store-items.js';

/**
 * Replaced keys a store may have still working. A rotation writes two items per key whose end it moves (at most these
 * and the replaced one), so it stays within a transaction's 100 items; a PT0S rotation ends them all, so it always fits.
 */
const MAX_KEYS_IN_OVERLAP = 45;

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
    const ring = key.issuedAt === undefined ? await this.findKeyRing(key.storeId, { consistent: true }) : undefined;
    return isApiKeyValidAt(key, ring, this.now()) ? this.getStore(key.storeId) : undefined;
  }

  /**
   * The lookup item of a key, whatever its validity (`isApiKeyValidAt` decides). Read consistently: a key replaced with
   * no overlap, or revoked, is refused from the next request on, whichever function serves it.
   */
  async findApiKey(apiKey: string): Promise<StoredApiKey | undefined> {
    const item = await this.getItem(apiKeyKey(apiKey), { consistent: true });
    if (typeof item?.storeId !== 'string') return undefined;
    const { storeId, issuedAt, validUntil } = item;
    return {
      storeId: storeId,
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

  getKeyRing(storeId: string): Promise<StoreKeyRing | undefined> {
    return this.findKeyRing(storeId, { consistent: true });
  }

  /**
   * One transaction: the new key's lookup item, the replaced key's `validUntil`, the older keys' `validUntil` cut to it
   * when later, a gateway retirement for each key with a gateway id whose end moved, and the ring (conditional on the
   * current key it replaces, so of two concurrent rotations one fails).
   */
  async rotateApiKey(storeId: string, rotation: ApiKeyRotation): Promise<StoreKeyRing> {
    const ring = await this.findKeyRing(storeId, { consistent: true });
    const issuedAt = rotation.issuedAt.toISOString();
    const next = rotatedKeyRing(ring, {
      keyHash: rotation.keyHash,
      issuedAt,
      previousValidUntil: rotation.previousValidUntil.toISOString(),
      ...(rotation.gatewayKeyId ? { gatewayKeyId: rotation.gatewayKeyId } : {}),
    });
    const inOverlap = next.retired.filter((key) => Date.parse(key.validUntil) > rotation.issuedAt.getTime());
    if (inOverlap.length > MAX_KEYS_IN_OVERLAP) {
      throw new StateConflictError(
        `Store ${storeId} would have more than ${MAX_KEYS_IN_OVERLAP} replaced keys still working: rotate with overlap PT0S or revoke some`,
      );
    }
    const before = new Map((ring?.retired ?? []).map((key) => [key.keyHash, key.validUntil]));
    const moved = next.retired.filter((key) => before.get(key.keyHash) !== key.validUntil);
    await this.writeKeyChange(storeId, ring, next, moved, [
      {
        Put: {
          TableName: this.storesTable,
          Item: { ...apiKeyHashKey(rotation.keyHash), storeId, issuedAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    return next;
  }

  async revokeApiKey(storeId: string, keyId: string): Promise<void> {
    const ring = await this.findKeyRing(storeId, { consistent: true });
    const change = revokedKeyRing(ring, keyId, this.now());
    if (!change) return;
    await this.writeKeyChange(storeId, ring, change.ring, change.revoked ? [change.revoked] : []);
  }

  async dueGatewayKeyRetirements(limit: number): Promise<GatewayKeyRetirement[]> {
    const result = await guarded(
      this.client.send(
        new QueryCommand({
          TableName: this.storesTable,
          KeyConditionExpression: 'pk = :pk AND sk < :upTo',
          // `#` sorts before `$`: every retirement due at or before now.
          ExpressionAttributeValues: { ':pk': GATEWAY_RETIREMENTS_PK, ':upTo': `${this.now().toISOString()}$` },
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).map((item) => ({
      storeId: String(item.storeId),
      gatewayKeyId: String(item.gatewayKeyId),
      due: String(item.due),
    }));
  }

  async forgetGatewayKeyRetirement(retirement: GatewayKeyRetirement): Promise<void> {
    await guarded(
      this.client.send(
        new DeleteCommand({
          TableName: this.storesTable,
          Key: gatewayRetirementKey(retirement.due, retirement.gatewayKeyId),
        }),
      ),
    );
  }

  /**
   * Writes a ring change in one transaction with `extra`: each key in `ended` gets its new `validUntil` on its lookup
   * item and, with a gateway id, a retirement due then; the ring is conditional on the one read (its current key, or
   * its absence), so a concurrent rotation or revocation makes this one a 409.
   */
  private async writeKeyChange(
    storeId: string,
    ring: StoreKeyRing | undefined,
    next: StoreKeyRing,
    ended: RetiredApiKey[],
    extra: TransactItem[] = [],
  ): Promise<void> {
    const ringKey = storeDocumentKey(storeId, 'APIKEYS');
    try {
      await transactWrite(this.client, [
        ...extra,
        ...ended.flatMap((key): TransactItem[] => [
          {
            Update: {
              TableName: this.storesTable,
              Key: apiKeyHashKey(key.keyHash),
              UpdateExpression: 'SET validUntil = :validUntil',
              ConditionExpression: 'storeId = :storeId',
              ExpressionAttributeValues: { ':validUntil': key.validUntil, ':storeId': storeId },
            },
          },
          ...(key.gatewayKeyId
            ? [
                {
                  Put: {
                    TableName: this.storesTable,
                    Item: {
                      ...gatewayRetirementKey(key.validUntil, key.gatewayKeyId),
                      storeId,
                      gatewayKeyId: key.gatewayKeyId,
                      due: key.validUntil,
                    },
                  },
                },
              ]
            : []),
        ]),
        {
          Put: {
            TableName: this.storesTable,
            Item: { ...ringKey, ...next, revision: (ring?.revision ?? 0) + 1 },
            ConditionExpression: !ring
              ? 'attribute_not_exists(pk)'
              : ring.revision === undefined
                ? 'currentKeyHash = :current AND attribute_not_exists(revision)'
                : 'currentKeyHash = :current AND revision = :revision',
            ...(ring
              ? {
                  ExpressionAttributeValues: {
                    ':current': ring.currentKeyHash,
                    ...(ring.revision === undefined ? {} : { ':revision': ring.revision }),
                  },
                }
              : {}),
          },
        },
      ]);
    } catch (error) {
      if (cancellationReasons(error).some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        throw new StateConflictError(`The API keys of store ${storeId} were changed meanwhile`, { cause: error });
      }
      throw asTransientIfRetryable(error);
    }
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

  async getStore(storeId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<Store | undefined> {
    const item = await this.getItem(storeDocumentKey(storeId, 'PROFILE'), { consistent: fresh });
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
