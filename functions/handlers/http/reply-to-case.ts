import { staffRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { replyToCase } from '../../use-cases/staff/reply-to-case.js';

/** POST /v1/staff/cases/{caseId}/replies: 201 with the reply's event id; the customer is emailed. */
export const handler = staffRoute('replyToCase', async ({ path, body, user, dependencies }) => {
  const reply = await replyToCase(dependencies, { user, caseId: path.caseId, body: body.body });
  return jsonResponse(201, { eventId: reply.eventId, at: reply.at });
});
