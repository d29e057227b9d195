import * as z from 'zod/mini';
import { PRESENCE_STATES } from '../../domain/case-presence.js';
import { ValidationError } from '../../domain/errors.js';
import { consoleRoute } from '../../http/console/console-route.js';
import { jsonResponse } from '../../http/responses.js';
import { pollCaseLive } from '../../use-cases/staff/poll-case-live.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsPresence } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('pollConsoleCase', {
  cases: awsCases,
  presence: awsPresence,
  consoleSessions: awsConsoleSessions,
});

const pollQuerySchema = z.strictObject({ state: z._default(z.enum(PRESENCE_STATES), 'viewing') });

/**
 * GET /console/cases/{caseId}/live?state=viewing|replying: the case page's poll, JSON. Records the caller's presence
 * and answers the customer's message count and who else has the case open; the case's access rule as the page's.
 */
export const handler = consoleRoute(ports, async (request) => {
  const caseId = request.pathParameters.caseId ?? '';
  const query = pollQuerySchema.safeParse(request.query);
  if (!query.success) {
    return jsonResponse(
      400,
      new ValidationError('Invalid query', { details: [{ path: 'state', message: 'viewing or replying' }] }).toJSON(),
    );
  }
  const live = await pollCaseLive(request.dependencies, request.user, { caseId: caseId, state: query.data.state });
  return jsonResponse(200, live, { 'cache-control': 'no-store' });
});
