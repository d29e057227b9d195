import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPresenceBoard } from '../../../functions/adapters/dynamodb/dynamo-presence-board.js';
import { PRESENCE_SECONDS } from '../../../functions/domain/case-presence.js';
import { ForbiddenError, NotFoundError } from '../../../functions/domain/errors.js';
import type { Clock } from '../../../functions/ports/clock.js';
import { pollCaseLive } from '../../../functions/use-cases/staff/poll-case-live.js';
import {
  dependenciesOn,
  freshStoreId,
  openCase,
  putCase,
  staffUser,
  startDynamoFixture,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';

let fixture: DynamoFixture;
beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

/** A clock a test moves by hand: presence is judged at the poll's time. */
const handClock = (start: Date): Clock & { advance(seconds: number): void } => {
  let now = start;
  return {
    now: () => now,
    advance: (seconds) => {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
};

describe('Use case: pollCaseLive on DynamoDB Local', () => {
  it('tells each viewer who else is present, replying first, until their presence runs out', async () => {
    // Prepare
    const storeId = freshStoreId();
    const value = await putCase(fixture, openCase(storeId, { assignee: undefined }));
    const clock = handClock(new Date());
    const dependencies = dependenciesOn(fixture, {
      presence: new DynamoPresenceBoard(fixture.client, fixture.tables.presence),
      clock,
    });
    const one = staffUser(storeId, { userId: 'u1', name: 'Supervisor One' });
    const two = staffUser(storeId, { userId: 'u2', name: 'agent2' });

    // Act
    const first = await pollCaseLive(dependencies, one, { caseId: value.caseId, state: 'viewing' });
    await pollCaseLive(dependencies, two, { caseId: value.caseId, state: 'replying' });
    const seenByOne = await pollCaseLive(dependencies, one, { caseId: value.caseId, state: 'viewing' });
    const seenByTwo = await pollCaseLive(dependencies, two, { caseId: value.caseId, state: 'replying' });
    clock.advance(PRESENCE_SECONDS + 1);
    const later = await pollCaseLive(dependencies, one, { caseId: value.caseId, state: 'viewing' });

    // Assess
    expect(first.others).toEqual([]);
    expect(first.customerMessages).toBe(0);
    expect(seenByOne.others).toEqual([{ name: 'agent2', state: 'replying' }]);
    expect(seenByTwo.others).toEqual([{ name: 'Supervisor One', state: 'viewing' }]);
    expect(later.others).toEqual([]);
  });

  it("keeps stores apart: another store's case is 404, an agent's case not theirs 403, and nothing is recorded", async () => {
    // Prepare
    const storeId = freshStoreId();
    const value = await putCase(fixture, openCase(storeId));
    const presence = new DynamoPresenceBoard(fixture.client, fixture.tables.presence);
    const dependencies = dependenciesOn(fixture, { presence });

    // Act and assess, one at a time: a second refusal left pending while the first is awaited is an unhandled rejection.
    await expect(
      pollCaseLive(dependencies, staffUser(freshStoreId()), { caseId: value.caseId, state: 'viewing' }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      pollCaseLive(dependencies, staffUser(storeId, { userId: 'u3', roles: ['agent'], agentId: 'agent3' }), {
        caseId: value.caseId,
        state: 'viewing',
      }),
    ).rejects.toThrow(ForbiddenError);
    expect(await presence.onCase(storeId, value.caseId, 10)).toEqual([]);
  });
});
