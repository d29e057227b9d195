/** English (en) emails: the words only; the layout is in `layouts.ts`. */
import type { EmailWording } from './wording.js';

export const en: EmailWording = {
  caseTypes: {
    return: 'Return',
    exchange: 'Exchange',
    repair: 'Repair',
    refund: 'Refund',
    product_fault: 'Product fault',
    usage_question: 'Question about use',
    complaint: 'Complaint',
    suggestion: 'Suggestion',
    logistics: 'Delivery issue',
  },
  resolutionTypes: {
    refund: 'Refund',
    exchange: 'Exchange',
    repair: 'Repair',
    replacement: 'Replacement sent',
    compensation: 'Compensation',
    guidance: 'Advice on use',
    no_action: 'No action needed',
  },
  slaMilestones: { firstResponse: 'first response', resolution: 'resolution' },
  surveyDimensions: {
    overall: 'Overall satisfaction',
    attitude: 'Our attitude',
    professionalism: 'Professionalism',
    problemSolving: 'Problem solving',
    speed: 'Speed',
  },
  sentenceGap: ' ',
  labels: {
    caseNumber: 'Case number',
    caseId: 'Case ID',
    order: 'Order',
    store: 'Store',
    requestType: 'Request type',
    priority: 'Priority',
    handledBy: 'Handled by',
    outcome: 'Outcome',
    amount: 'Amount',
    slaTarget: 'SLA target',
    due: 'Due',
    missedTarget: 'Missed target',
    wasDue: 'Was due',
    escalationLevel: 'Escalation level',
    reassignedTo: 'Reassigned to',
    firstResponseDue: 'First response due',
    linkExpires: 'Link valid until',
    resolvedAt: 'Resolved',
    answerDue: 'Answer due',
    awaitingSince: 'Awaiting the customer since',
  },
  customer: {
    subject: (storeName, headline, caseNumber) => `[${storeName}] ${headline} (case ${caseNumber})`,
    greeting: (customerName) => `Dear ${customerName},`,
    signoff: (storeName) => `The ${storeName} customer service team`,
    footer: 'This is an automated message; please do not reply to it.',
    howToAnswer: (storeName) =>
      `To answer, please use the after-sales section of the ${storeName} website or app; replies to this email are not read.`,
    linkFallback: 'If the button does not work, copy this address into your browser:',
  },
  survey: {
    rate: 'Rate our service',
    quickIntro:
      'Or pick your overall rating right here (1 = very dissatisfied, 5 = very satisfied): each number opens the form with that rating preselected. Nothing is recorded until you submit the form.',
    quickTitle: (rating) => `Opens the form with ${rating} preselected`,
    once: 'The link works once: after you have submitted your ratings it can no longer be used.',
  },
  staff: {
    subject: (headline, storeName) => `${headline} (${storeName})`,
    signoff: 'After-sales service',
    supervisorsFooter: 'Internal notice, sent to the store’s supervisors only.',
    staffFooter: 'Internal notice, sent to the store’s staff only.',
    openToAct: 'Open the case in the staff console to act on it.',
    openCase: 'Open the case',
    linkFallback: 'If the button does not work, copy this address into your browser:',
    agentFooter: 'Internal notice, sent to the agent the case is assigned to.',
    revisitAnswer: (caseId) =>
      `Record the answer in the staff console: “ok” when the problem is solved (the case is closed), “recurred” when it has come back (the case is reopened). API: POST /v1/staff/cases/${caseId}/revisit.`,
  },

  case_acknowledged: {
    headline: 'We have received your request',
    thanks: 'Thank you for contacting us. We have received your after-sales request.',
    next: 'We will review it shortly and assign it to a member of our team. We will email you at every step.',
    assigned: (t) =>
      `It has been approved and assigned to ${t.agentName} of our customer service team, who will look after it from now on. We will email you at every step.`,
    questions: (t) => `If you have any questions, contact ${t.storeName} customer service and quote your case number.`,
  },
  case_rejected: {
    headline: 'Your request was not approved',
    opening: (t) => `We are sorry, but we cannot approve your request (case ${t.caseNumber}).`,
    openingBeforeReasons: (t) =>
      `We are sorry, but we cannot approve your request (case ${t.caseNumber}), for the following reasons:`,
    reconsider: (t) =>
      `If you have questions about this decision, or can provide further evidence (such as photos or an invoice), contact ${t.storeName} customer service and quote your case number; we will look at it again.`,
  },
  case_under_review: {
    headline: 'Your request is being reviewed',
    opening: (t) =>
      `Your request (case ${t.caseNumber}) needs a closer look by one of our supervisors. We will email you as soon as a decision has been made.`,
    meanwhile: 'You do not need to do anything in the meantime. Thank you for your patience.',
  },
  review_requested: {
    headline: (t) => `[Review needed] Case ${t.caseNumber} needs a decision`,
    opening: (t) => `Case ${t.caseNumber} could not be approved automatically and needs a supervisor's decision.`,
    reminderHeadline: (t) => `[Reminder] Case ${t.caseNumber} is still waiting for review`,
    reminderOpening: (t) =>
      `Case ${t.caseNumber} is still waiting for a manual review and is past its expected handling time. Please decide on it as soon as possible.`,
    reasonsIntro: 'Why it needs a review:',
    reason: (reason) => `${reason.message} (${reason.code})`,
    action: 'Open the case in the staff console to approve or reject the request.',
  },
  case_assigned: {
    headline: (t) => `${t.agentName} is now handling your request`,
    opening: (t) =>
      `Your request (case ${t.caseNumber}) has been assigned to ${t.agentName} of our customer service team, who will look after it from now on.`,
    updates: 'We will email you whenever there is news.',
    addInformation: (t) =>
      `To add information, use the after-sales section of the ${t.storeName} website or app and quote your case number.`,
  },
  reply_posted: {
    headline: 'New reply to your request',
    opening: (t) => `${t.authorName} has replied to your request (case ${t.caseNumber}):`,
    filesIntro: 'Files sent with this reply (you can find them with your request on our website or app):',
  },
  awaiting_customer: {
    headline: 'We need information from you',
    opening: (t) => `To continue with your request (case ${t.caseNumber}), we need some information from you.`,
    latestReplyIntro: 'Our latest message:',
    closing: 'We will continue as soon as we hear from you.',
  },
  evidence_requested: {
    headline: 'Please send us a photo of the problem',
    opening: (t) =>
      `We have accepted your ${en.caseTypes[t.caseType].toLowerCase()} request (case ${t.caseNumber}). To work on it we need at least ${t.minimum} ${t.minimum === 1 ? 'photo, video or PDF' : 'photos, videos or PDFs'} showing the problem.`,
    howToSend: (t) =>
      `Please reply to your request in the after-sales section of the ${t.storeName} website or app and attach the file; replies to this email are not read. You do not need to file a new request.`,
    safety: 'For your safety, please stop using the product and unplug it until we have looked at it.',
    closing: 'We will continue as soon as we receive it.',
  },
  awaiting_customer_reminder: {
    headline: 'Reminder: we are still waiting for your information',
    opening: (t) =>
      `Your request (case ${t.caseNumber}) is still waiting for information from you; we can continue as soon as we have it.`,
    closing: {
      closes: 'If we do not hear from you soon, the case will be closed; you can always submit a new request later.',
      stays: 'If we do not hear from you soon, a supervisor will follow up on your case.',
    },
  },
  awaiting_customer_overdue: {
    headline: (t) => `[${t.caseNumber}] Customer has not replied past the limit`,
    opening: (t, since) =>
      `Case ${t.caseNumber} has been waiting for information from the customer since ${since}, past the store's limit; the customer was reminded once.`,
    action: 'Please decide what happens next: contact the customer, resume the work, or resolve it as no action.',
    notAssigned: 'Not assigned',
  },
  case_resolved: {
    headline: 'Your request has been resolved',
    opening: (t) => `Your request (case ${t.caseNumber}) has been resolved.`,
    summaryIntro: 'What we did:',
    mismatch: (t) =>
      `If anything is not as described, contact ${t.storeName} customer service and quote your case number.`,
    thanks: 'Thank you for your patience.',
  },
  case_cancelled: {
    headline: 'Your request has been cancelled',
    opening: (t) =>
      `As you asked, your request (case ${t.caseNumber}) has been cancelled; we will take no further action on it.`,
    reasonIntro: 'The reason you gave:',
    fileAgain: (t) =>
      `If this was a mistake, or the problem comes back, you are welcome to file a new request through the ${t.storeName} website or app.`,
  },
  case_unassigned: {
    headline: (t) => `[Unassigned] Case ${t.caseNumber} is waiting for an agent`,
    opening: (t) =>
      `Case ${t.caseNumber} was approved, but no eligible agent is free to take it (all are unavailable, at capacity, or lack the skills). It waits in the unassigned queue.`,
    action:
      'It is assigned automatically as soon as an agent frees up. To assign it now, open the unassigned queue in the staff console.',
  },
  sla_warning: {
    headline: (t, shown) => `[${t.caseNumber}] SLA warning: ${shown.milestone} due soon`,
    opening: (t, shown) => `The ${shown.milestone} target for case ${t.caseNumber} is due soon, at ${shown.due}.`,
    request: {
      firstResponse: 'Please make sure the customer gets a first response before then.',
      resolution:
        'Please make sure the case is resolved before then. If you need information from the customer, set the case to “awaiting customer”: the SLA clock pauses while it waits.',
    },
  },
  sla_escalated: {
    headline: (t, shown) => `[${t.caseNumber}] SLA breached: ${shown.milestone}, level ${t.level}`,
    breach: (t, shown) =>
      `The ${shown.milestone} target for case ${t.caseNumber} was missed: it was due at ${shown.due}.`,
    escalatedTo: {
      supervisors: 'The case is now escalated to you as the store’s supervisors.',
      management: 'The case is now escalated to store management.',
    },
    request: {
      agent: { firstResponse: 'Please respond to the customer now.', resolution: 'Please resolve the case now.' },
      unassignedQueue: {
        firstResponse:
          'No agent is assigned to the case. Please assign it now so that the customer gets a first response.',
        resolution: 'No agent is assigned to the case. Please assign it now so that it can be resolved.',
      },
      supervisors: (assigneeName) =>
        `Please check with ${assigneeName}, who handles it, and make sure it is dealt with now.`,
      supervisorsWhileUnassigned: 'No agent is assigned to it yet: please assign it now.',
      management: 'Earlier reminders have not brought it back on track. Please make sure it is dealt with now.',
    },
    reassignedAutomatically: (agentName) => `It has been reassigned automatically to ${agentName}.`,
    reassignAgain: 'If needed, you can reassign it again in the staff console.',
    reassign: 'You can reassign it to another agent in the staff console.',
    level: (level) => String(level),
    notAssigned: 'Not assigned',
  },
  survey_invitation: {
    headline: 'How did we do?',
    opening: (t) =>
      `Your request (case ${t.caseNumber}) has been resolved. We would like to know how we handled it; it takes about a minute.`,
    ratingsIntro: 'You can rate:',
  },
  survey_reminder: {
    headline: 'A reminder: how did we do?',
    opening: (t) =>
      `A few days ago we asked you to rate how we handled your request (case ${t.caseNumber}). If you have a minute, we would still be glad to hear from you.`,
    onlyReminder: 'This is our only reminder; we will not write to you about the survey again.',
  },
  revisit_due: {
    headline: (t) => `[${t.caseNumber}] Revisit due: check that the problem has not come back`,
    opening: (t, shown) =>
      `Case ${t.caseNumber} was resolved (${shown.outcome}) on ${shown.resolved}. Please contact the customer and make sure the problem has not come back.`,
    deadline: (shown) => `Please record their answer by ${shown.answerDue}; after that the supervisors are told.`,
  },
  revisit_overdue: {
    headline: (t) => `[${t.caseNumber}] Revisit overdue: no answer recorded`,
    opening: (t, answerDue) =>
      `The revisit of case ${t.caseNumber} was to be answered by ${answerDue}, and no answer has been recorded.`,
    request: {
      agent: (agentName) =>
        `Please check with ${agentName}, who resolved it, that the customer is contacted and the answer recorded.`,
      unassigned: 'No agent has the case: please contact the customer and record the answer yourselves.',
    },
    notAssigned: 'Not assigned',
  },
  case_reopened: {
    headline: 'We are working on your request again',
    opening: {
      revisit_recurred: (t) =>
        `When we followed up on your request (case ${t.caseNumber}), we learned that the problem has come back. We have reopened it and are working on it again.`,
      customer_message: (t) =>
        `Thank you for your message about your request (case ${t.caseNumber}). We have reopened it and are working on it again.`,
    },
    handledAgain: (agentName) => `${agentName}, who handled it before, is looking after it.`,
    updates: 'We will email you whenever there is news.',
    addInformation: (t) =>
      `To add information, use the after-sales section of the ${t.storeName} website or app and quote your case number.`,
  },
  p1_case_assigned: {
    headline: (t) => `[${t.caseNumber}] P1 case assigned to ${t.agentName}`,
    opening: (t) =>
      `Case ${t.caseNumber} has priority P1 (critical and urgent) and has just been assigned to ${t.agentName}. You are receiving this so that you can follow it from the start.`,
    action: 'Open the case in the staff console to follow its progress.',
  },
  agent_case_assigned: {
    headline: (t) => `[${t.caseNumber}] Case assigned to you`,
    opening: (t) => `Hello ${t.agentName}, case ${t.caseNumber} has just been assigned to you.`,
    action: 'Open the case in the staff console to answer the customer.',
  },
  agent_case_reopened: {
    headline: (t) => `[${t.caseNumber}] Case reopened: back with you`,
    opening: {
      customer_message: (t) =>
        `Hello ${t.agentName}, the customer wrote again about case ${t.caseNumber}, which you resolved, so it has been reopened (round ${t.round}) and is yours again.`,
      revisit_recurred: (t) =>
        `Hello ${t.agentName}, the follow-up on case ${t.caseNumber}, which you resolved, found the problem has come back, so it has been reopened (round ${t.round}) and is yours again.`,
    },
    action: 'Open the case in the staff console to read what changed and answer the customer.',
  },
};
