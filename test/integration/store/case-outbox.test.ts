import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxItem, type OutboxItem } from '../../../functions/domain/outbox.js';
import { SYSTEM } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import { freshStoreId, openCase, putCase, startDynamoFixture, type DynamoFixture } from './dynamodb-fixture.js';

/** Outbox items on DynamoDB Local: written with the change or not at all, listed, found by the sweep, removed. */
let fixture: DynamoFixture;
beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

// Each test writes at its own far-past minute, so no test's items fall into another's sweep window.
let minute = 0;
const aMinuteOfItsOwn = (): Date => new Date(Date.UTC(2020, 0, 2, 0, (minute += 10)));

const replyItem = (at: Date, eventId = `ev_${at.getTime()}`): OutboxItem =>
  outboxItem({ kind: 'reply', replyEventId: eventId, body: 'Hello', authorName: 'Wang Fang' }, at.toISOString());

describe('Class: DynamoCaseStore (email outbox)', () => {
  it('writes the items with the change, lists them apart from the timeline, and removes them', async () => {
    // Prepare
    const stored = await putCase(fixture, openCase(freshStoreId()));
    const at = aMinuteOfItsOwn();
    const item = replyItem(at);

    // Act
    await fixture.cases.update(stored, {
      set: { updatedAt: at.toISOString() },
      events: [timelineEvent(stored.caseId, at, 'reply_sent', SYSTEM)],
      outbox: [item],
    });
    const listed = await fixture.cases.listOutbox(stored.caseId);
    const read = await fixture.cases.getWithTimeline(stored.caseId);
    await fixture.cases.removeOutbox(stored.caseId, item.key);
    await fixture.cases.removeOutbox(stored.caseId, item.key);

    // Assess
    expect(listed).toEqual([item]);
    expect(read?.timeline.map((event) => event.type).sort()).toEqual(['case_submitted', 'reply_sent']);
    expect(read?.case).not.toHaveProperty('key');
    expect(await fixture.cases.listOutbox(stored.caseId)).toEqual([]);
  });

  it('writes no item when the change is refused (nothing half-written)', async () => {
    // Prepare
    const stored = await putCase(fixture, openCase(freshStoreId()));
    const at = aMinuteOfItsOwn();

    // Act
    const refused = fixture.cases.update(stored, {
      ifStatusIn: ['resolved'],
      set: { updatedAt: at.toISOString() },
      events: [timelineEvent(stored.caseId, at, 'reply_sent', SYSTEM)],
      outbox: [replyItem(at)],
    });

    // Assess
    await expect(refused).rejects.toBeInstanceOf(StateConflictError);
    expect(await fixture.cases.listOutbox(stored.caseId)).toEqual([]);
  });

  it('lists for the sweep only the items written before the given time, with their case and key', async () => {
    // Prepare
    const stored = await putCase(fixture, openCase(freshStoreId()));
    const at = aMinuteOfItsOwn();
    const older = replyItem(at, 'ev_older');
    const newer = replyItem(new Date(at.getTime() + 120_000), 'ev_newer');
    await fixture.cases.update(stored, { events: [], outbox: [older, newer] });

    // Act
    const before = await fixture.cases.listStaleOutbox(new Date(at.getTime() + 60_000), 100);
    const none = await fixture.cases.listStaleOutbox(at, 100);

    // Assess: the older item only; and the items, sharing the stranded-case index, are no stranded case.
    expect(before.filter((entry) => entry.caseId === stored.caseId)).toEqual([
      { caseId: stored.caseId, key: 'reply_ev_older' },
    ]);
    expect(none.filter((entry) => entry.caseId === stored.caseId)).toEqual([]);
    expect(await fixture.cases.listAwaitingWorkflow(new Date(at.getTime() + 600_000), 100)).not.toContain(
      stored.caseId,
    );
  });
});
