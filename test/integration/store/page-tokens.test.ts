import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors.js';
import { freshStoreId, openCase, putCase, startDynamoFixture, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const token = (key: unknown): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** A real page token of a customer's listing, decoded: the key DynamoDB returned. */
const realKeyOf = async (storeId: string, customerId: string): Promise<Record<string, string>> => {
  const page = await fixture.cases.listByCustomer(storeId, customerId, { limit: 1 });
  if (!page.nextToken) throw new Error('expected a second page');
  return JSON.parse(Buffer.from(page.nextToken, 'base64url').toString('utf8')) as Record<string, string>;
};

describe('Function: DynamoCaseStore page tokens', () => {
  it('refuses a hand-made token that names the right partition but is not a key this listing returned', async () => {
    // Prepare
    const storeId = freshStoreId();
    const first = openCase(storeId);
    const second = openCase(storeId);
    await putCase(fixture, first);
    await putCase(fixture, second);
    const customerId = first.customer.id;
    const real = await realKeyOf(storeId, customerId);
    const partition = real.storeCustomerKey as string;
    const otherCaseId = first.caseId === real.pk?.slice(5) ? second.caseId : first.caseId;
    const forged: Array<[string, unknown]> = [
      ['the partition alone', { storeCustomerKey: partition }],
      ['no sort key', { pk: real.pk, sk: 'CASE', storeCustomerKey: partition }],
      ['an extra attribute', { ...real, extra: 'x' }],
      ['an empty sort key', { ...real, createdKey: '' }],
      ['another table key', { ...real, pk: 'STORE#A' }],
      ['a timeline item', { ...real, sk: 'EVENT#2026' }],
      ['a key of another case', { ...real, pk: `CASE#${otherCaseId}` }],
      ['a number', { ...real, createdKey: 12 }],
      ['an oversized sort key', { ...real, createdKey: `${'9'.repeat(1_100)}#${real.pk?.slice(5)}` }],
      ['a lone surrogate', { ...real, createdKey: `\ud800#${real.pk?.slice(5)}` }],
      ['an array', [real]],
      ['null', null],
    ];

    for (const [label, key] of forged) {
      // Act
      const listing = fixture.cases.listByCustomer(storeId, customerId, { limit: 1, nextToken: token(key) });

      // Assess
      await expect(listing, label).rejects.toBeInstanceOf(ValidationError);
      await expect(listing, label).rejects.toMatchObject({ details: [{ path: 'nextToken' }] });
    }
  });

  it('follows its own tokens, and refuses them for another customer', async () => {
    // Prepare
    const storeId = freshStoreId();
    const first = openCase(storeId);
    await putCase(fixture, first);
    await putCase(fixture, openCase(storeId));
    const page = await fixture.cases.listByCustomer(storeId, first.customer.id, { limit: 1 });

    // Act
    const next = await fixture.cases.listByCustomer(storeId, first.customer.id, {
      limit: 1,
      nextToken: page.nextToken,
    });
    const otherCustomer = fixture.cases.listByCustomer(storeId, 'someone-else', {
      limit: 1,
      nextToken: page.nextToken,
    });

    // Assess
    expect(next.items).toHaveLength(1);
    expect(next.items[0]?.caseId).not.toBe(page.items[0]?.caseId);
    await expect(otherCustomer).rejects.toBeInstanceOf(ValidationError);
  });
});
