import { RATING_MAX, RATING_MIN, SURVEY_DIMENSIONS } from '../domain/aftercare/survey.js';
import type { Locale } from '../domain/case.js';
import type { SlaMilestone } from '../domain/sla/sla-policy.js';
import { escalationAudienceOf } from './escalation-audience.js';
import { formatLocalDueTime } from './local-due-time.js';
import { isEmptyBlock, type EmailBlock, type EmailContent } from './render.js';
import type { Renderers } from './email-template.js';
import type { EmailWording, FactLabel, ShownDue, ShownRevisit } from './wording.js';
import { formatMoney } from '../domain/money.js';

const paragraph = (text: string): EmailBlock => ({ kind: 'paragraph', text });
const list = (items: string[]): EmailBlock => ({ kind: 'list', items });
const quote = (text: string | undefined): EmailBlock => ({ kind: 'quote', text: text ?? '' });

/** A block under a line that introduces it; both are left out when the block has nothing in it. */
const introduced = (intro: string, block: EmailBlock): EmailBlock[] =>
  isEmptyBlock(block) ? [] : [paragraph(intro), block];

/** An amount as the customer's locale writes it, e.g. `¥199.00` (zh-CN) or `CN¥199.00` (en) for 199 CNY. */
/** Facts in the order given; a fact without a value is left out. */
type Facts = Partial<Record<FactLabel, string | undefined>>;

interface CustomerEmail {
  caseNumber: string;
  customerName: string;
  storeName: string;
}

interface SurveyLink {
  caseNumber: string;
  surveyUrl: string;
  expiresAt: string;
  timezone: string;
}

const QUICK_RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, index) => RATING_MIN + index);

/** The form with an overall rating preselected: the page reads it, nothing is submitted by opening it. */
const withOverallRating = (surveyUrl: string, rating: number): string =>
  `${surveyUrl}${surveyUrl.includes('?') ? '&' : '?'}overall=${rating}`;

interface StaffEmail {
  caseNumber: string;
  caseId: string;
  storeName: string;
}

/**
 * The layout of every email, the same in every locale: which blocks, in which order, and when an optional part is
 * left out. The locale supplies only the words (`wording.ts`).
 */
