import type { APIGatewayProxyResult } from 'aws-lambda';
import type { Dependencies } from '../../commons/dependencies.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { logger, errorName } from '../../commons/logger.js';
import { availableActions } from '../../pages/console-case-actions.js';
import type { FailedForm } from '../../pages/console-case-forms.js';
import { consoleCaseContent, type ConsoleCaseNotice } from '../../pages/console-case-page.js';
import { caseCsp, caseHead } from '../../pages/console-case-style.js';
import { CONSOLE_CASE_WORDS } from '../../pages/console-case-words.js';
import { consoleMessagePage, consolePage } from '../../pages/console/console-layout.js';
import { getCaseAttachment } from '../../use-cases/staff/get-case-attachment.js';
import { getStaffCase } from '../../use-cases/staff/get-staff-case.js';
import { listStaffQueue } from '../../use-cases/staff/list-staff-queue.js';
import type { StaffCaseView } from '../../use-cases/staff-case-view.js';
import { consoleHtml, type ConsoleRequest } from './console-route.js';

/** What the case page reads: the case (and its store's SLA), the agents to assign to, the files' signed links. */
export type CasePageRequest = Pick<ConsoleRequest<never>, 'user' | 'locale' | 'path' | 'csrfToken'> & {
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'attachments' | 'clock'>;
};

/** From `/console/cases/{caseId}`: the console's static assets (`/console/assets/`), whatever the stage prefix. */
const ASSETS_PATH = '../assets/';

const noStore = (response: APIGatewayProxyResult): APIGatewayProxyResult => ({
  ...response,
  headers: { ...response.headers, 'cache-control': 'no-store' },
});

/** Signed links of the image files, for thumbnails; a file never uploaded has none (it is still listed). */
const thumbnailsOf = async (request: CasePageRequest, view: StaffCaseView): Promise<Record<string, string>> => {
  const images = view.attachments.filter((file) => file.contentType?.startsWith('image/'));
  const links = await Promise.all(
    images.map(async ({ attachmentId }) => {
      try {
        const download = await getCaseAttachment(request.dependencies, request.user, {
          caseId: view.caseId,
          attachmentId,
        });
        return [[attachmentId, download.downloadUrl] as const];
      } catch (error) {
        if (error instanceof NotFoundError) return [];
        throw error;
      }
    }),
  );
  return Object.fromEntries(links.flat());
};

const originOf = (url: string): string | undefined => {
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : undefined;
  } catch {
    return undefined;
  }
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
  const [agents, thumbnails, nextCaseId] = await Promise.all([
    actions.includes('assign') ? request.dependencies.agents.list(request.user.storeId) : Promise.resolve([]),
    thumbnailsOf(request, view),
    nextCaseOf(request, view.caseId),
  ]);
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
  const origins = [...new Set(Object.values(thumbnails).flatMap((url) => originOf(url) ?? []))];
  return noStore(consoleHtml(options.status ?? 200, html, caseCsp(origins)));
};
