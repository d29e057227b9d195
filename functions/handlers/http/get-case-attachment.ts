import { staffRoute } from '../../http/route.js';
import { caseAttachmentPathSchema } from '../../schemas/shared-fields.js';
import { jsonResponse } from '../../http/responses.js';
import { getCaseAttachment } from '../../use-cases/staff/get-case-attachment.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases } from '../../capabilities/tables/aws.js';
import { awsAttachments } from '../../capabilities/attachments/aws.js';

const ports = routePorts('getCaseAttachment', { cases: awsCases, attachments: awsAttachments });

/** GET /v1/staff/cases/{caseId}/attachments/{attachmentId}: a download URL valid a few minutes. */
export const handler = staffRoute(
  'getCaseAttachment',
  { path: caseAttachmentPathSchema },
  ports,
  async ({ path, user, dependencies }) =>
    jsonResponse(200, await getCaseAttachment(dependencies, user, path), { 'cache-control': 'no-store' }),
);
