import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalStack } from '../local/stack.js';
import { decideManualReview } from '../functions/use-cases/decide-manual-review.js';
import { STATE_MACHINE_FILE } from '../functions/wiring/tasks.js';
import type { DynamoMeter } from './dynamo-meter.js';
import { intakeBody } from './intake.js';
import { round } from './stats.js';

export type PathName = 'approved' | 'rejected' | 'manualReviewApproved';

export interface PathFigures {
  status: string;
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
  /** API requests of the path: the intake, plus the supervisor's decision when there is one. */
  apiRequests: number;
  dynamoRoundTrips: number;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  emails: number;
}

interface AslState {
  Type: string;
  Resource?: string;
}

/** Task states of the real definition, and which of them are callbacks (the Lambda returns at once; the wait is free). */
const taskStates = async (repoRoot: string) => {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls (bounded) until `probe` is truthy. */
const until = async <T>(probe: () => Promise<T>, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
};

/**
 * Drives one case down each lifecycle path through the local API (and `decideManualReview` for the supervisor), and
 * counts from the engine's execution record and the DynamoDB meter what the whole path cost.
 */
export const measurePaths = async (
  stack: LocalStack,
  meter: DynamoMeter,
  repoRoot: string,
): Promise<Record<PathName, PathFigures>> => {
  const { tasks, callbacks } = await taskStates(repoRoot);
  const file = async (overrides: Record<string, unknown>): Promise<string> => {
    const response = await fetch(`${stack.url}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': stack.apiKeys.storeA },
      body: JSON.stringify({ ...intakeBody(), ...overrides }),
    });
    const body = (await response.json()) as { caseId?: string };
    if (response.status !== 201 || !body.caseId)
      throw new Error(`Intake failed: ${response.status} ${JSON.stringify(body)}`);
    return body.caseId;
  };
  const late = new Date(Date.now() - 35 * 86_400_000);
  const paths: Record<PathName, { overrides: Record<string, unknown>; manual: boolean }> = {
    approved: { overrides: {}, manual: false },
    rejected: {
      overrides: {
        deliveredAt: late.toISOString(),
        orderedAt: new Date(late.getTime() - 2 * 86_400_000).toISOString(),
      },
      manual: false,
    },
    manualReviewApproved: {
      overrides: { items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }] },
      manual: true,
    },
  };

  const results = {} as Record<PathName, PathFigures>;
  for (const [name, path] of Object.entries(paths) as Array<[PathName, (typeof paths)[PathName]]>) {
    const emailsBefore = (await stack.outbox.list()).length;
    const before = meter.snapshot();
    const caseId = await file(path.overrides);
    if (path.manual) {
      await until(async () => (await stack.dependencies.cases.get(caseId))?.workflowWait, 15_000);
      await decideManualReview(stack.dependencies, {
        caseId,
        storeId: 'store-a',
        approve: true,
        reason: 'Receipt checked',
        reviewer: { kind: 'staff', id: 'bench-supervisor', name: 'Bench Supervisor' },
      } as never);
    }
    const record = await stack.engine.waitForExecution(caseId, { timeoutMs: 20_000 });
    const used = meter.since(before);
    const events = record.events ?? [];
    let taskInvocations = 0;
    let taskMs = 0;
    let plainTasks = 0;
    let callbackTasks = 0;
    const entered = new Map<string, number>();
    for (const event of events) {
      const state = event.state;
      if (!state || !tasks.has(state)) continue;
      if (event.type === 'StateEntered' || event.type === 'StateRetried') {
        taskInvocations += 1;
        if (callbacks.has(state)) callbackTasks += 1;
        else plainTasks += 1;
        entered.set(state, Date.parse(event.timestamp));
      } else if (event.type === 'StateExited' && !callbacks.has(state)) {
        taskMs += Date.parse(event.timestamp) - (entered.get(state) ?? Date.parse(event.timestamp));
      }
    }
    // A callback task's Lambda only parks the token; its time is taken as the mean of the path's plain tasks.
    if (plainTasks > 0) taskMs += callbackTasks * (taskMs / plainTasks);
    results[name] = {
      status: record.status,
      transitions: record.transitionCount,
      historyEvents: record.historyEventCount,
      taskInvocations,
      taskMs: round(taskMs, 1),
      apiRequests: path.manual ? 2 : 1,
      dynamoRoundTrips: used.roundTrips,
      readCapacityUnits: round(used.readCapacityUnits, 2),
      writeCapacityUnits: round(used.writeCapacityUnits, 2),
      emails: (await stack.outbox.list()).length - emailsBefore,
    };
  }
  return results;
};
