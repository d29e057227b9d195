import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/document-client.js';
import { DynamoCaseStore } from '../../../functions/adapters/dynamodb/dynamo-case-store.js';
import { caseNumberCounterKey } from '../../../functions/adapters/dynamodb/store-items.js';
import { CASE_NUMBER_PATTERN, caseNumberDay } from '../../../functions/domain/case-number.js';
import type { CaseRequest } from '../../../functions/domain/case.js';
import { IdempotencyConflictError } from '../../../functions/domain/errors.js';
import type { CaseWorkflow } from '../../../functions/ports/case-workflow.js';
import { fileCase } from '../../../functions/use-cases/file-case.js';
import { returnRequest } from '../../support/case-requests.js';
import { workerDynamoDb } from '../../support/table-prefix.js';
import { freshStoreId, startDynamoFixture, storeProfile, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;
const clients: DynamoDBDocumentClient[] = [];

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await fixture?.stop();
});

/**
 * The run's own time, to the second: DynamoDB Local enforces TTL, and an idempotency record that expired by the wall
 * clock (a fixed date in the past) could be swept between a write and its replay.
 */
const AT = new Date(Math.floor(Date.now() / 1000) * 1000);
const noWorkflow: CaseWorkflow = { start: async () => undefined, completeWait: async () => undefined };

/** A container: its own case store, on a client that records every DynamoDB operation it sends. */
const container = (): { cases: DynamoCaseStore; sent: string[]; client: DynamoDBDocumentClient } => {
  const client = createDocumentClient({ endpoint: workerDynamoDb().endpoint });
  clients.push(client);
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'recordOperations' },
  );
  return { cases: new DynamoCaseStore(client, fixture.tables), sent, client };
};

const fileWith = (
  cases: DynamoCaseStore,
  storeId: string,
  { request = returnRequest(), idempotencyKey }: { request?: CaseRequest; idempotencyKey?: string } = {},
) =>
  fileCase(
    { cases, workflow: noWorkflow, clock: { now: () => AT } },
    { store: storeProfile(storeId), request, idempotencyKey, intakeLimited: true },
  );

const counterOf = async (storeId: string): Promise<number | undefined> => {
  const { Item } = await fixture.client.send(
    new GetCommand({
      TableName: fixture.tables.stores,
      Key: caseNumberCounterKey(storeId, caseNumberDay(AT, storeProfile(storeId).timezone)),
      ConsistentRead: true,
    }),
  );
  return Item?.last as number | undefined;
};

const sequenceOf = (caseNumber: string): number => Number(CASE_NUMBER_PATTERN.exec(caseNumber)?.groups?.sequence);

describe('DynamoDB Local: a cancelled transaction with ReturnValuesOnConditionCheckFailure ALL_OLD', () => {
  it('names each item in order and carries the failed Put’s stored item in DynamoDB’s own form', async () => {
    // Prepare
    const pk = `probe-${freshStoreId()}`;
    await fixture.client.send(
      new PutCommand({ TableName: fixture.tables.idempotency, Item: { pk, caseId: 'cs_1', expiresAt: 5 } }),
    );

    // Act
    const error = await fixture.client
      .send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: fixture.tables.idempotency, Item: { pk: `${pk}-other` } } },
            {
              Put: {
                TableName: fixture.tables.idempotency,
                Item: { pk, caseId: 'cs_2' },
                ConditionExpression: 'attribute_not_exists(pk)',
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
          ],
        }),
      )
      .catch((caught: unknown) => caught);

    // Assess: lib-dynamodb leaves the reasons' items marshalled.
    expect(error).toMatchObject({
      name: 'TransactionCanceledException',
      CancellationReasons: [
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed', Item: { pk: { S: pk }, caseId: { S: 'cs_1' }, expiresAt: { N: '5' } } },
      ],
    });
  });
});

