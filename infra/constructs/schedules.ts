import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { SCHEDULES, type ScheduleDeclaration } from '../../functions/wiring/schedules.js';
import { pascal } from '../config.js';
import { bindCapabilities, ServiceFunction, type CapabilityResources } from './service-function.js';

export interface SchedulesProps {
  resources: CapabilityResources;
  /** The schedules to deploy: `SCHEDULES`; the infra tests add planned ones to measure the headroom. */
  schedules?: readonly ScheduleDeclaration[];
}

/**
 * One function per declared schedule (`functions/wiring/schedules.ts`), run by an EventBridge rule every
 * `everyMinutes`. EventBridge invokes asynchronously; a failed run is not retried (the next run, a minute later, does
 * the same work), so the target allows no retry and no event older than the period.
 */
export class Schedules extends Construct {
  readonly functions: ReadonlyMap<string, { schedule: ScheduleDeclaration; fn: ServiceFunction; rule: Rule }>;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const functions = new Map<string, { schedule: ScheduleDeclaration; fn: ServiceFunction; rule: Rule }>();
    for (const schedule of props.schedules ?? SCHEDULES) {
      const fn = new ServiceFunction(this, `${pascal(schedule.name)}Schedule`, {
        kind: 'schedule',
        handler: schedule.handler,
        description: schedule.summary,
        capabilities: schedule.capabilities,
      });
      bindCapabilities(fn, props.resources);
      const period = Duration.minutes(schedule.everyMinutes);
      const rule = new Rule(this, `${pascal(schedule.name)}Rule`, {
        description: schedule.summary,
        schedule: Schedule.rate(period),
        targets: [
          new LambdaFunction(fn, {
            retryAttempts: 0,
            maxEventAge: Duration.minutes(Math.max(1, schedule.everyMinutes)),
          }),
        ],
      });
      functions.set(schedule.name, { schedule, fn, rule });
    }
    this.functions = functions;
  }
}
