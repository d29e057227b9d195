import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNumberCounterKey } from '../../../functions/adapters/dynamodb/store-items.js';
import { caseNumberDay } from '../../../functions/domain/case-number.js';
import type { CaseRequest } from '../../../functions/domain/case.js';
import { IdempotencyConflictError } from '../../../functions/domain/errors.js';
import { IDEMPOTENCY_TTL_SECONDS } from '../../../functions/domain/idempotency.js';
import type { CaseWorkflow, CaseWorkflowInput } from '../../../functions/ports/case-workflow.js';
import { fileCase } from '../../../functions/use-cases/file-case.js';
import { returnRequest } from '../../support/case-requests.js';
import { freshStoreId, startDynamoFixture, storeProfile, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const request = (overrides: Partial<CaseRequest> = {}): CaseRequest => returnRequest(overrides);

/** Records the starts it is asked for; `failing` makes each start throw as StartExecution would when AWS says no. */
const recordingWorkflow = (failing = false): CaseWorkflow & { started: CaseWorkflowInput[] } => {
  const started: CaseWorkflowInput[] = [];
  return {
    started,
    start: async (input) => {
      if (failing) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
      started.push(input);
    },
    completeWait: async () => undefined,
  };
};

/** Files with the fixture's store adapter at a chosen time. */
const fileAt = (
  at: Date,
  input: Omit<Parameters<typeof fileCase>[1], 'store'> & { storeId: string },
  workflow = recordingWorkflow(),
) =>
  fileCase(
    { cases: fixture.cases, workflow, clock: { now: () => at } },
    { ...input, store: storeProfile(input.storeId) },
  );

const counterOf = async (storeId: string, at: Date): Promise<number | undefined> => {
  const { Item } = await fixture.client.send(
    new GetCommand({
      TableName: fixture.tables.stores,
      Key: caseNumberCounterKey(storeId, caseNumberDay(at, storeProfile(storeId).timezone)),
      ConsistentRead: true,
    }),
  );
  return Item?.last as number | undefined;
};

/**
 * The run's own time, to the second: DynamoDB Local enforces TTL, and an idempotency record that expired by the wall
 * clock (a fixed date in the past) could be swept between a write and its replay.
 */
const RUN_AT = new Date(Math.floor(Date.now() / 1000) * 1000);

describe('Use case: fileCase with an Idempotency-Key', () => {
  it('writes nothing, not even a case number, for a key reused with another body (409)', async () => {
    // Prepare
    const storeId = freshStoreId();
    const at = RUN_AT;
    await fileAt(at, { storeId, request: request(), idempotencyKey: 'key-1' });

    // Act
    const reused = fileAt(at, { storeId, request: request({ description: 'Another body' }), idempotencyKey: 'key-1' });

    // Assess
    await expect(reused).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await counterOf(storeId, at)).toBe(1);
  });

  it('replays the same body within the window without taking a number', async () => {
    // Prepare
    const storeId = freshStoreId();
    const at = RUN_AT;
    const body = request();
    const first = await fileAt(at, { storeId, request: body, idempotencyKey: 'key-1' });

    // Act
    const again = await fileAt(new Date(at.getTime() + 3_600_000), { storeId, request: body, idempotencyKey: 'key-1' });

    // Assess
    expect(again).toMatchObject({ created: false, filed: { caseId: first.filed.caseId } });
    expect(await counterOf(storeId, at)).toBe(1);
  });

  it.each([
    ['the same body', false],
    ['another body', true],
  ])(
    'treats a record past expiresAt (not yet deleted by TTL) as absent: %s files a new case',
    async (_label, other) => {
      // Prepare: TTL deletes lazily, so the record is still there a second after it expired.
      const storeId = freshStoreId();
      const at = RUN_AT;
      const body = request();
      const first = await fileAt(at, { storeId, request: body, idempotencyKey: 'key-1' });
      const later = new Date(at.getTime() + (IDEMPOTENCY_TTL_SECONDS + 1) * 1000);

      // Act
      const next = await fileAt(later, {
        storeId,
        request: other ? request({ description: 'Another body' }) : body,
        idempotencyKey: 'key-1',
      });

      // Assess
      expect(next.created).toBe(true);
      expect(next.filed.caseId).not.toBe(first.filed.caseId);
      const record = await fixture.cases.findIdempotencyRecord(storeId, 'key-1');
      expect(record).toMatchObject({
        caseId: next.filed.caseId,
        expiresAt: Math.floor(later.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      });
    },
  );

  it('still holds the key one second before expiresAt', async () => {
    // Prepare
    const storeId = freshStoreId();
    const at = RUN_AT;
    await fileAt(at, { storeId, request: request(), idempotencyKey: 'key-1' });
    const justBefore = new Date(at.getTime() + (IDEMPOTENCY_TTL_SECONDS - 1) * 1000);

    // Act
    const reused = fileAt(justBefore, {
      storeId,
      request: request({ description: 'Another body' }),
      idempotencyKey: 'key-1',
    });

    // Assess
    await expect(reused).rejects.toBeInstanceOf(IdempotencyConflictError);
  });
});

describe('Use case: fileCase when the workflow does not start', () => {
  it('answers with the stored case (created) when StartExecution fails, and a replay tries the start again', async () => {
    // Prepare
    const storeId = freshStoreId();
    const at = RUN_AT;
    const body = request();

    // Act
    const filed = await fileAt(at, { storeId, request: body, idempotencyKey: 'key-1' }, recordingWorkflow(true));
    const workflow = recordingWorkflow();
    const replayed = await fileAt(at, { storeId, request: body, idempotencyKey: 'key-1' }, workflow);

    // Assess
    expect(filed.created).toBe(true);
    expect(await fixture.cases.get(filed.filed.caseId)).toMatchObject({ status: 'submitted' });
    expect(replayed).toMatchObject({ created: false, filed: { caseId: filed.filed.caseId } });
    expect(workflow.started).toEqual([{ caseId: filed.filed.caseId, storeId }]);
  });
});
