import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import type { Actor, TimelineEvent } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import { customerCaseView } from '../../../functions/use-cases/customer-case-view.js';
import { staffCaseView } from '../../../functions/use-cases/staff-case-view.js';
import { returnRequest } from '../../support/case-requests.js';

const at = new Date('2026-11-20T08:00:00Z');
const agent: Actor = { kind: 'staff', id: 'local-agent1', name: 'Wang Fang' };
const customer: Actor = { kind: 'customer', id: 'c-42' };

const workedCase = (): Case => ({
  ...returnRequest(),
  caseId: 'cs_01JAAAAAAAAAAAAAAAAAAAAAAA',
  caseNumber: 'AS-20261120-0001',
  storeId: 'store-a',
  status: 'resolved',
  createdAt: at.toISOString(),
  updatedAt: at.toISOString(),
  decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: at.toISOString(), decidedBy: 'policy' },
  classification: {
    severity: 'major',
    urgency: 'medium',
    priority: 'P3',
    severityRule: 'type_default',
    urgencyRule: 'type_default',
    classifiedAt: at.toISOString(),
    classifiedBy: 'rules',
  },
  assignee: { agentId: 'agent1', name: 'Wang Fang', assignedAt: at.toISOString(), assignedBy: 'assignment' },
  workflowWait: { signal: 'resolution', taskToken: 'secret-token', since: at.toISOString() },
  firstRespondedAt: at.toISOString(),
  resolution: {
    type: 'refund',
    amount: 199,
    currency: 'CNY',
    reference: 'RF-1',
    rootCause: 'misuse',
    summary: 'Refunded.',
    resolvedAt: at.toISOString(),
    resolvedBy: 'local-agent1',
  },
});

const timeline = (caseId: string): TimelineEvent[] => [
  timelineEvent(
    caseId,
    at,
    'assigned',
    { kind: 'system', id: 'assignment' },
    {
      to: 'agent1',
      details: { agentName: 'Wang Fang' },
    },
  ),
  timelineEvent(caseId, at, 'reply_sent', agent, { details: { body: 'Photo please', authorName: 'Wang Fang' } }),
  timelineEvent(caseId, at, 'note_added', agent, { visibility: 'internal', details: { body: 'Looks like misuse' } }),
  timelineEvent(caseId, at, 'customer_message', customer, { details: { body: 'Here it is' } }),
  timelineEvent(caseId, at, 'resolved', agent, {
    from: 'in_progress',
    to: 'resolved',
    details: { rootCause: 'misuse' },
  }),
];

describe('Function: customerCaseView', () => {
  it('returns the conversation in order with the agent display name, and public events only', () => {
    // Prepare
    const value = workedCase();

    // Act
    const view = customerCaseView(value, timeline(value.caseId));

    // Assess
    expect(view.messages).toEqual([
      { at: at.toISOString(), from: 'agent', authorName: 'Wang Fang', body: 'Photo please' },
      { at: at.toISOString(), from: 'customer', body: 'Here it is' },
    ]);
    expect(view.timeline).toEqual([
      { at: at.toISOString(), type: 'assigned' },
      { at: at.toISOString(), type: 'reply_sent' },
      { at: at.toISOString(), type: 'customer_message' },
      { at: at.toISOString(), type: 'resolved', from: 'in_progress', to: 'resolved' },
    ]);
  });

  it('returns the resolution without the root cause and the assignee by name only', () => {
    const value = workedCase();

    const view = customerCaseView(value, timeline(value.caseId));

    expect(view.resolution).toEqual({
      type: 'refund',
      amount: 199,
      currency: 'CNY',
      reference: 'RF-1',
      summary: 'Refunded.',
      resolvedAt: at.toISOString(),
    });
    expect(view.assignee).toEqual({ name: 'Wang Fang' });
    expect(view.priority).toBe('P3');
    const text = JSON.stringify(view);
    for (const hidden of ['misuse', 'agent1', 'secret-token', 'Looks like', 'local-'])
      expect(text).not.toContain(hidden);
  });
});

