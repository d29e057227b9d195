import { MessageRejected } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import type { Case } from '../../../functions/domain/case.js';
import { TransientError } from '../../../functions/domain/errors.js';
import type { LadderStep } from '../../../functions/domain/sla/escalation-ladder.js';
import { DEFAULT_SLA_POLICY } from '../../../functions/domain/sla/sla-policy.js';
import type { CaseStore } from '../../../functions/ports/case-store.js';
import type { Mailer, OutgoingEmail } from '../../../functions/ports/mailer.js';
import { escalateOverdue } from '../../../functions/use-cases/sla/escalate-overdue.js';
import { ladderNotificationKey } from '../../../functions/use-cases/sla/escalation-notices.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import {
  classifiedAs,
  dependenciesOn,
  freshStoreId,
  openCase,
  putAgent,
  putCase,
  putStoreProfile,
  startDynamoFixture,
  storeProfile,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';

/**
 * The escalation step's emails on DynamoDB Local: each ladder step is emailed once per key, so a step whose write failed
 * after its emails (Step Functions retries the task) does not email anyone twice.
 */
let fixture: DynamoFixture;
beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

/** A store open 24x7 whose first response is due 3 s after receipt, each level 3 s after the last. */
const storeWithSecondsLadder = async (): Promise<string> => {
  const storeId = freshStoreId();
  await putStoreProfile(fixture, storeProfile(storeId, { adminEmails: ['admin@store.example'] }));
  const targets = { firstResponse: 'PT3S', resolution: 'PT1H' };
  await fixture.stores.saveSlaPolicy(storeId, {
    ...DEFAULT_SLA_POLICY,
    calendar: { timezone: 'Asia/Shanghai', alwaysOpen: true },
    targets: { P1: targets, P2: targets, P3: targets, P4: targets },
    escalation: { repeatEvery: 'PT3S', maxLevel: 3 },
    version: 0,
  });
  await putAgent(fixture, storeId, 'agent1');
  return storeId;
};

/** Assigned to agent1 a minute ago and never answered: the breach and levels 1, 2 and 3 are all due. */
const overdueCase = async (storeId: string): Promise<Case> => {
  const received = new Date(Date.now() - 60_000).toISOString();
  return putCase(
    fixture,
    openCase(storeId, {
      status: 'assigned',
      createdAt: received,
      classification: classifiedAs('P2'),
      assignee: { agentId: 'agent1', name: 'Agent agent1', assignedAt: received, assignedBy: 'assignment' },
    }),
  );
};

