import middy from '@middy/core';
import { getDependencies } from '../../commons/dependencies.js';
import { logger } from '../../commons/logger.js';
import { flushMetrics } from '../../commons/metrics.js';
import { retireGatewayKeys, type GatewayKeySweep } from '../../use-cases/admin/retire-gateway-keys.js';

/** Scheduled (every minute, `functions/wiring/schedules.ts`): disables replaced storefront keys at the gateway. */
export const handler = middy(async (): Promise<GatewayKeySweep> => {
  logger.resetKeys();
  logger.appendKeys({ schedule: 'retireGatewayKeys' });
  const sweep = await retireGatewayKeys(await getDependencies());
  if (sweep.disabled + sweep.failed > 0) logger.info('Gateway key sweep', { ...sweep });
  return sweep;
}).use(flushMetrics());
