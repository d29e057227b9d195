import type { TimelineEvent } from '../functions/domain/timeline.js';
import type { ExecutionEvent, ExecutionRecord } from '../local/execution-record-store.js';
import type { OutboxEmail } from '../local/outbox-mailer.js';
import type { DynamoMeter } from './dynamo-meter.js';
import { taskFigures, type TaskStates } from './lifecycle.js';
import { round } from './stats.js';

/** The state a milestone wait's timeout leads to: SLA steps, or nothing due (the recheck). */
export const ESCALATION_STATE = 'EscalateOverdue';

/**
 * One turn of a parked case's workflow: the wait times out → EscalateOverdue (whatever is due: breach, ladder email,
 * or nothing) → RouteProgress → the wait again (its Lambda stores the new token and checks the case once more).
 */
export interface WorkflowCycleFigures {
  /** Ladder levels the turn took (one, unless the workflow ran late) and the milestones it recorded as breached. */
  levels: number[];
  breaches: string[];
  transitions: number;
  /** Lambda invocations: EscalateOverdue and the wait's function. */
  taskInvocations: number;
  /** EscalateOverdue's time, and the wait's function at the same (bench/lifecycle.ts' convention for callbacks). */
  taskMs: number;
  dynamoRoundTrips: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  byOperation: Record<string, number>;
  unitsByTarget: Record<string, number>;
  emails: number;
  /** Of `emails`, recipients in all (SES bills each). */
  emailRecipients: number;
}

const timeOf = (at: string): number => Date.parse(at);

/** When each EscalateOverdue of the execution was entered, oldest first (epoch ms). */
export const escalationStarts = (record: ExecutionRecord | undefined): number[] =>
  (record?.events ?? [])
    .filter((event) => event.type === 'StateEntered' && event.state === ESCALATION_STATE)
    .map((event) => timeOf(event.timestamp));

interface CycleSources {
  record: ExecutionRecord;
  taskStates: TaskStates;
  meter: DynamoMeter;
  emails: readonly OutboxEmail[];
  timeline: readonly TimelineEvent[];
}

/**
 * What each turn cost, by time window: from one EscalateOverdue's start to the next one's (the last one to `endAt`).
 * Nothing but the parked case's workflow may run meanwhile (and the meter must be journaling), since the DynamoDB
 * calls, events and emails of a window are all put down to its turn.
 */
export const cycleFigures = (
  { record, taskStates, meter, emails, timeline }: CycleSources,
  starts: readonly number[],
  endAt: number,
): WorkflowCycleFigures[] =>
  starts.map((from, index) => {
    const to = starts[index + 1] ?? endAt;
    const within = (at: number) => at >= from && at < to;
    const events: ExecutionEvent[] = (record.events ?? []).filter((event) => within(timeOf(event.timestamp)));
    const { invocations, taskMs } = taskFigures(events, taskStates);
    const used = meter.between(from, to);
    const sent = emails.filter((email) => within(timeOf(email.sentAt)));
    const recorded = timeline.filter((event) => within(timeOf(event.at)));
    return {
      levels: recorded
        .filter((event) => event.type === 'escalated')
        .map((event) => Number(event.details?.level ?? event.to)),
      breaches: recorded
        .filter((event) => event.type === 'sla_breached')
        .map((event) => {
          const milestone = event.details?.milestone;
          return typeof milestone === 'string' ? milestone : 'unknown';
        }),
      transitions: events.filter((event) => event.type === 'StateEntered' || event.type === 'StateRetried').length,
      taskInvocations: invocations,
      taskMs: round(taskMs, 1),
      dynamoRoundTrips: used.roundTrips,
      readCapacityUnits: round(used.readCapacityUnits),
      writeCapacityUnits: round(used.writeCapacityUnits),
      byOperation: used.byOperation,
      unitsByTarget: used.unitsByTarget,
      emails: sent.length,
      emailRecipients: sent.reduce((sum, email) => sum + email.to.length, 0),
    };
  });
