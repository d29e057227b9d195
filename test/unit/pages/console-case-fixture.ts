import type { Case } from '../../../functions/domain/case.js';
import type { Actor, TimelineEvent } from '../../../functions/domain/timeline.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import { staffCaseView, type StaffCaseView } from '../../../functions/use-cases/staff-case-view.js';
import { returnRequest } from '../../support/case-requests.js';

/** A case in progress for the console page tests: a photo and a PDF, a reply, a note and a customer message. */
export const at = new Date('2026-12-07T08:00:00Z');
const agent: Actor = { kind: 'staff', id: 'local-agent1', name: 'Wang Fang' };
const customer: Actor = { kind: 'customer', id: 'c-42' };

export const PHOTO_ID = 'att_01JAAAAAAAAAAAAAAAAAAAAAAA';
export const PDF_ID = 'att_01JBBBBBBBBBBBBBBBBBBBBBBB';

export const caseInProgress = (overrides: Partial<Case> = {}): Case => ({
  ...returnRequest(),
  attachments: [PHOTO_ID, PDF_ID],
  attachmentFiles: [
    { attachmentId: PHOTO_ID, fileName: 'kettle <crack>.jpg', contentType: 'image/jpeg', size: 345_000 },
    { attachmentId: PDF_ID, fileName: 'receipt.pdf', contentType: 'application/pdf', size: 1_200_000 },
  ],
  caseId: 'cs_01JAAAAAAAAAAAAAAAAAAAAAAA',
  caseNumber: 'AS-20261207-0001',
  storeId: 'store-a',
  status: 'in_progress',
  createdAt: at.toISOString(),
  updatedAt: at.toISOString(),
  classification: {
    severity: 'major',
    urgency: 'medium',
    priority: 'P2',
    severityRule: 'type_default',
    urgencyRule: 'type_default',
    classifiedAt: at.toISOString(),
    classifiedBy: 'rules',
  },
  assignee: { agentId: 'agent1', name: 'Wang Fang', assignedAt: at.toISOString(), assignedBy: 'assignment' },
  firstRespondedAt: at.toISOString(),
  ...overrides,
});

export const workedTimeline = (caseId: string): TimelineEvent[] => [
  timelineEvent(caseId, at, 'reply_sent', agent, { details: { body: 'Photo please', authorName: 'Wang Fang' } }),
  timelineEvent(caseId, at, 'note_added', agent, {
    visibility: 'internal',
    details: { body: 'Looks like <b>misuse</b>' },
  }),
  timelineEvent(caseId, at, 'customer_message', customer, { details: { body: 'Here it is' } }),
];

export const viewOf = (value: Case = caseInProgress()): StaffCaseView =>
  staffCaseView(value, workedTimeline(value.caseId), { timezone: 'Asia/Shanghai', now: at });
