import type { Capabilities } from './capabilities.js';

/**
 * Functions run on a schedule, declared once: the CDK stack gives each an EventBridge rule (`rate(<n> minutes)`), the
 * local stack runs the same handler module on a timer.
 */
export interface ScheduleDeclaration {
  /** Stable name: the Lambda function's id. */
  name: string;
  /** Handler module under `functions/handlers/schedules/`, without extension; it exports `handler`. */
  handler: string;
  everyMinutes: number;
  summary: string;
  capabilities: Capabilities;
}

const DECLARED_SCHEDULES = [
  {
    name: 'startStrandedWorkflows',
    handler: 'start-stranded-workflows',
    everyMinutes: 1,
    summary: 'Starts the workflow of every case filed over a minute ago whose workflow never started.',
    capabilities: { tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read' }, workflow: ['start'] },
  },
  {
    name: 'retireGatewayKeys',
    handler: 'retire-gateway-keys',
    everyMinutes: 1,
    summary: 'Disables at the gateway every replaced storefront key whose overlap has ended (or that was revoked).',
    capabilities: { tables: { stores: 'readWrite' }, storefrontKeys: 'retire' },
  },
  {
    name: 'sweepEmailOutbox',
    handler: 'sweep-email-outbox',
    everyMinutes: 1,
    summary: 'Queues again the emails staff actions wrote over a minute ago and that are still unsent (a lost job).',
    // Sends itself when the queue refuses the job, as the consumer would.
    capabilities: {
      // agents: a reopening's email to the agent it returned to is addressed from the directory.
      tables: { cases: 'readWrite', kpis: 'readWrite', stores: 'read', agents: 'read' },
      mailer: true,
      workQueue: true,
    },
  },
] as const satisfies readonly ScheduleDeclaration[];

export const SCHEDULES: readonly ScheduleDeclaration[] = DECLARED_SCHEDULES;

/** Each schedule as written, its capabilities as literal types (`GrantedPorts` reads them). */
export type DeclaredSchedule = (typeof DECLARED_SCHEDULES)[number];
