/** English (en) emails. */
import type { CaseType, ResolutionType } from '../domain/case.js';
import type { SlaMilestone } from '../domain/sla/sla-policy.js';
import { escalationAudienceOf } from './escalation-audience.js';
import { formatLocalDueTime } from './local-due-time.js';
import { formatMoney } from './render.js';
import type { LocaleTemplates, Renderers, TemplateOf } from './templates.js';

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

/** Mid-sentence, as in "the first response target". */
const SLA_MILESTONE_LABELS: Record<SlaMilestone, string> = {
  firstResponse: 'first response',
  resolution: 'resolution',
};

const FOOTER = 'This is an automated message; please do not reply to it.';
const INTERNAL_FOOTER = 'Internal notice, sent to the store’s supervisors only.';
const STAFF_FOOTER = 'Internal notice, sent to the store’s staff only.';

/** The sender address takes no replies: customers answer where they filed the request. */
const howToAnswer = (storeName: string): string =>
  `To answer, please use the after-sales section of the ${storeName} website or app; replies to this email are not read.`;

type SlaEscalation = TemplateOf<'sla_escalated'>;

/** The breach, and to whom it now goes, by escalation level. */
const escalationOpening = (t: SlaEscalation): string => {
  const breach = `The ${SLA_MILESTONE_LABELS[t.milestone]} target for case ${t.caseNumber} was missed: it was due at ${formatLocalDueTime(t.dueAt, t.timezone)}.`;
  switch (escalationAudienceOf(t.level, t.assigneeName)) {
    case 'agent':
    case 'unassignedQueue':
      return breach;
    case 'supervisors':
      return `${breach} The case is now escalated to you as the store’s supervisors.`;
    case 'management':
      return `${breach} The case is now escalated to store management.`;
  }
};

/** What the addressee should do now. */
const escalationRequest = (t: SlaEscalation): string => {
  const firstResponse = t.milestone === 'firstResponse';
  switch (escalationAudienceOf(t.level, t.assigneeName)) {
    case 'agent':
      return firstResponse ? 'Please respond to the customer now.' : 'Please resolve the case now.';
    case 'unassignedQueue':
      return `No agent is assigned to the case. Please assign it now so that ${firstResponse ? 'the customer gets a first response' : 'it can be resolved'}.`;
    case 'supervisors':
      return t.assigneeName
        ? `Please check with ${t.assigneeName}, who handles it, and make sure it is dealt with now.`
        : 'No agent is assigned to it yet: please assign it now.';
    case 'management':
      return 'Earlier reminders have not brought it back on track. Please make sure it is dealt with now.';
  }
};

const reassignmentNote = (t: SlaEscalation): string => {
  const done = t.reassignedTo ? `It has been reassigned automatically to ${t.reassignedTo}.` : '';
  const possible = !t.reassignmentAllowed
    ? ''
    : t.reassignedTo
      ? 'If needed, you can reassign it again in the staff console.'
      : 'You can reassign it to another agent in the staff console.';
  return [done, possible].filter((sentence) => sentence !== '').join(' ');
};

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
  sla_warning: (t) => {
    const milestone = SLA_MILESTONE_LABELS[t.milestone];
    const due = formatLocalDueTime(t.dueAt, t.timezone);
    return {
      subject: `[${t.caseNumber}] SLA warning: ${milestone} due soon (${t.storeName})`,
      blocks: [
        { kind: 'paragraph', text: `The ${milestone} target for case ${t.caseNumber} is due soon, at ${due}.` },
        {
          kind: 'paragraph',
          text:
            t.milestone === 'firstResponse'
              ? 'Please make sure the customer gets a first response before then.'
              : 'Please make sure the case is resolved before then. If you need information from the customer, set the case to “awaiting customer”: the SLA clock pauses while it waits.',
        },
        {
          kind: 'facts',
          rows: [
            { label: 'Case number', value: t.caseNumber },
            { label: 'Case ID', value: t.caseId },
            { label: 'Priority', value: t.priority },
            { label: 'SLA target', value: milestone },
            { label: 'Due', value: due },
            { label: 'Store', value: t.storeName },
          ],
        },
        { kind: 'paragraph', text: 'Open the case in the staff console to act on it.' },
      ],
      signoff: 'After-sales service',
      footer: STAFF_FOOTER,
    };
  },
  sla_escalated: (t) => {
    const reassignment = reassignmentNote(t);
    return {
      subject: `[${t.caseNumber}] SLA breached: ${SLA_MILESTONE_LABELS[t.milestone]}, level ${t.level} (${t.storeName})`,
      blocks: [
        { kind: 'paragraph', text: escalationOpening(t) },
        { kind: 'paragraph', text: escalationRequest(t) },
        ...(reassignment ? [{ kind: 'paragraph' as const, text: reassignment }] : []),
        {
          kind: 'facts',
          rows: [
            { label: 'Case number', value: t.caseNumber },
            { label: 'Case ID', value: t.caseId },
            { label: 'Priority', value: t.priority },
            { label: 'Missed target', value: SLA_MILESTONE_LABELS[t.milestone] },
            { label: 'Was due', value: formatLocalDueTime(t.dueAt, t.timezone) },
            { label: 'Escalation level', value: String(t.level) },
            { label: 'Handled by', value: t.assigneeName || 'Not assigned' },
            ...(t.reassignedTo ? [{ label: 'Reassigned to', value: t.reassignedTo }] : []),
            { label: 'Store', value: t.storeName },
          ],
        },
        { kind: 'paragraph', text: 'Open the case in the staff console to act on it.' },
      ],
      signoff: 'After-sales service',
      footer: STAFF_FOOTER,
    };
  },
  p1_case_assigned: (t) => ({
    subject: `[${t.caseNumber}] P1 case assigned to ${t.agentName} (${t.storeName})`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Case ${t.caseNumber} has priority P1 (critical and urgent) and has just been assigned to ${t.agentName}. You are receiving this so that you can follow it from the start.`,
      },
      {
        kind: 'facts',
        rows: [
          { label: 'Case number', value: t.caseNumber },
          { label: 'Case ID', value: t.caseId },
          { label: 'Priority', value: 'P1' },
          { label: 'Request type', value: CASE_TYPE_LABELS[t.caseType] },
          { label: 'Handled by', value: t.agentName },
          ...(t.firstResponseDueAt
            ? [{ label: 'First response due', value: formatLocalDueTime(t.firstResponseDueAt, t.timezone) }]
            : []),
          { label: 'Store', value: t.storeName },
        ],
      },
      { kind: 'paragraph', text: 'Open the case in the staff console to follow its progress.' },
    ],
    signoff: 'After-sales service',
    footer: INTERNAL_FOOTER,
  }),
};

export const en: LocaleTemplates = {
  caseTypeLabels: CASE_TYPE_LABELS,
  resolutionTypeLabels: RESOLUTION_TYPE_LABELS,
  slaMilestoneLabels: SLA_MILESTONE_LABELS,
  renderers,
};
