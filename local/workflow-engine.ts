import type { Logger } from '@aws-lambda-powertools/logger';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { logger as defaultLogger } from '../functions/commons/logger.js';
import type { CaseWorkflow, CaseWorkflowInput } from '../functions/ports/case-workflow.js';
import { toLocalDefinition, type LocalDefinition } from './asl-local-definition.js';
import { collectEvents, failureOf } from './execution-events.js';
import {
  type ExecutionRecord,
  type ExecutionRecordStore,
  InMemoryExecutionRecordStore,
} from './execution-record-store.js';
import {
  assertDispatchable,
  buildTaskResourceHandlers,
  ExecutionStoppedError,
  TASK_TOKEN_MARKER,
  type TaskHandler,
} from './task-dispatcher.js';
import { TaskTokenRegistry } from './task-token-registry.js';

export type EngineLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface LocalWorkflowEngineOptions {
  /** The parsed ASL, `${Placeholder}`s included (`statemachines/case-lifecycle.asl.json`). */
  definition: object;
  /** Task functions by ARN placeholder (`WORKFLOW_TASKS[].arnPlaceholder`). */
  taskHandlers: Record<string, TaskHandler>;
  /** Where executions are kept; in memory by default. A file store lets RUNNING executions resume after a restart. */
  executions?: ExecutionRecordStore;
  /** Replaces every Retry interval (backoff and jitter included) by this many ms; undefined keeps the definition's. */
  retryIntervalMs?: number;
  /**
   * Replaces the declared `TimeoutSeconds` of every top-level `lambda:invoke` Task (tests: a few seconds, so a timeout
   * and its retry happen quickly); undefined keeps the definition's.
   */
  taskTimeoutSeconds?: number;
  logger?: EngineLogger;
}

interface RunningExecution {
  record: ExecutionRecord;
  stopped: boolean;
  abort: () => void;
  done: Promise<void>;
}

const EXECUTION_ARN_PREFIX = 'arn:aws:states:us-east-1:000000000000:execution:CaseLifecycle:';

const sameInput = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The case lifecycle on `aws-local-stepfunctions`: the same ASL and task handlers as in AWS, one execution per case.
 * Executions run in the background; a failure never escapes (the record is FAILED with error and cause).
 *
 * Durability: an execution is persisted RUNNING when it starts and with its outcome when it ends. After a restart,
 * `resumeInFlight` re-runs every RUNNING one from the start with its original input. That is safe because task handlers
 * are idempotent and a callback task's handler first checks whether the awaited event already happened; parked tokens of
 * the previous process are gone, so a late `completeWait` with one is ignored like a timed-out token in AWS.
 */
export class LocalWorkflowEngine implements CaseWorkflow {
  private readonly local: LocalDefinition;
  private readonly machine: StateMachine;
  private readonly taskHandlers: Record<string, TaskHandler>;
  private readonly store: ExecutionRecordStore;
  private readonly retryIntervalMs?: number;
  private readonly logger: EngineLogger;
  private readonly tokens = new TaskTokenRegistry();
  private readonly running = new Map<string, RunningExecution>();
  private readonly starting = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(options: LocalWorkflowEngineOptions) {
    this.local = toLocalDefinition(options.definition, { invokeTimeoutSeconds: options.taskTimeoutSeconds });
    assertDispatchable(this.local.taskStates, options.taskHandlers);
    // The library validates the definition (asl-validator) here and throws when it is not valid ASL.
    this.machine = new StateMachine(this.local.definition as unknown as StateMachineDefinition);
    this.taskHandlers = options.taskHandlers;
    this.store = options.executions ?? new InMemoryExecutionRecordStore();
    this.retryIntervalMs = options.retryIntervalMs;
    this.logger = options.logger ?? defaultLogger;
  }

  /**
   * Starts the execution named by the case id (or `executionName`, a retry's). An execution of that name that exists, running or finished, makes this a
   * no-op (StartExecution with the same name and input). After `stop()` the execution is only persisted RUNNING, so it
   * runs when the next engine calls `resumeInFlight`.
   */
  start({ caseId, storeId, executionName }: CaseWorkflowInput): Promise<void> {
    const name = executionName ?? caseId;
    if (this.running.has(name)) return Promise.resolve();
    const pending = this.starting.get(name);
    if (pending) return pending;
    const starting = this.persistAndLaunch(name, { caseId, storeId }).finally(() => this.starting.delete(name));
    this.starting.set(name, starting);
    return starting;
  }

  /**
   * SendTaskSuccess: the parked callback task of this token ends with `output` as its result (before ResultSelector and
   * ResultPath). A token that is unknown, already used or timed out is ignored and logged. Resolves to nothing, as the
   * port declares, so callers cannot tell the two apart and need not: a late signal is harmless by design.
   */
  async completeWait(taskToken: string, output: Record<string, unknown>): Promise<void> {
    const completed = this.tokens.complete(taskToken, JSON.parse(JSON.stringify(output)));
    if (!completed) this.logger.warn('Ignored a completion for an unknown, used or timed-out task token');
  }

