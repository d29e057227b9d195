import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { STATE_MACHINE_FILE } from '../functions/wiring/tasks.js';
import type { ExecutionEvent, ExecutionRecord } from '../local/execution-record-store.js';
import type { LocalStack } from '../local/stack.js';
import type { Actors } from './actors.js';
import { fileCase, type BenchApi } from './api-client.js';
import type { CaseProbe } from './case-probe.js';
import { CANCELLATION, lateReturnBody, overLimitBody, REPLY, RESOLUTION, REVIEW_APPROVAL } from './case-requests.js';
import type { DynamoMeter } from './dynamo-meter.js';
import type { KpiCountingMeter, KpiCountingUse } from './kpi-counting-meter.js';
import type { LogMeter, QueueMeter } from './usage-meters.js';
import { BENCH_CUSTOMER, intakeBody } from './intake.js';
import { round } from './stats.js';

/** The paths of the stated mix (bench/cost.ts), run on store A with the default SLA policy: nothing breaches. */
export const PATH_NAMES = ['approvedResolved', 'rejected', 'manualReview', 'cancelled'] as const;
export type MixPathName = (typeof PATH_NAMES)[number];
/** Beside the mix: a case nobody answers, up the SLA ladder (bench/escalation.ts). */
export const ESCALATED_PATH = 'escalated';
export type PathName = MixPathName | typeof ESCALATED_PATH;

export interface PathFigures {
  status: string;
  /** The state the execution ended in (CaseResolved, CaseRejected, CaseCancelled, ...). */
  endState: string;
  /** StateEntered + StateRetried events: what Step Functions Standard bills. */
  transitions: number;
  historyEvents: number;
  /** Lambda invocations by the workflow (Task states entered or retried). */
  taskInvocations: number;
  /**
   * Lambda time of the workflow's tasks, ms: each plain task's StateEntered to StateExited as measured, each callback
   * task (whose state lasts until the signal) at the mean of the plain ones.
   */
  taskMs: number;
  /** HTTP calls of the path (each is an API Gateway request and a Lambda invocation in AWS), as made. */
  apiRequests: number;
  apiCalls: string[];
  /** Their summed client-side latency, ms: an upper bound of the API Lambdas' billed time. */
  apiMs: number;
  dynamoRoundTrips: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  /** Capacity units by table and index. */
  unitsByTarget: Record<string, number>;
  emails: number;
  /** Of `emails`, those to the store's staff (supervisors). */
  emailsToStaff: number;
  /** What the functions logged over the path (JSON lines at INFO and above, as deployed): CloudWatch Logs. */
  logBytes: number;
  logLines: number;
  /** Messages sent to the work queue (SQS) over the path. */
  queueMessages: number;
  /** Of the DynamoDB work above, what the KPI counters added (bench/kpi-counting-meter.ts). */
  kpiCounting?: KpiCountingUse;
}

interface AslState {
  Type: string;
  Resource?: string;
}

export interface TaskStates {
  tasks: Set<string>;
  callbacks: Set<string>;
}

/** Task states of the real definition, and which of them are callbacks (the Lambda returns at once; the wait is free). */
export const readTaskStates = async (repoRoot: string): Promise<TaskStates> => {
  const definition = JSON.parse(await readFile(join(repoRoot, STATE_MACHINE_FILE), 'utf8')) as {
    States: Record<string, AslState>;
  };
  const tasks = new Set<string>();
  const callbacks = new Set<string>();
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') continue;
    tasks.add(name);
    if (state.Resource?.endsWith('.waitForTaskToken')) callbacks.add(name);
  }
  return { tasks, callbacks };
};

export interface PathDriver {
  actors: Actors;
  probe: CaseProbe;
}

const queueSchema = z.object({ items: z.array(z.object({ caseId: z.string() })) });

/** An agent's work on an assigned case: their queue, the case, the first reply, then the resolution. */
export const agentWorksTheCase = async ({ actors, probe }: PathDriver, caseId: string): Promise<void> => {
  const assigned = await probe.parkedOn(caseId, 'firstResponse');
  const agent = actors.assigneeOf(assigned);
  const queue = queueSchema.parse(await agent.get('/v1/staff/cases?assignee=me'));
  if (!queue.items.some((item) => item.caseId === caseId)) {
    throw new Error(`Case ${caseId} is not in its assignee's queue`);
  }
  await agent.get(`/v1/staff/cases/${caseId}`);
  await agent.post(`/v1/staff/cases/${caseId}/replies`, REPLY);
  await probe.parkedOn(caseId, 'resolution');
  await agent.post(`/v1/staff/cases/${caseId}/resolve`, RESOLUTION);
};

/** Each path as its people drive it over HTTP; every wait for the workflow goes through the unmetered probe. */
const PATHS: Record<MixPathName, (driver: PathDriver) => Promise<string>> = {
  approvedResolved: async (driver) => {
    const caseId = await fileCase(driver.actors.storefront, intakeBody());
    await agentWorksTheCase(driver, caseId);
    return caseId;
  },
  rejected: ({ actors }) => fileCase(actors.storefront, lateReturnBody()),
  manualReview: async (driver) => {
    const { actors, probe } = driver;
    const caseId = await fileCase(actors.storefront, overLimitBody());
    await probe.parkedOn(caseId, 'review');
    await actors.supervisor.get(`/v1/staff/cases/${caseId}`);
    await actors.supervisor.post(`/v1/staff/cases/${caseId}/review`, REVIEW_APPROVAL);
    await agentWorksTheCase(driver, caseId);
    return caseId;
  },
  cancelled: async ({ actors, probe }) => {
    const caseId = await fileCase(actors.storefront, intakeBody());
    await probe.parkedOn(caseId, 'firstResponse');
    await actors.storefront.post(`/v1/cases/${caseId}/cancel`, CANCELLATION);
    return caseId;
  },
};

