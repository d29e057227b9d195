import { idempotencyKeyOf } from '../../http/idempotency-key.js';
import { storefrontRoute } from '../../http/route.js';
import { customerMessageBodySchema } from '../../schemas/customer-requests.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { jsonResponse } from '../../http/responses.js';
import { postCustomerMessage } from '../../use-cases/customer/post-customer-message.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';
import { awsUploads } from '../../capabilities/uploads/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = routePorts('postCustomerMessage', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  workflow: awsWorkflow,
  uploads: awsUploads,
  workQueue: awsWorkQueue,
});

/**
 * POST /v1/cases/{caseId}/messages: 201 with the message's event id (and `reopened` when it reopened a resolved case);
 * on a closed case or past the reopen window, 201 with the new, linked case (`followUpCase`). A retry with the same
 * `Idempotency-Key` and message: 200 with the first answer, nothing written.
 */
export const handler = storefrontRoute(
  { path: casePathSchema, body: customerMessageBodySchema },
  ports,
  async ({ path, body, headers, store, dependencies }) => {
    const idempotencyKey = idempotencyKeyOf(headers);
    const { replayed, eventId, at, reopened, followUpCase } = await postCustomerMessage(dependencies, {
      store,
      caseId: path.caseId,
      body: body.body,
      attachments: body.attachments,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    return jsonResponse(replayed ? 200 : 201, { eventId, at, reopened, ...(followUpCase ? { followUpCase } : {}) });
  },
);