  /** Resolves with the record once the execution no longer runs here (it ended, or `stop()` left it RUNNING). */
  async waitForExecution(name: string, { timeoutMs }: { timeoutMs: number }): Promise<ExecutionRecord> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Execution ${name} still running after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.starting.get(name), timedOut]);
      await Promise.race([this.running.get(name)?.done, timedOut]);
    } finally {
      clearTimeout(timer);
    }
    const record = await this.getExecution(name);
    if (!record) throw new Error(`No execution named ${name}`);
    return record;
  }

  async getExecution(name: string): Promise<ExecutionRecord | undefined> {
    const running = this.running.get(name);
    return running ? structuredClone(running.record) : this.store.get(name);
  }

  async listExecutions(): Promise<ExecutionRecord[]> {
    const stored = await this.store.list();
    return stored
      .map((record) => this.running.get(record.name)?.record ?? record)
      .map((record) => structuredClone(record));
  }

  /** Re-runs, from the start and with its original input, every persisted execution that is RUNNING but not running here. */
  async resumeInFlight(): Promise<string[]> {
    if (this.stopped) return [];
    const resumed: string[] = [];
    for (const record of await this.store.list()) {
      if (record.status !== 'RUNNING' || this.running.has(record.name) || this.starting.has(record.name)) continue;
      this.launch({ ...record, transitionCount: 0, historyEventCount: 0, events: [] });
      resumed.push(record.name);
    }
    if (resumed.length > 0) this.logger.info('Resumed in-flight workflow executions', { executions: resumed });
    return resumed;
  }

  /**
   * Aborts every running execution without ending it: each stays RUNNING in the store, to resume after a restart.
   * Parked callback tasks are released (their timers cleared); a handler already running finishes, but no other starts.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    const executions = [...this.running.values()];
    for (const execution of executions) {
      execution.stopped = true;
      execution.abort();
      this.tokens.releaseExecution(execution.record.name, new ExecutionStoppedError());
    }
    await Promise.allSettled([...this.starting.values(), ...executions.map((execution) => execution.done)]);
  }

  private async persistAndLaunch(name: string, input: Record<string, unknown>): Promise<void> {
    const existing = await this.store.get(name);
    if (existing) {
      if (!sameInput(existing.input, input)) {
        this.logger.warn('Ignored a start with another input for an existing execution', { execution: name });
      }
      return;
    }
    const record: ExecutionRecord = {
      name,
      input,
      status: 'RUNNING',
      startedAt: new Date().toISOString(),
      transitionCount: 0,
      historyEventCount: 0,
      events: [],
    };
    await this.store.save(record);
    if (this.stopped) return;
    this.launch(record);
    this.logger.info('Workflow execution started', { execution: name });
  }

  private launch(record: ExecutionRecord): void {
    const execution: RunningExecution = { record, stopped: false, abort: () => undefined, done: Promise.resolve() };
    this.running.set(record.name, execution);
    execution.done = this.run(execution)
      .catch((error: unknown) => {
        this.logger.error('Local workflow execution could not be recorded', { execution: record.name, error });
      })
      .finally(() => this.running.delete(record.name));
  }

  private async run(execution: RunningExecution): Promise<void> {
    const { record } = execution;
    let outcome: Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>;
    try {
      const run = this.machine.run(record.input as Parameters<StateMachine['run']>[0], {
        overrides: {
          taskResourceLocalHandlers: buildTaskResourceHandlers({
            executionName: record.name,
            taskStates: this.local.taskStates,
            taskHandlers: this.taskHandlers,
            tokens: this.tokens,
            isStopped: () => execution.stopped,
          }),
          ...(this.retryIntervalMs === undefined
            ? {}
            : { retryIntervalOverrides: this.retryOverrides(this.retryIntervalMs) }),
        },
        context: {
          Execution: { Id: `${EXECUTION_ARN_PREFIX}${record.name}`, Name: record.name },
          Task: { Token: TASK_TOKEN_MARKER },
        },
        noThrowOnAbort: true,
      });
      execution.abort = run.abort;
      const collecting = collectEvents(record, run.eventLogs);
      try {
        outcome = { status: 'SUCCEEDED', output: await run.result };
      } finally {
        await collecting;
      }
    } catch (error) {
      outcome = { status: 'FAILED', ...failureOf(error) };
    }
    if (execution.stopped) {
      await this.store.save(record); // still RUNNING, with the events so far; it restarts from the start
      return;
    }
    Object.assign(record, outcome, { stoppedAt: new Date().toISOString() });
    await this.store.save(record);
    this.logger.info('Workflow execution ended', {
      execution: record.name,
      status: record.status,
      error: record.error,
    });
  }

  private retryOverrides(ms: number): Record<string, number> {
    return Object.fromEntries(this.local.retryStateNames.map((name) => [name, ms]));
  }
}
