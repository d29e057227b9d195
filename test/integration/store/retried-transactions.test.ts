import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import type { CaseChange } from '../../../functions/ports/case-store.js';
import { timelineOf } from '../../support/stored-cases.js';
import { freshStoreId, openCase, putCase, startDynamoFixture, type DynamoFixture } from './dynamodb-fixture.js';

let fixture: DynamoFixture;
/** TransactWriteItems calls whose answer is lost once more: each commits, then fails the way a dropped socket does. */
let answersToDrop = 0;
let transactionAttempts = 0;
/** The ClientRequestToken each attempt sent, in order. */
let tokensSent: Array<string | undefined> = [];
/** Control: sends transactions without a token, as a client that never set one would. */
let stripTokens = false;

const bodyOf = (request: unknown): Record<string, unknown> =>
  JSON.parse(new TextDecoder().decode((request as { body: Uint8Array }).body)) as Record<string, unknown>;

beforeAll(async () => {
  fixture = await startDynamoFixture();
  // Inside the SDK's retry loop (deserialize runs per attempt), so the SDK retries the very same command.
  // Before the retry loop, once per call (the SDK fills its own token when serializing an absent one).
  fixture.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (stripTokens && context.commandName === 'TransactWriteItemsCommand') {
        const { ClientRequestToken: _token, ...rest } = bodyOf(args.request);
        const request = args.request as { body: unknown; headers: Record<string, string> };
        request.body = new TextEncoder().encode(JSON.stringify(rest));
        request.headers['content-length'] = String((request.body as Uint8Array).byteLength);
      }
      return next(args);
    },
    { step: 'build', name: 'stripTransactionToken' },
  );
  fixture.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') {
        tokensSent.push(bodyOf(args.request).ClientRequestToken as string | undefined);
      }
      const result = await next(args);
      if (context.commandName !== 'TransactWriteItemsCommand') return result;
      transactionAttempts += 1;
      if (answersToDrop === 0) return result;
      answersToDrop -= 1;
      throw Object.assign(new Error('socket hang up after the request was sent'), {
        name: 'TimeoutError',
        code: 'ECONNRESET',
        $metadata: {},
      });
    },
    { step: 'deserialize', name: 'dropTransactionAnswer', priority: 'high' },
  );
});
afterEach(() => {
  answersToDrop = 0;
  stripTokens = false;
  resetCounts();
});
const resetCounts = () => {
  transactionAttempts = 0;
  tokensSent = [];
};
afterAll(async () => fixture?.stop());

const submitted = (overrides: Partial<Case> = {}): Case => {
  const { decision: _decision, ...value } = openCase(freshStoreId(), { status: 'submitted', ...overrides });
  return value;
};

const resolving = (value: Case): CaseChange => ({
  ifStatusIn: ['in_progress'],
  set: { status: 'resolved', updatedAt: new Date().toISOString() },
  events: [timelineEvent(value.caseId, new Date(), 'resolved', SYSTEM, { from: 'in_progress', to: 'resolved' })],
});

const eventsOf = async (caseId: string) => (await timelineOf(fixture, caseId)).map((event) => event.type);

describe('Function: DynamoCaseStore, when the SDK retries a transaction that committed', () => {
  it('creates the case once and succeeds, with or without an idempotency record', async () => {
    for (const withKey of [false, true]) {
      // Prepare
      const value = submitted();
      const idempotency = withKey
        ? {
            storeId: value.storeId,
            idempotencyKey: `key-${value.caseId}`,
            requestHash: 'hash',
            caseId: value.caseId,
            expiresAt: Math.floor(Date.now() / 1000) + 60,
          }
        : undefined;
      answersToDrop = 1;

      // Act
      await fixture.cases.create(value, timelineEvent(value.caseId, new Date(), 'case_submitted', SYSTEM), {
        idempotency,
      });

      // Assess
      expect(transactionAttempts).toBe(2);
      expect(tokensSent[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(tokensSent[1]).toBe(tokensSent[0]);
      expect(await fixture.cases.get(value.caseId)).toEqual(value);
      expect(await eventsOf(value.caseId)).toEqual(['case_submitted']);
      resetCounts();
    }
  });

  it('answers a guarded change (a resolve) with success, not a conflict, and writes its event once', async () => {
    // Prepare
    const value = await putCase(fixture, openCase(freshStoreId(), { status: 'in_progress' }));
    resetCounts();
    answersToDrop = 1;

    // Act
    await fixture.cases.update(value, resolving(value));

    // Assess
    expect(transactionAttempts).toBe(2);
    expect(tokensSent[1]).toBe(tokensSent[0]);
    expect((await fixture.cases.get(value.caseId))?.status).toBe('resolved');
    expect(await eventsOf(value.caseId)).toEqual(['case_submitted', 'resolved']);
  });

  it('(control) without a token, the same retry fails its own condition: the conflict the token prevents', async () => {
    // Prepare
    const value = await putCase(fixture, openCase(freshStoreId(), { status: 'in_progress' }));
    stripTokens = true;
    answersToDrop = 1;

    // Act
    const attempt = fixture.cases.update(value, resolving(value));

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'StateConflictError' });
    expect((await fixture.cases.get(value.caseId))?.status).toBe('resolved');
  });

  it('sends a new token for each call', async () => {
    // Prepare
    const first = await putCase(fixture, openCase(freshStoreId(), { status: 'in_progress' }));
    const second = await putCase(fixture, openCase(freshStoreId(), { status: 'in_progress' }));
    resetCounts();

    // Act
    await fixture.cases.update(first, resolving(first));
    await fixture.cases.update(second, resolving(second));

    // Assess
    expect(tokensSent).toHaveLength(2);
    expect(new Set(tokensSent).size).toBe(2);
  });

  it('still refuses a second, separate change whose condition no longer holds', async () => {
    // Prepare: a token is per logical write, so a new call is checked anew.
    const value = await putCase(fixture, openCase(freshStoreId(), { status: 'in_progress' }));
    const resolve = () => fixture.cases.update(value, resolving(value));
    await resolve();

    // Act
    const again = resolve();

    // Assess
    await expect(again).rejects.toMatchObject({ name: 'StateConflictError' });
  });
});
