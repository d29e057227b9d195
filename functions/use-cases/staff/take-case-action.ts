import type { Dependencies } from '../../commons/dependencies.js';
import { ApprovalRequiredError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import type { CaseActionRequest } from '../../schemas/console-case-forms.js';
import { addCaseNote } from './add-case-note.js';
import { assignCase } from './assign-case.js';
import { changeCaseStatus } from './change-case-status.js';
import { completeRevisit } from './complete-revisit.js';
import { decideResolutionApproval } from './decide-resolution-approval.js';
import { reclassifyCase } from './reclassify-case.js';
import { replyToCase } from './reply-to-case.js';
import { resolveCase } from './resolve-case.js';
import { retryCaseWorkflow } from './retry-case-workflow.js';
import { reviewCase } from './review-case.js';

export type CaseActionPorts = Pick<
  Dependencies,
  'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock' | 'uploads'
>;

/** `done`, or (an agent's resolve above the store's limit) recorded as a request for a supervisor's approval. */
export type CaseActionOutcome = 'done' | 'approvalRequested';

/**
 * One action of the console's case page, by the SAME use case as its staff API route (the request is that route's
 * validated body), so the console and the API share every rule, refusal and side effect (emails, workflow signals,
 * KPI counts). Their errors pass through unchanged for the page to show; only an agent's resolution that needs a
 * supervisor's approval, which the API answers with a 409 after recording it, is an outcome here.
 */
export const takeCaseAction = async (
  dependencies: CaseActionPorts,
  user: StaffUser,
  caseId: string,
  request: CaseActionRequest,
): Promise<CaseActionOutcome> => {
  switch (request.action) {
    case 'reply':
      await replyToCase(dependencies, { user, caseId, ...request.body });
      return 'done';
    case 'note':
      await addCaseNote(dependencies, { user, caseId, body: request.body.body });
      return 'done';
    case 'status':
      await changeCaseStatus(dependencies, { user, caseId, status: request.body.status });
      return 'done';
    case 'resolve':
      try {
        await resolveCase(dependencies, { ...request.body, user, caseId });
        return 'done';
      } catch (error) {
        if (error instanceof ApprovalRequiredError) return 'approvalRequested';
        throw error;
      }
    case 'assign':
      await assignCase(dependencies, { user, caseId, agentId: request.body.agentId });
      return 'done';
    case 'reclassify':
      await reclassifyCase(dependencies, { ...request.body, user, caseId });
      return 'done';
    case 'review':
      await reviewCase(dependencies, { ...request.body, user, caseId });
      return 'done';
    case 'approval':
      await decideResolutionApproval(dependencies, { ...request.body, user, caseId });
      return 'done';
    case 'revisit':
      await completeRevisit(dependencies, { ...request.body, user, caseId });
      return 'done';
    case 'retry':
      await retryCaseWorkflow(dependencies, { user, caseId, note: request.body.note });
      return 'done';
  }
};
