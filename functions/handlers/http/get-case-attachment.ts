import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { getCaseAttachment } from '../../use-cases/staff/get-case-attachment.js';

/** GET /v1/staff/cases/{caseId}/attachments/{attachmentId}: a download URL valid a few minutes. */
export const handler = staffRoute('getCaseAttachment', async ({ path, user, dependencies }) =>
  jsonResponse(200, await getCaseAttachment(dependencies, user, path), { 'cache-control': 'no-store' }),
);
