import { consoleRoute } from '../../http/console/console-route.js';
import { caseRefusal } from '../../http/console/case-page-response.js';
import { getCaseAttachment } from '../../use-cases/staff/get-case-attachment.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases } from '../../capabilities/tables/aws.js';
import { awsAttachments } from '../../capabilities/attachments/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleCaseAttachment', {
  cases: awsCases,
  attachments: awsAttachments,
  consoleSessions: awsConsoleSessions,
});

/**
 * GET /console/cases/{caseId}/attachments/{attachmentId}: a 303 to the file's download link, made at the click (valid
 * a few minutes), by the staff API's use case and its access rule; 404 for a file not on the case or never uploaded.
 */
export const handler = consoleRoute(ports, async (request) => {
  const path = {
    caseId: request.pathParameters.caseId ?? '',
    attachmentId: request.pathParameters.attachmentId ?? '',
  };
  try {
    const download = await getCaseAttachment(request.dependencies, request.user, path);
    return { statusCode: 303, headers: { location: download.downloadUrl, 'cache-control': 'no-store' }, body: '' };
  } catch (error) {
    return caseRefusal(request, error);
  }
});
