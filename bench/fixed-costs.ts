import { BUCKET_EVENTS } from '../functions/wiring/bucket-events.js';
import { QUEUES } from '../functions/wiring/queues.js';
import { ROUTES } from '../functions/wiring/routes.js';
import { SCHEDULES } from '../functions/wiring/schedules.js';
import { WORKFLOW_TASKS } from '../functions/wiring/tasks.js';
import type { Capabilities } from '../functions/wiring/capabilities.js';

/**
 * How many (function role, table) pairs read or write a table, and how many roles send to the work queue, from the
 * one declaration of routes, tasks, queues and schedules. The customer-managed key's cached data keys are per caller:
 * DynamoDB caches a table key per principal and SQS reuses a data key per principal for its reuse period, so the KMS
 * requests they cause grow with these counts and with time, not with cases.
 */
export const keyCallers = (): { roleTablePairs: number; queueProducers: number; queueConsumers: number } => {
  const declared: Array<{ capabilities: Capabilities }> = [
    ...ROUTES,
    ...WORKFLOW_TASKS,
    ...QUEUES,
    ...SCHEDULES,
    ...BUCKET_EVENTS,
  ];
  return {
    roleTablePairs: declared.reduce(
      (sum, { capabilities }) =>
        sum +
        Object.keys(capabilities.tables ?? {}).length +
        (capabilities.uploads && !capabilities.tables?.cases ? 1 : 0),
      0,
    ),
    queueProducers: declared.filter(({ capabilities }) => capabilities.workQueue).length,
    queueConsumers: QUEUES.length,
  };
};
