import { buildOpenApiDocument } from '../../http/openapi.js';
import { publicRoute } from '../../http/route.js';
import { jsonResponse } from '../../http/responses.js';
import { ROUTES } from '../../wiring/routes.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('getOpenApi', {});

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /v1/openapi.json: built once per container from the route declarations and their zod schemas. */
export const handler = publicRoute({}, ports, async () => {
  document ??= buildOpenApiDocument(ROUTES);
  return jsonResponse(200, document, { 'cache-control': 'public, max-age=300' });
});