export const emailRenderers = (w: EmailWording, locale: Locale): Renderers => {
  const sentences = (...parts: (string | undefined)[]): string =>
    parts.filter((part) => part !== undefined && part !== '').join(w.sentenceGap);

  const facts = (values: Facts): EmailBlock => ({
    kind: 'facts',
    rows: Object.entries(values).flatMap(([label, value]) =>
      value === undefined || value === '' ? [] : [{ label: w.labels[label as FactLabel], value }],
    ),
  });

  /** Staff look a case up by number or id; the store comes last. */
  const staffFacts = (t: StaffEmail, values: Facts): EmailBlock =>
    facts({ caseNumber: t.caseNumber, caseId: t.caseId, ...values, store: t.storeName });

  const customerEmail = (t: CustomerEmail, headline: string, blocks: EmailBlock[]): EmailContent => ({
    subject: w.customer.subject(t.storeName, headline, t.caseNumber),
    greeting: w.customer.greeting(t.customerName),
    blocks,
    signoff: w.customer.signoff(t.storeName),
    footer: w.customer.footer,
  });

  const staffEmail = (t: StaffEmail, headline: string, footer: string, blocks: EmailBlock[]): EmailContent => ({
    subject: w.staff.subject(headline, t.storeName),
    blocks,
    signoff: w.staff.signoff,
    footer,
  });

  /** The survey's link as a button, its quick ratings (HTML only), when it expires, and that it works once. */
  const surveyLink = (t: SurveyLink): EmailBlock[] => [
    { kind: 'action', label: w.survey.rate, url: t.surveyUrl, fallback: w.customer.linkFallback },
    {
      kind: 'shortcuts',
      intro: w.survey.quickIntro,
      links: QUICK_RATINGS.map((rating) => ({
        label: String(rating),
        title: w.survey.quickTitle(rating),
        url: withOverallRating(t.surveyUrl, rating),
      })),
    },
    facts({ caseNumber: t.caseNumber, linkExpires: formatLocalDueTime(t.expiresAt, t.timezone) }),
    paragraph(w.survey.once),
  ];

  const shownDue = (milestone: SlaMilestone, dueAt: string, timezone: string): ShownDue => ({
    milestone: w.slaMilestones[milestone],
    due: formatLocalDueTime(dueAt, timezone),
  });

  return {
    case_acknowledged: (t) => {
      const words = w.case_acknowledged;
      return customerEmail(t, words.headline, [
        paragraph(words.thanks),
        facts({
          caseNumber: t.caseNumber,
          requestType: t.caseType && w.caseTypes[t.caseType],
          handledBy: t.agentName,
        }),
        paragraph(t.agentName ? words.assigned({ ...t, agentName: t.agentName }) : words.next),
        paragraph(words.questions(t)),
      ]);
    },
    case_rejected: (t) => {
      const words = w.case_rejected;
      return customerEmail(t, words.headline, [
        paragraph(t.reasons.length > 0 ? words.openingBeforeReasons(t) : words.opening(t)),
        list(t.reasons.map((reason) => reason.message)),
        paragraph(words.reconsider(t)),
      ]);
    },
    case_under_review: (t) => {
      const words = w.case_under_review;
      return customerEmail(t, words.headline, [paragraph(words.opening(t)), paragraph(words.meanwhile)]);
    },
    review_requested: (t) => {
      const words = w.review_requested;
      return staffEmail(t, t.reminder ? words.reminderHeadline(t) : words.headline(t), w.staff.supervisorsFooter, [
        paragraph(t.reminder ? words.reminderOpening(t) : words.opening(t)),
        staffFacts(t, { order: t.orderId }),
        ...introduced(words.reasonsIntro, list(t.reasons.map(words.reason))),
        paragraph(words.action),
      ]);
    },
    case_assigned: (t) => {
      const words = w.case_assigned;
      return customerEmail(t, words.headline(t), [
        paragraph(words.opening(t)),
        facts({ caseNumber: t.caseNumber, handledBy: t.agentName }),
        paragraph(words.updates),
        paragraph(words.addInformation(t)),
      ]);
    },
    reply_posted: (t) => {
      const words = w.reply_posted;
      return customerEmail(t, words.headline, [
        paragraph(words.opening(t)),
        quote(t.body),
        ...introduced(words.filesIntro, list(t.fileNames ?? [])),
        paragraph(w.customer.howToAnswer(t.storeName)),
      ]);
    },
    awaiting_customer: (t) => {
      const words = w.awaiting_customer;
      return customerEmail(t, words.headline, [
        paragraph(words.opening(t)),
        ...introduced(words.latestReplyIntro, quote(t.latestReply)),
        paragraph(w.customer.howToAnswer(t.storeName)),
        paragraph(words.closing),
      ]);
    },
    evidence_requested: (t) => {
      const words = w.evidence_requested;
      return customerEmail(t, words.headline, [
        ...(t.safetyHazard ? [paragraph(words.safety)] : []),
        paragraph(words.opening(t)),
        facts({ caseNumber: t.caseNumber, requestType: w.caseTypes[t.caseType] }),
        paragraph(words.howToSend(t)),
        paragraph(words.closing),
      ]);
    },
    awaiting_customer_reminder: (t) => {
      const words = w.awaiting_customer_reminder;
      return customerEmail(t, words.headline, [
        paragraph(words.opening(t)),
        paragraph(w.customer.howToAnswer(t.storeName)),
        paragraph(t.closesCase ? words.closing.closes : words.closing.stays),
      ]);
    },
    awaiting_customer_overdue: (t) => {
      const words = w.awaiting_customer_overdue;
      const since = formatLocalDueTime(t.since, t.timezone);
      return staffEmail(t, words.headline(t), w.staff.supervisorsFooter, [
        paragraph(words.opening(t, since)),
        staffFacts(t, { awaitingSince: since, handledBy: t.agentName || words.notAssigned }),
        paragraph(words.action),
      ]);
    },
    case_resolved: (t) => {
      const words = w.case_resolved;
      return customerEmail(t, words.headline, [
        paragraph(words.opening(t)),
        facts({
          caseNumber: t.caseNumber,
          outcome: w.resolutionTypes[t.resolutionType],
          amount: t.amount && formatMoney(t.amount.value, t.amount.currency, locale),
        }),
        ...introduced(words.summaryIntro, quote(t.summary)),
        paragraph(words.mismatch(t)),
        paragraph(words.thanks),
      ]);
    },
    case_cancelled: (t) => {
      const words = w.case_cancelled;
      return customerEmail(t, words.headline, [
        paragraph(words.opening(t)),
        ...introduced(words.reasonIntro, quote(t.reason)),
        paragraph(words.fileAgain(t)),
      ]);
    },
    case_unassigned: (t) => {
      const words = w.case_unassigned;
      return staffEmail(t, words.headline(t), w.staff.supervisorsFooter, [
        paragraph(words.opening(t)),
        staffFacts(t, { priority: t.priority, requestType: w.caseTypes[t.caseType] }),
        paragraph(words.action),
      ]);
    },
    sla_warning: (t) => {
      const words = w.sla_warning;
      const shown = shownDue(t.milestone, t.dueAt, t.timezone);
      return staffEmail(t, words.headline(t, shown), w.staff.staffFooter, [
        paragraph(words.opening(t, shown)),
        paragraph(words.request[t.milestone]),
        staffFacts(t, { priority: t.priority, slaTarget: shown.milestone, due: shown.due }),
        paragraph(w.staff.openToAct),
      ]);
    },
    sla_escalated: (t) => {
      const words = w.sla_escalated;
      const shown = shownDue(t.milestone, t.dueAt, t.timezone);
      const audience = escalationAudienceOf(t.level, t.notified);
      const request = {
        agent: words.request.agent[t.milestone],
        unassignedQueue: words.request.unassignedQueue[t.milestone],
        supervisors: t.assigneeName
          ? words.request.supervisors(t.assigneeName)
          : words.request.supervisorsWhileUnassigned,
        management: words.request.management,
      }[audience];
      const reassignment = !t.reassignmentAllowed ? undefined : t.reassignedTo ? words.reassignAgain : words.reassign;
      return staffEmail(t, words.headline(t, shown), w.staff.staffFooter, [
        paragraph(sentences(words.breach(t, shown), words.escalatedTo[audience])),
        paragraph(request),
        paragraph(sentences(t.reassignedTo && words.reassignedAutomatically(t.reassignedTo), reassignment)),
        staffFacts(t, {
          priority: t.priority,
          missedTarget: shown.milestone,
          wasDue: shown.due,
          escalationLevel: words.level(t.level),
          handledBy: t.assigneeName || words.notAssigned,
          reassignedTo: t.reassignedTo,
        }),
        paragraph(w.staff.openToAct),
      ]);
    },
    survey_invitation: (t) => {
      const words = w.survey_invitation;
      return customerEmail(t, words.headline, [
        paragraph(words.opening(t)),
        ...introduced(words.ratingsIntro, list(SURVEY_DIMENSIONS.map((dimension) => w.surveyDimensions[dimension]))),
        ...surveyLink(t),
      ]);
    },
    survey_reminder: (t) => {
      const words = w.survey_reminder;
      return customerEmail(t, words.headline, [
        paragraph(words.opening(t)),
        ...surveyLink(t),
        paragraph(words.onlyReminder),
      ]);
    },
    revisit_due: (t) => {
      const words = w.revisit_due;
      const shown: ShownRevisit = {
        resolved: formatLocalDueTime(t.resolvedAt, t.timezone),
        outcome: w.resolutionTypes[t.resolutionType],
        answerDue: formatLocalDueTime(t.answerDueAt, t.timezone),
      };
      return staffEmail(t, words.headline(t), w.staff.staffFooter, [
        paragraph(words.opening(t, shown)),
        paragraph(words.deadline(shown)),
        staffFacts(t, {
          outcome: shown.outcome,
          resolvedAt: shown.resolved,
          answerDue: shown.answerDue,
          handledBy: t.agentName,
        }),
        paragraph(w.staff.revisitAnswer(t.caseId)),
      ]);
    },
    revisit_overdue: (t) => {
      const words = w.revisit_overdue;
      const answerDue = formatLocalDueTime(t.answerDueAt, t.timezone);
      return staffEmail(t, words.headline(t), w.staff.supervisorsFooter, [
        paragraph(words.opening(t, answerDue)),
        paragraph(t.agentName ? words.request.agent(t.agentName) : words.request.unassigned),
        staffFacts(t, { answerDue, handledBy: t.agentName || words.notAssigned }),
        paragraph(w.staff.revisitAnswer(t.caseId)),
      ]);
    },
    case_reopened: (t) => {
      const words = w.case_reopened;
      return customerEmail(t, words.headline, [
        paragraph(sentences(words.opening[t.reason](t), t.agentName && words.handledAgain(t.agentName))),
        facts({ caseNumber: t.caseNumber, handledBy: t.agentName }),
        paragraph(words.updates),
        paragraph(words.addInformation(t)),
      ]);
    },
    p1_case_assigned: (t) => {
      const words = w.p1_case_assigned;
      return staffEmail(t, words.headline(t), w.staff.supervisorsFooter, [
        paragraph(words.opening(t)),
        staffFacts(t, {
          priority: 'P1',
          requestType: w.caseTypes[t.caseType],
          handledBy: t.agentName,
          firstResponseDue: t.firstResponseDueAt && formatLocalDueTime(t.firstResponseDueAt, t.timezone),
        }),
        paragraph(words.action),
      ]);
    },
    agent_case_assigned: (t) => {
      const words = w.agent_case_assigned;
      return staffEmail(t, words.headline(t), w.staff.agentFooter, [
        paragraph(words.opening(t)),
        staffFacts(t, {
          priority: t.priority,
          requestType: w.caseTypes[t.caseType],
          order: t.orderId,
          firstResponseDue: t.firstResponseDueAt && formatLocalDueTime(t.firstResponseDueAt, t.timezone),
        }),
        paragraph(words.action),
      ]);
    },
    agent_case_reopened: (t) => {
      const words = w.agent_case_reopened;
      return staffEmail(t, words.headline(t), w.staff.agentFooter, [
        paragraph(words.opening[t.reason](t)),
        staffFacts(t, { priority: t.priority, requestType: w.caseTypes[t.caseType], order: t.orderId }),
        paragraph(words.action),
      ]);
    },
  };
};

/** The staff console's button to a case's page, under a staff email's blocks. */
export const caseLinkBlock = (w: EmailWording, caseUrl: string): EmailBlock => ({
  kind: 'action',
  label: w.staff.openCase,
  url: caseUrl,
  fallback: w.staff.linkFallback,
});
