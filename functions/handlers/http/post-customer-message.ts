import { storefrontRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { ROUTE_SCHEMAS } from '../../schemas/route-schemas.js';
import { postCustomerMessage } from '../../use-cases/customer/post-customer-message.js';

/**
 * POST /v1/cases/{caseId}/messages: 201 with the message's event id (and `reopened` when it reopened a resolved case);
 * on a closed case or past the reopen window, 201 with the new, linked case (`followUpCase`).
 */
export const handler = storefrontRoute(
  ROUTE_SCHEMAS.postCustomerMessage,
  async ({ path, body, store, dependencies }) => {
    const posted = await postCustomerMessage(dependencies, {
      store,
      caseId: path.caseId,
      body: body.body,
      attachments: body.attachments,
    });
    if (posted.kind === 'follow_up_filed') {
      const { caseId, caseNumber, status, createdAt } = posted.followUp;
      return jsonResponse(201, {
        eventId: posted.event.eventId,
        at: posted.event.at,
        reopened: false,
        followUpCase: { caseId, caseNumber, status, createdAt },
      });
    }
    return jsonResponse(201, { eventId: posted.event.eventId, at: posted.event.at, reopened: posted.reopened });
  },
);
