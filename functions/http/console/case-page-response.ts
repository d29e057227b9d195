import type { APIGatewayProxyResult } from 'aws-lambda';
import type { Dependencies } from '../../commons/dependencies.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { optionalVariable } from '../../commons/config.js';
import { logger, errorName } from '../../commons/logger.js';
import { availableActions } from '../../pages/console-case-actions.js';
import type { FailedForm } from '../../pages/console-case-forms.js';
import { consoleCaseContent, type ConsoleCaseNotice } from '../../pages/console-case-page.js';
import { caseCsp, caseHead } from '../../pages/console-case-style.js';
import { CONSOLE_CASE_WORDS } from '../../pages/console-case-words.js';
import { consoleMessagePage, consolePage } from '../../pages/console/console-layout.js';
import { getStaffCase } from '../../use-cases/staff/get-staff-case.js';
import { listStaffQueue } from '../../use-cases/staff/list-staff-queue.js';
import type { StaffCaseView } from '../../use-cases/staff-case-view.js';
import { consoleHtml, type ConsoleRequest } from './console-route.js';

/** What the case page reads: the case (and its store's SLA) and the agents to assign to. */
export type CasePageRequest = Pick<ConsoleRequest<never>, 'user' | 'locale' | 'path' | 'csrfToken'> & {
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'clock'>;
};

/** From `/console/cases/{caseId}`: the console's static assets (`/console/assets/`), whatever the stage prefix. */
const ASSETS_PATH = '../assets/';

const noStore = (response: APIGatewayProxyResult): APIGatewayProxyResult => ({
  ...response,
  headers: { ...response.headers, 'cache-control': 'no-store' },
});

/**
 * The image files' thumbnails: each through the console's own file route (`{caseId}/attachments/{id}`, relative to
 * the page), which checks the session and the case's access rule and answers 303 to a short-lived S3 link. So the page
 * reads no object and signs no link itself (no S3 client in its bundle); a file whose upload was never recorded (no
 * size) has no thumbnail (it is still listed).
 */
const thumbnailsOf = (view: StaffCaseView): Record<string, string> =>
  Object.fromEntries(
    view.attachments
      .filter((file) => file.contentType?.startsWith('image/') && file.size !== null)
      .map(({ attachmentId }) => [
        attachmentId,
        `${encodeURIComponent(view.caseId)}/attachments/${encodeURIComponent(attachmentId)}`,
      ]),
  );

/**
 * Where a thumbnail's 303 lands: the local stack's links are this origin's; in AWS, a presigned URL of the function's
 * region (virtual-hosted, `<bucket>.s3.<region>.amazonaws.com`), which the CSP must allow for images after the redirect.
 */
const imageOrigins = (): string[] => {
  const region = optionalVariable('AWS_REGION');
  return region ? [`https://*.s3.${region}.amazonaws.com`] : [];
};

/** The next case of the user's queue (their own, or the unassigned one for a supervisor without a queue). */
const nextCaseOf = async (request: CasePageRequest, caseId: string): Promise<string | undefined> => {
  try {
    const page = await listStaffQueue(request.dependencies, request.user, {
      assignee: request.user.agentId ? 'me' : 'unassigned',
      limit: 2,
    });
    return page.items.find((item) => item.caseId !== caseId)?.caseId;
  } catch (error) {
    // The link is a convenience: the page shows without it.
    logger.warn('Next case unknown', { errorName: errorName(error) });
    return undefined;
  }
};

/** A case the user may not open: 404 for another store's (or no such) case, 403 for an agent's case not theirs. */
export const caseRefusal = (request: Pick<CasePageRequest, 'locale'>, error: unknown): APIGatewayProxyResult => {
  const words = CONSOLE_CASE_WORDS[request.locale];
  if (error instanceof NotFoundError) {
    return noStore(consoleHtml(404, consoleMessagePage(request.locale, words.notFoundTitle, words.notFound)));
  }
  if (error instanceof ForbiddenError) {
    return noStore(consoleHtml(403, consoleMessagePage(request.locale, words.notYoursTitle, words.notYours)));
  }
  throw error;
};

/**
 * The case page, as GET shows it and as a failed post shows it again (`status` 400/403/409 with the form's errors).
 * The case is read by the staff API's use case, with its access rule: another store's case is 404.
 */
export const casePageResponse = async (
  request: CasePageRequest,
  caseId: string,
  options: { status?: number; notice?: ConsoleCaseNotice; failed?: FailedForm } = {},
): Promise<APIGatewayProxyResult> => {
  let view: StaffCaseView;
  try {
    view = await getStaffCase(request.dependencies, request.user, caseId);
  } catch (error) {
    return caseRefusal(request, error);
  }
  const actions = availableActions(request.user, {
    status: view.status,
    assigned: view.assignee !== null,
    pendingApproval: view.pendingApproval !== null,
    revisitOpen: view.revisit !== null && view.revisit.status !== 'done',
    workflowFailed: view.workflowFailure !== null,
  });
  const [agents, nextCaseId] = await Promise.all([
    actions.includes('assign') ? request.dependencies.agents.list(request.user.storeId) : Promise.resolve([]),
    nextCaseOf(request, view.caseId),
  ]);
  const thumbnails = thumbnailsOf(view);
  const words = CONSOLE_CASE_WORDS[request.locale];
  const content = consoleCaseContent({
    locale: request.locale,
    view,
    now: request.dependencies.clock.now(),
    actions,
    csrfToken: request.csrfToken,
    agents: agents.map(({ agentId, name }) => ({ agentId, name })),
    thumbnails,
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.failed ? { failed: options.failed } : {}),
    ...(nextCaseId ? { nextCaseId } : {}),
  });
  const html = consolePage(request, words.title(view.caseNumber), content, caseHead(ASSETS_PATH));
  return noStore(consoleHtml(options.status ?? 200, html, caseCsp(imageOrigins())));
};
