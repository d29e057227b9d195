import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillCaseLookup } from '../../../functions/adapters/dynamodb/case-lookup-backfill.js';
import { caseKey, caseNumberKey } from '../../../functions/adapters/dynamodb/case-items.js';
import { freshStoreId, openCase, putCase, startDynamoFixture, type DynamoFixture } from './dynamodb-fixture.js';

/** Cases filed before the staff search get its keys from the backfill, once; new cases have them from intake. */
let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const page = { limit: 20 };

/** A case as intake wrote it before the search existed: no email key on the item, no number pointer. */
const filedBeforeSearch = async (storeId: string, caseNumber: string, email: string) => {
  const value = await putCase(
    fixture,
    openCase(storeId, { caseNumber, customer: { id: 'c-1', email, name: 'Li Lei', locale: 'en' } }),
  );
  await fixture.client.send(
    new UpdateCommand({
      TableName: fixture.tables.cases,
      Key: caseKey(value.caseId),
      UpdateExpression: 'REMOVE storeEmailKey',
    }),
  );
  await fixture.client.send(
    new DeleteCommand({ TableName: fixture.tables.cases, Key: caseNumberKey(storeId, caseNumber) }),
  );
  return value;
};

describe('Function: backfillCaseLookup', () => {
  it('finds a new case by number and email at once, from the keys intake writes', async () => {
    // Prepare
    const storeId = freshStoreId();
    const value = await putCase(fixture, openCase(storeId, { caseNumber: 'AS-20261207-0042' }));

    // Act & Assess
    expect(await fixture.cases.findIdByCaseNumber(storeId, 'AS-20261207-0042')).toBe(value.caseId);
    const found = await fixture.cases.search(storeId, { customerEmail: value.customer.email.toUpperCase() }, page);
    expect(found.items.map((item) => item.caseId)).toEqual([value.caseId]);
  });

  it('writes the keys of a case filed before the search, once', async () => {
    // Prepare
    const storeId = freshStoreId();
    const old = await filedBeforeSearch(storeId, 'AS-20261101-0007', 'Old.Customer@Example.com');
    const before = await fixture.cases.search(storeId, { customerEmail: 'old.customer@example.com' }, page);

    // Act
    const first = await backfillCaseLookup(fixture.client, fixture.tables.cases, old);
    const again = await backfillCaseLookup(fixture.client, fixture.tables.cases, old);

    // Assess
    expect(before.items).toEqual([]);
    expect(first).toEqual({ emailKey: true, numberPointer: true });
    expect(again).toEqual({ emailKey: false, numberPointer: false });
    expect(await fixture.cases.findIdByCaseNumber(storeId, 'AS-20261101-0007')).toBe(old.caseId);
    const after = await fixture.cases.search(storeId, { customerEmail: ' old.customer@example.com' }, page);
    expect(after.items.map((item) => item.caseId)).toEqual([old.caseId]);
    expect(after.items[0]).not.toHaveProperty('storeEmailKey');
    expect(await fixture.cases.findIdByCaseNumber(freshStoreId(), 'AS-20261101-0007')).toBeUndefined();
  });
});