/** Task invocations and task time from (part of) an execution's event log. */
export const taskFigures = (events: readonly ExecutionEvent[], { tasks, callbacks }: TaskStates) => {
  let invocations = 0;
  let plainMs = 0;
  let plainTasks = 0;
  let callbackTasks = 0;
  const entered = new Map<string, number>();
  for (const event of events) {
    const state = event.state;
    if (!state || !tasks.has(state)) continue;
    if (event.type === 'StateEntered' || event.type === 'StateRetried') {
      invocations += 1;
      if (callbacks.has(state)) callbackTasks += 1;
      else plainTasks += 1;
      entered.set(state, Date.parse(event.timestamp));
    } else if (event.type === 'StateExited' && !callbacks.has(state)) {
      plainMs += Date.parse(event.timestamp) - (entered.get(state) ?? Date.parse(event.timestamp));
    }
  }
  // A callback task's Lambda only parks the token; its time is taken as the mean of the path's plain tasks.
  const callbackMs = plainTasks > 0 ? callbackTasks * (plainMs / plainTasks) : 0;
  return { invocations, taskMs: plainMs + callbackMs };
};

/** The state the execution ended in: the last state entered. */
const endState = (record: ExecutionRecord): string =>
  [...(record.events ?? [])].reverse().find((event) => event.type === 'StateEntered')?.state ?? 'unknown';

export interface PathContext extends PathDriver {
  stack: LocalStack;
  meter: DynamoMeter;
  api: BenchApi;
  kpiMeter?: KpiCountingMeter;
  logMeter: LogMeter;
  queueMeter: QueueMeter;
}

/**
 * Drives one case down a path (`drive` returns its id) and counts what the whole path cost, intake included:
 * transitions and task time from the engine's execution record, DynamoDB round trips and capacity from the meter, the
 * path's HTTP calls from the client, emails from the outbox. Nothing else may run meanwhile, so the meter sees only
 * the path. Returns the execution record too, for a closer look at its steps.
 */
export const measurePath = async (
  context: PathContext,
  taskStates: TaskStates,
  drive: (driver: PathDriver) => Promise<string>,
): Promise<{ caseId: string; record: ExecutionRecord; figures: PathFigures }> => {
  const { stack, meter, api, probe } = context;
  const emailsBefore = new Set((await stack.outbox.list()).map((email) => email.id));
  const callsBefore = api.calls.length;
  const before = meter.snapshot();
  const kpiBefore = context.kpiMeter?.snapshot();
  const logsBefore = context.logMeter.snapshot();
  const queueBefore = context.queueMeter.snapshot();
  const caseId = await drive(context);
  const record = await probe.ended(caseId);
  // The queue's jobs (e.g. an outbox email) run after the request that queued them: their logs are the path's.
  await stack.workQueue.settled();
  const used = meter.since(before);
  const logs = context.logMeter.since(logsBefore);
  const queueMessages = context.queueMeter.since(queueBefore);
  const kpiCounting = kpiBefore ? context.kpiMeter?.since(kpiBefore) : undefined;
  const calls = api.calls.slice(callsBefore).filter((call) => !call.path.startsWith('/_local/'));
  const emails = (await stack.outbox.list()).filter((email) => !emailsBefore.has(email.id));
  const { invocations, taskMs } = taskFigures(record.events ?? [], taskStates);
  const figures: PathFigures = {
    status: record.status,
    endState: endState(record),
    transitions: record.transitionCount,
    historyEvents: record.historyEventCount,
    taskInvocations: invocations,
    taskMs: round(taskMs, 1),
    apiRequests: calls.length,
    apiCalls: calls.map((call) => `${call.caller} ${call.method} ${call.path.replace(caseId, '{id}')}`),
    apiMs: round(
      calls.reduce((sum, call) => sum + call.ms, 0),
      1,
    ),
    dynamoRoundTrips: used.roundTrips,
    readCapacityUnits: round(used.readCapacityUnits, 2),
    writeCapacityUnits: round(used.writeCapacityUnits, 2),
    unitsByTarget: used.unitsByTarget,
    emails: emails.length,
    emailsToStaff: emails.filter((email) => !email.to.includes(BENCH_CUSTOMER.email)).length,
    logBytes: logs.bytes,
    logLines: logs.lines,
    queueMessages,
    ...(kpiCounting ? { kpiCounting } : {}),
  };
  return { caseId, record, figures };
};

/** Each path of the mix, one at a time, on store A with its default SLA policy. */
export const measurePaths = async (
  context: PathContext,
  taskStates: TaskStates,
): Promise<Record<MixPathName, PathFigures>> => {
  const results = {} as Record<MixPathName, PathFigures>;
  for (const name of PATH_NAMES) results[name] = (await measurePath(context, taskStates, PATHS[name])).figures;
  return results;
};
