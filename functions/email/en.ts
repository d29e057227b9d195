/** English (en) emails. */
import type { CaseType } from '../domain/case.js';
import type { LocaleTemplates, Renderers } from './templates.js';

const CASE_TYPE_LABELS: Record<CaseType, string> = {
  return: 'Return',
  exchange: 'Exchange',
  repair: 'Repair',
  refund: 'Refund',
  product_fault: 'Product fault',
  usage_question: 'Question about use',
  complaint: 'Complaint',
  suggestion: 'Suggestion',
  logistics: 'Delivery issue',
};

const FOOTER = 'This is an automated message; please do not reply to it.';
const INTERNAL_FOOTER = 'Internal notice, sent to the store’s supervisors only.';

const renderers: Renderers = {
  case_acknowledged: (t) => ({
    subject: `[${t.storeName}] We have received your request (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      { kind: 'paragraph', text: 'Thank you for contacting us. We have received your after-sales request.' },
      {
        kind: 'facts',
        rows: [
          { label: 'Case number', value: t.caseNumber },
          ...(t.caseType ? [{ label: 'Request type', value: CASE_TYPE_LABELS[t.caseType] }] : []),
        ],
      },
      {
        kind: 'paragraph',
        text: 'We will review it shortly and assign it to a member of our team. We will email you at every step.',
      },
      {
        kind: 'paragraph',
        text: `If you have any questions, contact ${t.storeName} customer service and quote your case number.`,
      },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  case_rejected: (t) => ({
    subject: `[${t.storeName}] Your request was not approved (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      {
        kind: 'paragraph',
        text:
          t.reasons.length > 0
            ? `We are sorry, but we cannot approve your request (case ${t.caseNumber}), for the following reasons:`
            : `We are sorry, but we cannot approve your request (case ${t.caseNumber}).`,
      },
      { kind: 'list', items: t.reasons.map((reason) => reason.message) },
      {
        kind: 'paragraph',
        text: `If you have questions about this decision, or can provide further evidence (such as photos or an invoice), contact ${t.storeName} customer service and quote your case number; we will look at it again.`,
      },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  case_under_review: (t) => ({
    subject: `[${t.storeName}] Your request is being reviewed (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Your request (case ${t.caseNumber}) needs a closer look by one of our supervisors. We will email you as soon as a decision has been made.`,
      },
      { kind: 'paragraph', text: 'You do not need to do anything in the meantime. Thank you for your patience.' },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  review_requested: (t) => ({
    subject: t.reminder
      ? `[Reminder] Case ${t.caseNumber} is still waiting for review (${t.storeName})`
      : `[Review needed] Case ${t.caseNumber} needs a decision (${t.storeName})`,
    blocks: [
      {
        kind: 'paragraph',
        text: t.reminder
          ? `Case ${t.caseNumber} is still waiting for a manual review and is past its expected handling time. Please decide on it as soon as possible.`
          : `Case ${t.caseNumber} could not be approved automatically and needs a supervisor's decision.`,
      },
      {
        kind: 'facts',
        rows: [
          { label: 'Case number', value: t.caseNumber },
          { label: 'Case ID', value: t.caseId },
          { label: 'Order', value: t.orderId },
          { label: 'Store', value: t.storeName },
        ],
      },
      ...(t.reasons.length > 0 ? [{ kind: 'paragraph' as const, text: 'Why it needs a review:' }] : []),
      { kind: 'list', items: t.reasons.map((reason) => `${reason.message} (${reason.code})`) },
      { kind: 'paragraph', text: 'Open the case in the staff console to approve or reject the request.' },
    ],
    signoff: 'After-sales service',
    footer: INTERNAL_FOOTER,
  }),
};

export const en: LocaleTemplates = { caseTypeLabels: CASE_TYPE_LABELS, renderers };
