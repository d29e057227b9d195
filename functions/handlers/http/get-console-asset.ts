import { htmlResponse, pageRoute } from '../../http/page-route.js';
import { CONSOLE_ASSETS } from '../../pages/console-case-style.js';
import { messagePage } from '../../pages/page-layout.js';
import { routePorts } from '../../capabilities/declared-ports.js';

const ports = routePorts('getConsoleAsset', {});

/** A year: an asset's name carries its hash, so a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GET /console/assets/{file}: one of the console's static files (no secret in them), or 404. */
export const handler = pageRoute(ports, async ({ pathParameters }) => {
  const asset = CONSOLE_ASSETS[pathParameters.file ?? ''];
  if (!asset || !Object.hasOwn(CONSOLE_ASSETS, pathParameters.file ?? '')) {
    return htmlResponse(404, messagePage('en', 'Not found', 'No such file.'));
  }
  return {
    statusCode: 200,
    headers: { 'content-type': asset.contentType, 'cache-control': IMMUTABLE, 'x-content-type-options': 'nosniff' },
    body: asset.body,
  };
});
