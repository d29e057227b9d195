import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../functions/domain/store.js';
import { seedDemoStores } from '../../../local/seed.js';
import { putStoreProfile, startDynamoFixture, storeProfile, type DynamoFixture } from '../store/dynamodb-fixture.js';

let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const DEMO_STORE_IDS = ['store-a', 'store-b'];

// Each test starts from stores never seeded (the profile is what marks a store as seeded).
beforeEach(async () => {
  for (const storeId of DEMO_STORE_IDS) {
    await fixture.client.send(
      new DeleteCommand({ TableName: fixture.tables.stores, Key: { pk: `STORE#${storeId}`, sk: 'PROFILE' } }),
    );
  }
});

/** A profile as a start before admins' emails were part of it wrote it. */
const legacyProfile = (storeId: string): Store =>
  storeProfile(storeId, {
    name: `Demo ${storeId}`,
    supervisorEmails: [`supervisor@${storeId}.example`],
    caseNumberPrefix: 'AS',
  });

describe('Function: seedDemoStores', () => {
  it("seeds each demo store's supervisors and admins from its seeded staff users", async () => {
    // Act
    const created = await seedDemoStores(fixture.client, fixture.tables.stores);

    // Assess
    expect(created).toEqual(DEMO_STORE_IDS);
    expect(await fixture.stores.getStore('store-a')).toMatchObject({
      supervisorEmails: ['supervisor1@store-a.example'],
      adminEmails: ['admin1@store-a.example'],
    });
    expect(await fixture.stores.getStore('store-b')).toMatchObject({
      supervisorEmails: ['supervisor3@store-b.example'],
      adminEmails: ['admin3@store-b.example'],
    });
  });

  it("gives a store seeded before admins' emails existed its admins, and keeps a list already there", async () => {
    // Prepare
    await putStoreProfile(fixture, legacyProfile('store-a'));
    await putStoreProfile(fixture, { ...legacyProfile('store-b'), adminEmails: ['owner@store-b.example'] });

    // Act
    const created = await seedDemoStores(fixture.client, fixture.tables.stores);

    // Assess
    expect(created).toEqual([]);
    expect(await fixture.stores.getStore('store-a')).toEqual({
      ...legacyProfile('store-a'),
      adminEmails: ['admin1@store-a.example'],
    });
    expect((await fixture.stores.getStore('store-b'))?.adminEmails).toEqual(['owner@store-b.example']);
  });
});
