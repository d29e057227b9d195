/** English (en) emails. */
import type { CaseType, ResolutionType } from '../domain/case.js';
import { formatMoney } from './render.js';
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

const RESOLUTION_TYPE_LABELS: Record<ResolutionType, string> = {
  refund: 'Refund',
  exchange: 'Exchange',
  repair: 'Repair',
  replacement: 'Replacement sent',
  compensation: 'Compensation',
  guidance: 'Advice on use',
  no_action: 'No action needed',
};

const FOOTER = 'This is an automated message; please do not reply to it.';
const INTERNAL_FOOTER = 'Internal notice, sent to the store’s supervisors only.';

/** The sender address takes no replies: customers answer where they filed the request. */
const howToAnswer = (storeName: string): string =>
  `To answer, please use the after-sales section of the ${storeName} website or app; replies to this email are not read.`;

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
  case_assigned: (t) => ({
    subject: `[${t.storeName}] ${t.agentName} is now handling your request (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Your request (case ${t.caseNumber}) has been assigned to ${t.agentName} of our customer service team, who will look after it from now on.`,
      },
      {
        kind: 'facts',
        rows: [
          { label: 'Case number', value: t.caseNumber },
          { label: 'Handled by', value: t.agentName },
        ],
      },
      { kind: 'paragraph', text: 'We will email you whenever there is news.' },
      {
        kind: 'paragraph',
        text: `To add information, use the after-sales section of the ${t.storeName} website or app and quote your case number.`,
      },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  reply_posted: (t) => ({
    subject: `[${t.storeName}] New reply to your request (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      { kind: 'paragraph', text: `${t.authorName} has replied to your request (case ${t.caseNumber}):` },
      { kind: 'quote', text: t.body },
      { kind: 'paragraph', text: howToAnswer(t.storeName) },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  awaiting_customer: (t) => ({
    subject: `[${t.storeName}] We need information from you (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `To continue with your request (case ${t.caseNumber}), we need some information from you.`,
      },
      ...(t.latestReply ? [{ kind: 'paragraph' as const, text: 'Our latest message:' }] : []),
      { kind: 'quote', text: t.latestReply ?? '' },
      { kind: 'paragraph', text: howToAnswer(t.storeName) },
      { kind: 'paragraph', text: 'We will continue as soon as we hear from you.' },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  case_resolved: (t) => ({
    subject: `[${t.storeName}] Your request has been resolved (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      { kind: 'paragraph', text: `Your request (case ${t.caseNumber}) has been resolved.` },
      {
        kind: 'facts',
        rows: [
          { label: 'Case number', value: t.caseNumber },
          { label: 'Outcome', value: RESOLUTION_TYPE_LABELS[t.resolutionType] },
          ...(t.amount ? [{ label: 'Amount', value: formatMoney(t.amount.value, t.amount.currency, 'en') }] : []),
        ],
      },
      { kind: 'paragraph', text: 'What we did:' },
      { kind: 'quote', text: t.summary },
      {
        kind: 'paragraph',
        text: `If anything is not as described, contact ${t.storeName} customer service and quote your case number.`,
      },
      { kind: 'paragraph', text: 'Thank you for your patience.' },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  case_cancelled: (t) => ({
    subject: `[${t.storeName}] Your request has been cancelled (case ${t.caseNumber})`,
    greeting: `Dear ${t.customerName},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `As you asked, your request (case ${t.caseNumber}) has been cancelled; we will take no further action on it.`,
      },
      ...(t.reason ? [{ kind: 'paragraph' as const, text: 'The reason you gave:' }] : []),
      { kind: 'quote', text: t.reason ?? '' },
      {
        kind: 'paragraph',
        text: `If this was a mistake, or the problem comes back, you are welcome to file a new request through the ${t.storeName} website or app.`,
      },
    ],
    signoff: `The ${t.storeName} customer service team`,
    footer: FOOTER,
  }),
  case_unassigned: (t) => ({
    subject: `[Unassigned] Case ${t.caseNumber} is waiting for an agent (${t.storeName})`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Case ${t.caseNumber} was approved, but no eligible agent is free to take it (all are unavailable, at capacity, or lack the skills). It waits in the unassigned queue.`,
      },
      {
        kind: 'facts',
        rows: [
          { label: 'Case number', value: t.caseNumber },
          { label: 'Case ID', value: t.caseId },
          ...(t.priority ? [{ label: 'Priority', value: t.priority }] : []),
          { label: 'Request type', value: CASE_TYPE_LABELS[t.caseType] },
          { label: 'Store', value: t.storeName },
        ],
      },
      {
        kind: 'paragraph',
        text: 'It is assigned automatically as soon as an agent frees up. To assign it now, open the unassigned queue in the staff console.',
      },
    ],
    signoff: 'After-sales service',
    footer: INTERNAL_FOOTER,
  }),
};

export const en: LocaleTemplates = {
  caseTypeLabels: CASE_TYPE_LABELS,
  resolutionTypeLabels: RESOLUTION_TYPE_LABELS,
  renderers,
};
