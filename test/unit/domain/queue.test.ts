import { describe, expect, it } from 'vitest';
import type { Case, CaseStatus, Decision, Priority } from '../../../functions/domain/case.js';
import { queueOf } from '../../../functions/domain/queue.js';

const decision = (outcome: Decision['outcome']): Decision => ({
  outcome,
  reasons: [],
  policyVersion: 1,
  decidedAt: '2026-11-20T08:00:00.000Z',
  decidedBy: 'policy',
});

const assignee = {
  agentId: 'agent1',
  name: 'Agent One',
  assignedAt: '2026-11-20T08:01:00.000Z',
  assignedBy: 'assignment',
};

type QueueFields = Parameters<typeof queueOf>[0];

const approvedCase = (overrides: Partial<Case> = {}): QueueFields => ({
  storeId: 'store-a',
  caseId: 'cs_1',
  status: 'open',
  decision: decision('approved'),
  createdAt: '2026-11-20T08:00:00.000Z',
  ...overrides,
});

describe('Function: queueOf', () => {
  it.each<[string, Partial<Case>, string | undefined]>([
    ['an open unassigned case', {}, 'store-a#~unassigned#active'],
    ['an assigned case', { status: 'assigned', assignee }, 'store-a#agent1#active'],
    ['a case in progress', { status: 'in_progress', assignee }, 'store-a#agent1#active'],
    ['a case awaiting the customer', { status: 'awaiting_customer', assignee }, 'store-a#agent1#active'],
    ['a resolved case', { status: 'resolved', assignee }, 'store-a#agent1#done'],
    ['a closed case', { status: 'closed', assignee }, 'store-a#agent1#done'],
    ['a case cancelled while unassigned', { status: 'cancelled' }, 'store-a#~unassigned#done'],
    ['a submitted case with an approved decision', { status: 'submitted' }, undefined],
    ['a case in review with an approved decision', { status: 'pending_review' }, undefined],
    ['a submitted case without a decision', { status: 'submitted', decision: undefined }, undefined],
    ['a case in review', { status: 'pending_review', decision: decision('manual_review') }, undefined],
    ['a rejected case', { status: 'rejected', decision: decision('rejected') }, undefined],
    ['a cancelled case never approved', { status: 'cancelled', decision: decision('manual_review') }, undefined],
  ])('puts %s in %s', (_label, overrides, queueKey) => {
    // Act
    const placement = queueOf(approvedCase(overrides));

    // Assess
    expect(placement?.queueKey).toBe(queueKey);
  });

  it.each<[string, Partial<Case>, string]>([
    [
      'a classified case without a deadline after those with one, by priority, then created time and id',
      {
        classification: {
          severity: 'critical',
          urgency: 'high',
          priority: 'P1',
          severityRule: 'safety_terms',
          urgencyRule: 'type_default',
          classifiedAt: '2026-11-20T08:00:01.000Z',
          classifiedBy: 'rules',
        },
      },
      '~#P1#2026-11-20T08:00:00.000Z#cs_1',
    ],
    ['an unclassified case after every priority', {}, '~#P9#2026-11-20T08:00:00.000Z#cs_1'],
    [
      'a case with a running deadline by its next due time first',
      { deadlines: { firstResponseDueAt: '2026-11-20T12:00:00.000Z', nextDueAt: '2026-11-20T12:00:00.000Z' } },
      '2026-11-20T12:00:00.000Z#P9#2026-11-20T08:00:00.000Z#cs_1',
    ],
    [
      'a case whose clocks are paused or met (due times but no next one) with the cases without a deadline',
      { deadlines: { firstResponseDueAt: '2026-11-20T12:00:00.000Z' } },
      '~#P9#2026-11-20T08:00:00.000Z#cs_1',
    ],
  ])('sorts %s', (_label, overrides, queueSortKey) => {
    // Act
    const placement = queueOf(approvedCase(overrides));

    // Assess
    expect(placement?.queueSortKey).toBe(queueSortKey);
  });

  it('sorts P1 before P2 before an unclassified case, then oldest first', () => {
    // Prepare
    const sortKey = (priority: 'P1' | 'P2' | undefined, createdAt: string, status: CaseStatus = 'open') =>
      queueOf(
        approvedCase({
          status,
          createdAt,
          classification: priority && {
            severity: 'major',
            urgency: 'high',
            priority,
            severityRule: 'type_default',
            urgencyRule: 'type_default',
            classifiedAt: createdAt,
            classifiedBy: 'rules',
          },
        }),
      )?.queueSortKey ?? '';
    const keys = [
      sortKey(undefined, '2026-11-01T00:00:00.000Z'),
      sortKey('P2', '2026-11-02T00:00:00.000Z'),
      sortKey('P1', '2026-11-03T00:00:00.000Z'),
      sortKey('P2', '2026-11-01T00:00:00.000Z'),
    ];

    // Act
    const sorted = [...keys].sort();

    // Assess
    expect(sorted).toEqual([keys[2], keys[3], keys[1], keys[0]]);
  });

  it('sorts by the next due time first, then priority, then oldest first, and cases without one last', () => {
    // Prepare
    const sortKey = (nextDueAt: string | undefined, priority: Priority, createdAt: string, caseId: string): string =>
      queueOf(
        approvedCase({
          caseId,
          createdAt,
          classification: {
            severity: 'major',
            urgency: 'high',
            priority,
            severityRule: 'type_default',
            urgencyRule: 'type_default',
            classifiedAt: createdAt,
            classifiedBy: 'rules',
          },
          ...(nextDueAt ? { deadlines: { nextDueAt } } : {}),
        }),
      )?.queueSortKey ?? '';
    const expectedOrder = [
      sortKey('2026-11-20T09:00:00.000Z', 'P4', '2026-11-20T08:00:00.000Z', 'cs_due_first_p4'),
      sortKey('2026-11-20T10:00:00.000Z', 'P1', '2026-11-20T08:30:00.000Z', 'cs_due_same_p1'),
      sortKey('2026-11-20T10:00:00.000Z', 'P2', '2026-11-20T07:00:00.000Z', 'cs_due_same_p2_older'),
      sortKey('2026-11-20T10:00:00.000Z', 'P2', '2026-11-20T08:00:00.000Z', 'cs_due_same_p2_newer'),
      sortKey('2026-11-21T10:00:00.000Z', 'P1', '2026-11-19T08:00:00.000Z', 'cs_due_later'),
      sortKey(undefined, 'P1', '2026-11-20T08:00:00.000Z', 'cs_no_deadline_p1'),
      sortKey(undefined, 'P3', '2026-11-18T08:00:00.000Z', 'cs_no_deadline_p3'),
    ];
    const shuffled = [4, 6, 1, 0, 5, 3, 2].map((index) => expectedOrder[index] ?? '');

    // Act
    const sorted = [...shuffled].sort();

    // Assess
    expect(sorted).toEqual(expectedOrder);
  });
});
