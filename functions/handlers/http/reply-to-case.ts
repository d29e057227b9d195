import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { replyBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { replyToCase } from '../../use-cases/staff/reply-to-case.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';
import { awsUploads } from '../../capabilities/uploads/aws.js';

const ports = routePorts('replyToCase', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
  uploads: awsUploads,
});

/** POST /v1/staff/cases/{caseId}/replies: 201 with the reply's event id; the customer is emailed. */
export const handler = staffRoute(
  'replyToCase',
  { path: casePathSchema, body: replyBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const reply = await replyToCase(dependencies, {
      user,
      caseId: path.caseId,
      body: body.body,
      attachments: body.attachments,
    });
    return jsonResponse(201, { eventId: reply.eventId, at: reply.at });
  },
);
