import type { SurveyDimension } from '../domain/aftercare/survey.js';
import type { CaseType, ReopenReason, ResolutionType } from '../domain/case.js';
import type { SlaMilestone } from '../domain/sla/sla-policy.js';
import type { EscalationAudience } from './escalation-audience.js';
import type { TemplateOf } from './email-template.js';

/** The labels of the facts tables. */
export type FactLabel =
  | 'caseNumber'
  | 'caseId'
  | 'order'
  | 'store'
  | 'requestType'
  | 'priority'
  | 'handledBy'
  | 'outcome'
  | 'amount'
  | 'slaTarget'
  | 'due'
  | 'missedTarget'
  | 'wasDue'
  | 'escalationLevel'
  | 'reassignedTo'
  | 'firstResponseDue'
  | 'linkExpires'
  | 'resolvedAt'
  | 'answerDue'
  | 'awaitingSince';

/** An SLA milestone and its due time as the email shows them (label in the locale, due time on the store's clock). */
export interface ShownDue {
  milestone: string;
  due: string;
}

/** A revisit's times on the store's clock, and the outcome as staff read it. */
export interface ShownRevisit {
  resolved: string;
  outcome: string;
  answerDue: string;
}

/**
 * What each kind of email says, per locale: only words. Which blocks an email has, in which order, and when an
 * optional part is left out, is decided once for every locale in `layouts.ts`.
 */
interface WordingByKind {
  case_acknowledged: {
    headline: string;
    thanks: string;
    next: string;
    /** Instead of `next` when the case was assigned in the same step: who handles it from now on. */
    assigned: (t: TemplateOf<'case_acknowledged'> & { agentName: string }) => string;
    questions: (t: TemplateOf<'case_acknowledged'>) => string;
  };
  case_rejected: {
    headline: string;
    opening: (t: TemplateOf<'case_rejected'>) => string;
    /** The opening when the reasons follow as a list. */
    openingBeforeReasons: (t: TemplateOf<'case_rejected'>) => string;
    reconsider: (t: TemplateOf<'case_rejected'>) => string;
  };
  case_under_review: { headline: string; opening: (t: TemplateOf<'case_under_review'>) => string; meanwhile: string };
  review_requested: {
    headline: (t: TemplateOf<'review_requested'>) => string;
    opening: (t: TemplateOf<'review_requested'>) => string;
    /** Once the case has waited too long. */
    reminderHeadline: (t: TemplateOf<'review_requested'>) => string;
    reminderOpening: (t: TemplateOf<'review_requested'>) => string;
    reasonsIntro: string;
    reason: (reason: { code: string; message: string }) => string;
    action: string;
  };
  case_assigned: {
    headline: (t: TemplateOf<'case_assigned'>) => string;
    opening: (t: TemplateOf<'case_assigned'>) => string;
    updates: string;
    addInformation: (t: TemplateOf<'case_assigned'>) => string;
  };
  reply_posted: { headline: string; opening: (t: TemplateOf<'reply_posted'>) => string; filesIntro: string };
  awaiting_customer: {
    headline: string;
    opening: (t: TemplateOf<'awaiting_customer'>) => string;
    latestReplyIntro: string;
    closing: string;
  };
  evidence_requested: {
    headline: string;
    opening: (t: TemplateOf<'evidence_requested'>) => string;
    howToSend: (t: TemplateOf<'evidence_requested'>) => string;
    safety: string;
    closing: string;
  };
  awaiting_customer_reminder: {
    headline: string;
    opening: (t: TemplateOf<'awaiting_customer_reminder'>) => string;
    closing: { closes: string; stays: string };
  };
  awaiting_customer_overdue: {
    headline: (t: TemplateOf<'awaiting_customer_overdue'>) => string;
    opening: (t: TemplateOf<'awaiting_customer_overdue'>, since: string) => string;
    action: string;
    notAssigned: string;
  };
  case_resolved: {
    headline: string;
    opening: (t: TemplateOf<'case_resolved'>) => string;
    summaryIntro: string;
    mismatch: (t: TemplateOf<'case_resolved'>) => string;
    thanks: string;
  };
  case_cancelled: {
    headline: string;
    opening: (t: TemplateOf<'case_cancelled'>) => string;
    reasonIntro: string;
    fileAgain: (t: TemplateOf<'case_cancelled'>) => string;
  };
  case_unassigned: {
    headline: (t: TemplateOf<'case_unassigned'>) => string;
    opening: (t: TemplateOf<'case_unassigned'>) => string;
    action: string;
  };
  sla_warning: {
    headline: (t: TemplateOf<'sla_warning'>, shown: ShownDue) => string;
    opening: (t: TemplateOf<'sla_warning'>, shown: ShownDue) => string;
    request: Record<SlaMilestone, string>;
  };
  sla_escalated: {
    headline: (t: TemplateOf<'sla_escalated'>, shown: ShownDue) => string;
    breach: (t: TemplateOf<'sla_escalated'>, shown: ShownDue) => string;
    /** Follows the breach when the case moves up to a new audience. */
    escalatedTo: Partial<Record<EscalationAudience, string>>;
    /** What the addressee should do now. */
    request: {
      agent: Record<SlaMilestone, string>;
      unassignedQueue: Record<SlaMilestone, string>;
      supervisors: (assigneeName: string) => string;
      supervisorsWhileUnassigned: string;
      management: string;
    };
    reassignedAutomatically: (agentName: string) => string;
    reassignAgain: string;
    reassign: string;
    level: (level: number) => string;
    notAssigned: string;
  };
  survey_invitation: {
    headline: string;
    opening: (t: TemplateOf<'survey_invitation'>) => string;
    /** Introduces the list of what they can rate. */
    ratingsIntro: string;
  };
  survey_reminder: {
    headline: string;
    opening: (t: TemplateOf<'survey_reminder'>) => string;
    /** There is no other reminder. */
    onlyReminder: string;
  };
  revisit_due: {
    headline: (t: TemplateOf<'revisit_due'>) => string;
    opening: (t: TemplateOf<'revisit_due'>, shown: ShownRevisit) => string;
    deadline: (shown: ShownRevisit) => string;
  };
  revisit_overdue: {
    headline: (t: TemplateOf<'revisit_overdue'>) => string;
    opening: (t: TemplateOf<'revisit_overdue'>, answerDue: string) => string;
    request: { agent: (agentName: string) => string; unassigned: string };
    notAssigned: string;
  };
  case_reopened: {
    headline: string;
    opening: Record<ReopenReason, (t: TemplateOf<'case_reopened'>) => string>;
    handledAgain: (agentName: string) => string;
    updates: string;
    addInformation: (t: TemplateOf<'case_reopened'>) => string;
  };
  p1_case_assigned: {
    headline: (t: TemplateOf<'p1_case_assigned'>) => string;
    opening: (t: TemplateOf<'p1_case_assigned'>) => string;
    action: string;
  };
  agent_case_assigned: {
    headline: (t: TemplateOf<'agent_case_assigned'>) => string;
    opening: (t: TemplateOf<'agent_case_assigned'>) => string;
    action: string;
  };
  agent_case_reopened: {
    headline: (t: TemplateOf<'agent_case_reopened'>) => string;
    opening: Record<ReopenReason, (t: TemplateOf<'agent_case_reopened'>) => string>;
    action: string;
  };
}

