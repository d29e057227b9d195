import { storefrontRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { ROUTE_SCHEMAS } from '../../schemas/route-schemas.js';
import { postCustomerMessage } from '../../use-cases/customer/post-customer-message.js';

/** POST /v1/cases/{caseId}/messages: 201 with the message's event id; a case awaiting the customer resumes. */
export const handler = storefrontRoute(
  ROUTE_SCHEMAS.postCustomerMessage,
  async ({ path, body, store, dependencies }) => {
    const message = await postCustomerMessage(dependencies, {
      storeId: store.storeId,
      caseId: path.caseId,
      body: body.body,
    });
    return jsonResponse(201, { eventId: message.eventId, at: message.at });
  },
);