/** The fixture's case store, except that the escalation's own write (the one that sets `escalation`) fails once. */
const escalationWriteFailsOnce = (cases: CaseStore): CaseStore => {
  let failed = false;
  return new Proxy(cases, {
    get(target, property) {
      if (property === 'update') {
        return async (...[current, change]: Parameters<CaseStore['update']>) => {
          if (!failed && change.set?.escalation) {
            failed = true;
            throw new TransientError('Transaction conflict on the case');
          }
          return target.update(current, change);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

const dependenciesWith = (cases: CaseStore, mailer: Mailer): Dependencies =>
  dependenciesOn(fixture, {
    cases,
    mailer,
    workflow: { start: vi.fn(), completeWait: vi.fn() },
    workQueue: { enqueue: vi.fn() },
  });

const recordingMailer = () => {
  const sent: OutgoingEmail[] = [];
  return { sent, mailer: { send: async (email: OutgoingEmail) => (sent.push(email), { messageId: 'm' }) } };
};

/** The `escalated` events, by level (written in one transaction, they share one instant). */
const escalations = async (caseId: string) =>
  (await timelineOf(fixture, caseId))
    .filter((event) => event.type === 'escalated')
    .sort((a, b) => Number(a.details?.level) - Number(b.details?.level));

describe('Function: escalateOverdue emails', () => {
  it('does not email a level twice when its write failed after the emails and the step is retried', async () => {
    // Prepare
    const storeId = await storeWithSecondsLadder();
    const value = await overdueCase(storeId);
    const { sent, mailer } = recordingMailer();

    // Act: the first run emails levels 1-3, then its write fails; Step Functions runs the step again.
    await expect(
      escalateOverdue(dependenciesWith(escalationWriteFailsOnce(fixture.cases), mailer), value.caseId),
    ).rejects.toBeInstanceOf(TransientError);
    await escalateOverdue(dependenciesWith(fixture.cases, mailer), value.caseId);

    // Assess
    expect(sent.map((email) => email.to)).toEqual([
      ['agent1@store.example'],
      ['supervisor@store.example'],
      ['admin@store.example'],
    ]);
    const escalated = await caseOf(fixture, value.caseId);
    expect(escalated.escalation?.level).toBe(3);
    expect(escalated.notificationsSent).toEqual([
      'sla_firstResponse_level_1',
      'sla_firstResponse_level_2',
      'sla_firstResponse_level_3',
    ]);
    expect((await escalations(value.caseId)).map((event) => [event.details?.level, event.details?.emailed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
  });

  it('records a rejected ladder email as notification_failed and still takes the level', async () => {
    // Prepare
    const storeId = await storeWithSecondsLadder();
    const value = await overdueCase(storeId);
    const mailer: Mailer = {
      send: async () => {
        throw new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } });
      },
    };

    // Act
    await escalateOverdue(dependenciesWith(fixture.cases, mailer), value.caseId);

    // Assess
    expect((await caseOf(fixture, value.caseId)).escalation?.level).toBe(3);
    expect((await escalations(value.caseId)).map((event) => event.details)).toEqual(
      [1, 2, 3].map((level) => expect.objectContaining({ level, emailed: false, emailError: 'MessageRejected' })),
    );
    const failed = (await timelineOf(fixture, value.caseId)).filter((event) => event.type === 'notification_failed');
    expect(failed.map((event) => event.details)).toEqual(
      expect.arrayContaining(
        [1, 2, 3].map((level) => ({ notification: `sla_firstResponse_level_${level}`, error: 'MessageRejected' })),
      ),
    );
    expect(failed).toHaveLength(3);
  });
  it('still takes every level when who to tell cannot be read, recording each email as failed', async () => {
    // Prepare
    const storeId = await storeWithSecondsLadder();
    const value = await overdueCase(storeId);
    const { sent, mailer } = recordingMailer();
    const unreadable = Object.assign(new Error('Throughput exceeded'), {
      name: 'ProvisionedThroughputExceededException',
    });
    const dependencies = {
      ...dependenciesWith(fixture.cases, mailer),
      // Only `get` fails: the reassignment's listing still reads.
      agents: Object.assign(Object.create(fixture.agents) as Dependencies['agents'], {
        get: async () => Promise.reject(unreadable),
      }),
    };

    // Act
    await escalateOverdue(dependencies, value.caseId);

    // Assess
    expect(sent).toEqual([]);
    expect((await caseOf(fixture, value.caseId)).escalation?.level).toBe(3);
    expect((await escalations(value.caseId)).map((event) => event.details?.emailError)).toEqual([
      'ProvisionedThroughputExceededException',
      'ProvisionedThroughputExceededException',
      'ProvisionedThroughputExceededException',
    ]);
  });
});

describe('Function: ladderNotificationKey', () => {
  const at = new Date('2026-11-23T02:00:00.000Z');
  const warning: LadderStep = { kind: 'warning', notify: 'assigned_agent', dueAt: at, sendAt: at };
  const level = (n: number): LadderStep => ({
    kind: 'escalation',
    level: n,
    notify: 'supervisors',
    breach: n === 1,
    reassignmentAllowed: n >= 2,
    dueAt: at,
    sendAt: at,
  });

  it.each([
    { round: undefined, milestone: 'firstResponse' as const, step: warning, key: 'sla_firstResponse_warning' },
    { round: undefined, milestone: 'firstResponse' as const, step: level(2), key: 'sla_firstResponse_level_2' },
    { round: 1, milestone: 'resolution' as const, step: level(1), key: 'sla_resolution_level_1' },
    // The resolution ladder starts again when the case reopens; the first response's does not.
    { round: 2, milestone: 'resolution' as const, step: level(3), key: 'sla_resolution_level_3_r2' },
    { round: 2, milestone: 'resolution' as const, step: warning, key: 'sla_resolution_warning_r2' },
    { round: 2, milestone: 'firstResponse' as const, step: level(1), key: 'sla_firstResponse_level_1' },
  ])('keys $milestone $step.kind in round $round as $key', ({ round, milestone, step, key }) => {
    expect(ladderNotificationKey(round === undefined ? {} : { round }, milestone, step)).toBe(key);
  });
});
