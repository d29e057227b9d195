import middy from '@middy/core';
import { logger } from '../../commons/logger.js';
import { flushMetrics } from '../../commons/metrics.js';
import { startStrandedWorkflows, type StrandedSweep } from '../../use-cases/start-stranded-workflows.js';
import { schedulePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';
import { awsWorkflow } from '../../capabilities/workflow/aws.js';

const ports = schedulePorts('startStrandedWorkflows', {
  cases: awsCases,
  stores: awsStores,
  kpis: awsKpis,
  workflow: awsWorkflow,
});

/** Scheduled (every minute, `functions/wiring/schedules.ts`): starts the workflow of every case intake stored but could not start. */
export const handler = middy(async (): Promise<StrandedSweep> => {
  logger.resetKeys();
  logger.appendKeys({ schedule: 'startStrandedWorkflows' });
  const sweep = await startStrandedWorkflows(await ports.get());
  if (sweep.started + sweep.skipped + sweep.failed > 0) logger.info('Stranded-case sweep', { ...sweep });
  return sweep;
}).use(flushMetrics());
