import middy from '@middy/core';
import { getDependencies } from '../../commons/dependencies.js';
import { logger } from '../../commons/logger.js';
import { flushMetrics } from '../../commons/metrics.js';
import { sweepOutbox, type OutboxSweep } from '../../use-cases/notifications/outbox.js';

/** Scheduled (every minute, `functions/wiring/schedules.ts`): queues the send of emails left in the outbox. */
export const handler = middy(async (): Promise<OutboxSweep> => {
  logger.resetKeys();
  logger.appendKeys({ schedule: 'sweepEmailOutbox' });
  const sweep = await sweepOutbox(await getDependencies());
  if (sweep.queued + sweep.failed > 0) logger.info('Email outbox sweep', { ...sweep });
  return sweep;
}).use(flushMetrics());