describe('Use case: fileCase in one round trip', () => {
  it('files with an Idempotency-Key in exactly one TransactWriteItems, no read before it', async () => {
    // Prepare
    const storeId = freshStoreId();
    const { cases, sent } = container();

    // Act
    const filed = await fileWith(cases, storeId, { idempotencyKey: 'key-1' });
    const next = await fileWith(cases, storeId, { idempotencyKey: 'key-2' });

    // Assess
    expect(filed.created && next.created).toBe(true);
    expect(sent).toEqual(['TransactWriteItems', 'TransactWriteItems']);
    expect([filed.filed.caseNumber, next.filed.caseNumber].map(sequenceOf)).toEqual([1, 2]);
  });

  it('recognises a replay from the cancellation: the earlier case, read after the write, and nothing written', async () => {
    // Prepare
    const storeId = freshStoreId();
    const body = returnRequest();
    const first = await fileWith(container().cases, storeId, { request: body, idempotencyKey: 'key-1' });
    const { cases, sent } = container();

    // Act
    const again = await fileWith(cases, storeId, { request: body, idempotencyKey: 'key-1' });

    // Assess: the write, cancelled, then the case to answer with; the counter and the quota untouched.
    expect(again).toMatchObject({
      created: false,
      filed: { caseId: first.filed.caseId, caseNumber: first.filed.caseNumber },
    });
    expect(sent).toEqual(['TransactWriteItems', 'GetItem']);
    expect(await counterOf(storeId)).toBe(1);
    const listed = await cases.listByCustomer(storeId, body.customer.id, { limit: 10 });
    expect(listed.items.map((item) => item.caseId)).toEqual([first.filed.caseId]);
  });

  it('answers a conflicting replay (same key, another body) with the 409 naming the earlier case, nothing written', async () => {
    // Prepare
    const storeId = freshStoreId();
    const { cases, sent } = container();
    const first = await fileWith(cases, storeId, { idempotencyKey: 'key-1' });
    sent.length = 0;

    // Act
    const reused = fileWith(cases, storeId, {
      request: returnRequest({ description: 'Another problem' }),
      idempotencyKey: 'key-1',
    });

    // Assess
    await expect(reused).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(reused).rejects.toMatchObject({
      details: [{ path: 'Idempotency-Key', message: `Already used for case ${first.filed.caseNumber}` }],
    });
    expect(sent).toEqual(['TransactWriteItems', 'GetItem']);
    expect(await counterOf(storeId)).toBe(1);
    // The number the cancelled write held is still this container's: the next case takes it.
    const next = await fileWith(cases, storeId, { idempotencyKey: 'key-2' });
    expect(sequenceOf(next.filed.caseNumber)).toBe(2);
  });

  it('claims blocks of 1, 2, 4, ... numbers, each in the transaction of its first case', async () => {
    // Prepare
    const storeId = freshStoreId();
    const { cases, sent } = container();

    // Act
    const numbers: number[] = [];
    const counters: Array<number | undefined> = [];
    for (let index = 0; index < 8; index += 1) {
      numbers.push(sequenceOf((await fileWith(cases, storeId, { idempotencyKey: `key-${index}` })).filed.caseNumber));
      counters.push(await counterOf(storeId));
    }

    // Assess
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(counters).toEqual([1, 3, 3, 7, 7, 7, 7, 15]);
    expect(sent).toEqual(Array(8).fill('TransactWriteItems'));
  });

  it('takes the next block after another container’s with one more transaction, no read', async () => {
    // Prepare: container A has numbers 1 and 2-3; B has seen nothing of this store.
    const storeId = freshStoreId();
    const a = container();
    await fileWith(a.cases, storeId);
    await fileWith(a.cases, storeId);
    const b = container();

    // Act
    const fromB = await fileWith(b.cases, storeId);
    const thenA = await fileWith(a.cases, storeId);

    // Assess: B's guess (no counter yet) was cancelled with the counter in its reason; A still owns 3.
    expect(b.sent).toEqual(['TransactWriteItems', 'TransactWriteItems']);
    expect(sequenceOf(fromB.filed.caseNumber)).toBe(4);
    expect(sequenceOf(thenA.filed.caseNumber)).toBe(3);
  });

  it('gives parallel intakes on several containers distinct case numbers, densely', async () => {
    // Prepare
    const storeId = freshStoreId();
    const containers = [container(), container(), container()];
    const perContainer = 20;

    // Act: each container files 20 cases, 5 at a time, all three at once.
    const filed = await Promise.all(
      containers.map(async ({ cases }) => {
        const numbers: string[] = [];
        for (let round = 0; round < perContainer / 5; round += 1) {
          const batch = await Promise.all(
            Array.from({ length: 5 }, (_, index) =>
              fileWith(cases, storeId, {
                request: returnRequest({
                  customer: { id: `c-${round}-${index}`, email: 'p@example.com', name: 'P', locale: 'en' },
                }),
              }),
            ),
          );
          numbers.push(...batch.map(({ filed: one }) => one.caseNumber));
        }
        return numbers;
      }),
    );

    // Assess
    const all = filed.flat();
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    for (const caseNumber of all) expect(caseNumber).toMatch(CASE_NUMBER_PATTERN);
    const counter = (await counterOf(storeId)) ?? 0;
    expect(Math.max(...all.map(sequenceOf))).toBeLessThanOrEqual(counter);
    // Blocks double up to 32: three containers leave fewer unused numbers than they filed.
    expect(counter).toBeLessThan(2 * all.length);
  });
});