export interface EmailWording extends WordingByKind {
  caseTypes: Record<CaseType, string>;
  resolutionTypes: Record<ResolutionType, string>;
  /** Mid-sentence, as in "the first response target". */
  slaMilestones: Record<SlaMilestone, string>;
  /** What a survey rates, as a list item. */
  surveyDimensions: Record<SurveyDimension, string>;
  /** Between two sentences of one paragraph: a space in English, nothing in Chinese. */
  sentenceGap: string;
  labels: Record<FactLabel, string>;
  customer: {
    subject: (storeName: string, headline: string, caseNumber: string) => string;
    greeting: (customerName: string) => string;
    signoff: (storeName: string) => string;
    footer: string;
    /** The sender address takes no replies: customers answer where they filed the request. */
    howToAnswer: (storeName: string) => string;
    /** Before a button's address, for mail clients that block the button. */
    linkFallback: string;
  };
  /** What both survey emails say about the form and its link. */
  survey: {
    rate: string;
    /** Before the quick ratings (HTML only): they open the form with that rating preselected, nothing is sent. */
    quickIntro: string;
    quickTitle: (rating: number) => string;
    once: string;
  };
  staff: {
    subject: (headline: string, storeName: string) => string;
    signoff: string;
    /** Under the notices meant for the store's supervisors only. */
    supervisorsFooter: string;
    /** Under the SLA notices, which reach agents, supervisors or admins. */
    staffFooter: string;
    openToAct: string;
    /** The button to the case's page in the staff console, and the line above its address in the text part. */
    openCase: string;
    linkFallback: string;
    /** Under the notices meant for the agent a case was assigned to. */
    agentFooter: string;
    /** How the revisit is answered, and what each answer does. */
    revisitAnswer: (caseId: string) => string;
  };
}
