import { awsAgents, awsCases, awsKpis, awsStores } from './tables/aws.js';
import { awsWorkQueue } from './work-queue/aws.js';
import { awsWorkflow } from './workflow/aws.js';

/**
 * The AWS adapters of the routes declared with `ASSIGNMENT_CHANGING` (functions/wiring/routes.ts): actions that move
 * agent load, whose freed capacity is offered to waiting cases. `routePorts` still checks them against each route.
 */
export const ASSIGNMENT_CHANGING_ADAPTERS = {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  workflow: awsWorkflow,
  workQueue: awsWorkQueue,
} as const;
