import type { CaseType, Priority, ReopenReason, ResolutionType } from '../domain/case.js';
import type { LadderRecipients } from '../domain/sla/escalation-ladder.js';
import type { SlaMilestone } from '../domain/sla/sla-policy.js';
import type { EmailContent } from './render.js';

/** What both survey emails carry. */
interface SurveyEmail {
  caseNumber: string;
  customerName: string;
  storeName: string;
  /** The form, signed for this case and round. */
  surveyUrl: string;
  /** ISO instant, shown on the store's wall clock (`timezone`). */
  expiresAt: string;
  timezone: string;
}

/**
 * Every email the service sends. The words live in one file per locale (`zh-cn.ts`, `en.ts`), which blocks each
 * email has in `layouts.ts`, the rendering and escaping in `render.ts`. To add a kind: add it to `EmailTemplate`; the
 * compiler then asks for its layout, and for its words in `wording.ts` and so in every locale.
 */
export type EmailTemplate =
  /**
   * To the customer: the request was filed, here is its number. With `agentName` (the case was assigned in the same
   * workflow step), it also says who handles the case, so the customer gets one email instead of two within a second.
   */
  | {
      kind: 'case_acknowledged';
      caseNumber: string;
      customerName: string;
      storeName: string;
      caseType?: CaseType;
      agentName?: string;
    }
  /** To the customer: the request was not approved, with every reason in their language. */
  | {
      kind: 'case_rejected';
      caseNumber: string;
      customerName: string;
      storeName: string;
      reasons: { code: string; message: string }[];
    }
  /** To the customer: a supervisor will decide. */
  | { kind: 'case_under_review'; caseNumber: string; customerName: string; storeName: string }
  /** To the store's supervisors (internal): a case waits for their decision; `reminder` once it has waited too long. */
  | {
      kind: 'review_requested';
      caseNumber: string;
      caseId: string;
      storeName: string;
      orderId: string;
      reasons: { code: string; message: string }[];
      reminder: boolean;
    }
  /** To the customer: who handles the case (the agent's display name only). */
  | { kind: 'case_assigned'; caseNumber: string; customerName: string; storeName: string; agentName: string }
  /** To the customer: a public reply by staff, and how to answer it (the sender address takes no replies). */
  | {
      kind: 'reply_posted';
      caseNumber: string;
      customerName: string;
      storeName: string;
      authorName: string;
      body: string;
      /** The names of the files sent with the reply (the customer sees them with the case on the storefront). */
      fileNames?: string[];
    }
  /** To the customer: staff need information from them; `latestReply` is the last public reply, when there is one. */
  | { kind: 'awaiting_customer'; caseNumber: string; customerName: string; storeName: string; latestReply?: string }
  /**
   * To the customer: the request is accepted but needs evidence (`minimum` photos, videos or PDFs) before the work goes
   * on; `safetyHazard` when the description names one (stop using the product).
   */
  | {
      kind: 'evidence_requested';
      caseNumber: string;
      customerName: string;
      storeName: string;
      caseType: CaseType;
      minimum: number;
      safetyHazard: boolean;
    }
  /**
   * To the customer: the one reminder of a wait for their information; `closesCase` when the store resolves such cases
   * at the limit (else the case stays open for a person to follow up).
   */
  | {
      kind: 'awaiting_customer_reminder';
      caseNumber: string;
      customerName: string;
      storeName: string;
      closesCase: boolean;
    }
  /** To the supervisors: a case has awaited the customer past the store's limit (the store flags rather than closes). */
  | {
      kind: 'awaiting_customer_overdue';
      caseNumber: string;
      caseId: string;
      storeName: string;
      agentName?: string;
      since: string;
      timezone: string;
    }
  /** To the customer: the outcome (with the amount when money is involved) and its summary. */
  | {
      kind: 'case_resolved';
      caseNumber: string;
      customerName: string;
      storeName: string;
      resolutionType: ResolutionType;
      amount?: { value: number; currency: string };
      summary: string;
    }
  /** To the customer: the cancellation is confirmed, with the reason they gave. */
  | { kind: 'case_cancelled'; caseNumber: string; customerName: string; storeName: string; reason?: string }
  /** To the store's supervisors (internal): an approved case waits in the unassigned queue, no eligible agent free. */
  | {
      kind: 'case_unassigned';
      caseNumber: string;
      caseId: string;
      storeName: string;
      caseType: CaseType;
      priority?: Priority;
    }
  /** To the assigned agent (or the supervisors while unassigned): a milestone's due time is near (the optional warning). */
  | {
      kind: 'sla_warning';
      caseNumber: string;
      caseId: string;
      storeName: string;
      priority: Priority;
      milestone: SlaMilestone;
      /** ISO instant. */
      dueAt: string;
      /** IANA timezone of the store calendar: due times are shown on its wall clock. */
      timezone: string;
    }
  /** An escalation step: level 1 the assigned agent (supervisors while unassigned), 2 the supervisors, 3 the store's admins. */
  | {
      kind: 'sla_escalated';
      caseNumber: string;
      caseId: string;
      storeName: string;
      priority: Priority;
      milestone: SlaMilestone;
      level: number;
      /** Who this email is addressed to (the ladder's choice, or the supervisors standing in for an agent gone). */
      notified: LadderRecipients;
      dueAt: string;
      timezone: string;
      /** The handling agent's display name; absent while unassigned. */
      assigneeName?: string;
      /** Level 2+: supervisors may reassign the case; `reassignedTo` when an automatic reassignment already happened. */
      reassignmentAllowed: boolean;
      reassignedTo?: string;
    }
  /**
   * To the customer: rate how the case was handled. One link to the form, and in HTML quick links that open it with an
   * overall rating preselected (they record nothing); the link works once, until `expiresAt`.
   */
  | ({ kind: 'survey_invitation' } & SurveyEmail)
  /** To the customer: the survey's one reminder, same link. */
  | ({ kind: 'survey_reminder' } & SurveyEmail)
  /** To the resolving agent (the supervisors when the agent is gone): ask the customer whether the problem came back. */
  | {
      kind: 'revisit_due';
      caseNumber: string;
      caseId: string;
      storeName: string;
      agentName?: string;
      /** ISO instants, shown on the store's wall clock (`timezone`). */
      resolvedAt: string;
      answerDueAt: string;
      timezone: string;
      resolutionType: ResolutionType;
    }
  /** To the store's supervisors: nobody recorded the revisit's answer by its due time. */
  | {
      kind: 'revisit_overdue';
      caseNumber: string;
      caseId: string;
      storeName: string;
      /** Who should have answered it; absent when nobody is assigned. */
      agentName?: string;
      answerDueAt: string;
      timezone: string;
    }
  /** To the customer: the case is open again (their message, or the revisit found the problem back). */
  | {
      kind: 'case_reopened';
      caseNumber: string;
      customerName: string;
      storeName: string;
      reason: ReopenReason;
      /** The agent who has it again; absent when it went back to the unassigned queue. */
      agentName?: string;
    }
  /** To the supervisors: a P1 (critical and urgent) case was just assigned, so they can watch it from the start. */
  | {
      kind: 'p1_case_assigned';
      caseNumber: string;
      caseId: string;
      storeName: string;
      caseType: CaseType;
      agentName: string;
      firstResponseDueAt?: string;
      timezone: string;
    }
  /** To the agent (internal): a case was just assigned to them, by whatever assigned it; the link opens its page. */
  | {
      kind: 'agent_case_assigned';
      caseNumber: string;
      caseId: string;
      storeName: string;
      agentName: string;
      caseType: CaseType;
      orderId: string;
      priority?: Priority;
      firstResponseDueAt?: string;
      timezone: string;
    }
  /** To the agent (internal): a case they resolved was reopened and is theirs again; the link opens its page. */
  | {
      kind: 'agent_case_reopened';
      caseNumber: string;
      caseId: string;
      storeName: string;
      agentName: string;
      caseType: CaseType;
      orderId: string;
      priority?: Priority;
      reason: ReopenReason;
      /** The round the reopening started (2 for the first reopening). */
      round: number;
    };

export type EmailKind = EmailTemplate['kind'];
export type TemplateOf<K extends EmailKind> = Extract<EmailTemplate, { kind: K }>;

/** One renderer per kind: a missing kind fails to compile. */
export type Renderers = { [K in EmailKind]: (template: TemplateOf<K>) => EmailContent };