describe('Function: staffCaseView', () => {
  it('returns everything, internal notes included, except the task token', () => {
    const value = workedCase();

    const view = staffCaseView(value, timeline(value.caseId), { timezone: 'Asia/Shanghai' });

    expect(view.timeline).toHaveLength(5);
    expect(view.resolution?.rootCause).toBe('misuse');
    expect(view.sla).toMatchObject({ firstRespondedAt: at.toISOString(), escalationLevel: 0, breaches: [] });
    expect(JSON.stringify(view)).not.toContain('secret-token');
  });

  it.each([
    ['still waits for the resolution', 'in_progress', { signal: 'resolution', since: at.toISOString() }],
    ['was resolved, which ended the wait', 'resolved', null],
  ] as const)('returns the workflow wait of a case that %s', (_label, status, expected) => {
    const value = { ...workedCase(), status };

    expect(staffCaseView(value, [], { timezone: 'Asia/Shanghai' }).workflowWait).toEqual(expected);
  });

  it('returns none of the bookkeeping the store keeps on the case', () => {
    // Prepare
    const value: Case = {
      ...workedCase(),
      kpiRevision: 7,
      notificationsSent: ['case_acknowledged'],
      workflowRetries: 1,
      customerMessages: 3,
      deadlines: { firstResponseDueAt: at.toISOString(), nextDueAt: at.toISOString() },
      escalation: { level: 1, ladders: {}, breaches: [] },
    };

    // Act
    const view = staffCaseView(value, timeline(value.caseId), { timezone: 'Asia/Shanghai' });

    // Assess
    for (const field of [
      'kpiRevision',
      'notificationsSent',
      'workflowRetries',
      'customerMessages',
      'deadlines',
      'escalation',
      'attachmentFiles',
      'customerWaitFlag',
    ]) {
      expect(view, field).not.toHaveProperty(field);
    }
    expect(view.sla.escalationLevel).toBe(1);
    expect(view).toMatchObject({
      caseNumber: 'AS-20261120-0001',
      customer: { id: 'c-42', email: expect.any(String), name: expect.any(String) },
      orderId: value.orderId,
      items: value.items,
      orderValue: expect.any(Number),
      priority: 'P3',
      assignee: { agentId: 'agent1', name: 'Wang Fang' },
      resolution: { type: 'refund', rootCause: 'misuse' },
      round: 1,
      survey: null,
      rounds: [],
    });
  });

  it('returns messages in order, public replies and customer messages only, with their files named', () => {
    // Prepare
    const withFiles: Case = {
      ...workedCase(),
      attachments: [
        'att_01JAAAAAAAAAAAAAAAAAAAAAAA',
        'att_01JBBBBBBBBBBBBBBBBBBBBBBB',
        'att_01JCCCCCCCCCCCCCCCCCCCCCCC',
      ],
      attachmentFiles: [
        { attachmentId: 'att_01JAAAAAAAAAAAAAAAAAAAAAAA', fileName: '底座.jpg', contentType: 'image/jpeg', size: 1200 },
        {
          attachmentId: 'att_01JBBBBBBBBBBBBBBBBBBBBBBB',
          fileName: 'receipt.pdf',
          contentType: 'application/pdf',
          size: 80,
        },
      ],
    };
    const events = [
      ...timeline(withFiles.caseId).slice(0, 3),
      timelineEvent(withFiles.caseId, at, 'customer_message', customer, {
        details: { body: 'Receipt attached', attachments: ['att_01JBBBBBBBBBBBBBBBBBBBBBBB'] },
      }),
    ];

    // Act
    const view = staffCaseView(withFiles, events, { timezone: 'Asia/Shanghai' });

    // Assess
    expect(view.messages).toEqual([
      {
        eventId: events[1]?.eventId,
        at: at.toISOString(),
        from: 'staff',
        authorName: 'Wang Fang',
        body: 'Photo please',
        attachments: [],
      },
      {
        eventId: events[3]?.eventId,
        at: at.toISOString(),
        from: 'customer',
        body: 'Receipt attached',
        attachments: [
          {
            attachmentId: 'att_01JBBBBBBBBBBBBBBBBBBBBBBB',
            fileName: 'receipt.pdf',
            contentType: 'application/pdf',
            size: 80,
          },
        ],
      },
    ]);
    expect(view.attachments).toEqual([
      { attachmentId: 'att_01JAAAAAAAAAAAAAAAAAAAAAAA', fileName: '底座.jpg', contentType: 'image/jpeg', size: 1200 },
      {
        attachmentId: 'att_01JBBBBBBBBBBBBBBBBBBBBBBB',
        fileName: 'receipt.pdf',
        contentType: 'application/pdf',
        size: 80,
      },
      // Attached before names were kept: shown by id.
      { attachmentId: 'att_01JCCCCCCCCCCCCCCCCCCCCCCC', fileName: null, contentType: null, size: null },
    ]);
    expect(view.timeline.map((event) => event.visibility)).toEqual(['public', 'public', 'internal', 'public']);
  });
});
