import middy from '@middy/core';
import { logger } from '../../commons/logger.js';
import { flushMetrics } from '../../commons/metrics.js';
import { retireGatewayKeys, type GatewayKeySweep } from '../../use-cases/admin/retire-gateway-keys.js';
import { schedulePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsStorefrontKeys } from '../../capabilities/storefront-keys/aws.js';

const ports = schedulePorts('retireGatewayKeys', { stores: awsStores, storefrontKeys: awsStorefrontKeys });

/** Scheduled (every minute, `functions/wiring/schedules.ts`): disables replaced storefront keys at the gateway. */
export const handler = middy(async (): Promise<GatewayKeySweep> => {
  logger.resetKeys();
  logger.appendKeys({ schedule: 'retireGatewayKeys' });
  const sweep = await retireGatewayKeys(await ports.get());
  if (sweep.disabled + sweep.failed > 0) logger.info('Gateway key sweep', { ...sweep });
  return sweep;
}).use(flushMetrics());
