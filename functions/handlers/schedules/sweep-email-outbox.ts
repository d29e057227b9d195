import middy from '@middy/core';
import { logger } from '../../commons/logger.js';
import { flushMetrics } from '../../commons/metrics.js';
import { sweepOutbox, type OutboxSweep } from '../../use-cases/notifications/outbox.js';
import { schedulePorts } from '../../capabilities/declared-ports.js';
import { awsAgents, awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsWorkQueue } from '../../capabilities/work-queue/aws.js';

const ports = schedulePorts('sweepEmailOutbox', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  agents: awsAgents,
  mailer: awsMailer,
  workQueue: awsWorkQueue,
});

/** Scheduled (every minute, `functions/wiring/schedules.ts`): queues the send of emails left in the outbox. */
export const handler = middy(async (): Promise<OutboxSweep> => {
  logger.resetKeys();
  logger.appendKeys({ schedule: 'sweepEmailOutbox' });
  const sweep = await sweepOutbox(await ports.get());
  if (sweep.queued + sweep.failed > 0) logger.info('Email outbox sweep', { ...sweep });
  return sweep;
}).use(flushMetrics());
