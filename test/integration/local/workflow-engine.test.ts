import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransientError, ValidationError } from '../../../functions/domain/errors.js';
import { FileExecutionRecordStore, InMemoryExecutionRecordStore } from '../../../local/execution-record-store.js';
import type { TaskHandler } from '../../../local/task-dispatcher.js';
import { LocalWorkflowEngine, type LocalWorkflowEngineOptions } from '../../../local/workflow-engine.js';
import { WAIT_CEILING_MS } from '../../support/wait-ceiling.js';

const RETRY_ON_TRANSIENT = [{ ErrorEquals: ['TransientError'], IntervalSeconds: 5, MaxAttempts: 2, BackoffRate: 2 }];

/** Greet (lambda:invoke) -> Route (Choice) -> Done (Succeed); a handler failure is caught into Failed. */
const invokeDefinition = {
  StartAt: 'Greet',
  States: {
    Greet: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${GreetFunctionArn}', Payload: { 'caseId.$': '$.caseId' } },
      ResultSelector: { 'greeting.$': '$.Payload.greeting', 'status.$': '$.StatusCode' },
      ResultPath: '$.greet',
      Retry: RETRY_ON_TRANSIENT,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Failed' }],
      Next: 'Route',
    },
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.greet.status', NumericEquals: 200, Next: 'Done' }],
      Default: 'Failed',
    },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Pass', End: true },
  },
};

/** Plan (Pass: the wait) -> Await (callback, TimeoutSecondsPath) -> Decided; a timeout is caught into TimedOut. */
const callbackDefinition = {
  StartAt: 'Plan',
  States: {
    Plan: { Type: 'Pass', Result: { waitSeconds: 1 }, ResultPath: '$.wait', Next: 'Await' },
    Await: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: '${AwaitFunctionArn}',
        Payload: { 'caseId.$': '$.caseId', 'taskToken.$': '$$.Task.Token', 'execution.$': '$$.Execution.Name' },
      },
      TimeoutSecondsPath: '$.wait.waitSeconds',
      ResultPath: '$.decision',
      Catch: [
        { ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'TimedOut' },
        { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Failed' },
      ],
      Next: 'Decided',
    },
    Decided: { Type: 'Succeed' },
    TimedOut: { Type: 'Pass', Result: true, ResultPath: '$.timedOut', End: true },
    Failed: { Type: 'Fail', Error: 'CaseWorkflowFailed', Cause: 'A step failed' },
  },
};

/** A callback task with a long timeout, for tests that must not time out. */
const patientCallbackDefinition = {
  ...callbackDefinition,
  States: { ...callbackDefinition.States, Plan: { ...callbackDefinition.States.Plan, Result: { waitSeconds: 300 } } },
};

const deferred = <T>() => {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

const WAIT = { timeoutMs: WAIT_CEILING_MS };

describe('Class: LocalWorkflowEngine', () => {
  let engines: LocalWorkflowEngine[] = [];
  const newEngine = (options: LocalWorkflowEngineOptions): LocalWorkflowEngine => {
    const engine = new LocalWorkflowEngine({ logger: logger(), retryIntervalMs: 10, ...options });
    engines.push(engine);
    return engine;
  };

  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(engines.map((engine) => engine.stop()));
    engines = [];
  });

  it('returns the handler result as Payload with StatusCode 200, like the lambda:invoke integration', async () => {
    // Prepare
    const greet = vi.fn<TaskHandler>(async (event) => ({ greeting: `hello ${String(event.caseId)}` }));
    const engine = newEngine({ definition: invokeDefinition, taskHandlers: { GreetFunctionArn: greet } });

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(greet).toHaveBeenCalledWith({ caseId: 'case-1' });
    expect(record).toMatchObject({
      name: 'case-1',
      input: { caseId: 'case-1', storeId: 'store-1' },
      status: 'SUCCEEDED',
      output: { caseId: 'case-1', storeId: 'store-1', greet: { greeting: 'hello case-1', status: 200 } },
    });
    expect(record.stoppedAt).toBeDefined();
  });

  it('counts one transition per state entered and every event of the log for a known path', async () => {
    // Prepare
    const engine = newEngine({
      definition: invokeDefinition,
      taskHandlers: { GreetFunctionArn: async () => ({ greeting: 'hi' }) },
    });

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(record.transitionCount).toBe(3);
    expect(record.historyEventCount).toBe(8);
    expect(record.events?.map((event) => [event.type, event.state])).toEqual([
      ['ExecutionStarted', undefined],
      ['StateEntered', 'Greet'],
      ['StateExited', 'Greet'],
      ['StateEntered', 'Route'],
      ['StateExited', 'Route'],
      ['StateEntered', 'Done'],
      ['StateExited', 'Done'],
      ['ExecutionSucceeded', undefined],
    ]);
  });

  it('retries a handler that throws TransientError and succeeds, counting each retry as a transition', async () => {
    // Prepare
    const greet = vi
      .fn<TaskHandler>()
      .mockRejectedValueOnce(new TransientError('throttled'))
      .mockRejectedValueOnce(new TransientError('throttled again'))
      .mockResolvedValue({ greeting: 'third time' });
    const engine = newEngine({ definition: invokeDefinition, taskHandlers: { GreetFunctionArn: greet } });
    const timers = vi.spyOn(globalThis, 'setTimeout');

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(greet).toHaveBeenCalledTimes(3);
    // IntervalSeconds 5 (then 10 by BackoffRate 2) replaced by retryIntervalMs: the engine slept 10 ms before each retry.
    const delays = timers.mock.calls.map(([, ms]) => ms);
    expect(delays.filter((ms) => ms === 10)).toHaveLength(2);
    expect(delays.filter((ms) => ms === 5_000 || ms === 10_000)).toEqual([]);
    expect(record).toMatchObject({ status: 'SUCCEEDED', output: { greet: { greeting: 'third time' } } });
    expect(record.events?.filter((event) => event.type === 'StateRetried')).toHaveLength(2);
    expect(record.events?.filter((event) => event.type === 'StateFailed').map((event) => event.error)).toEqual([
      'TransientError',
      'TransientError',
    ]);
    expect(record.transitionCount).toBe(5);
  });

  it('catches an error by States.ALL after the retries, with the error name and the Lambda-style cause', async () => {
    // Prepare
    const greet = vi.fn<TaskHandler>().mockRejectedValue(new TransientError('still throttled'));
    const engine = newEngine({ definition: invokeDefinition, taskHandlers: { GreetFunctionArn: greet } });

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(greet).toHaveBeenCalledTimes(3); // first attempt + MaxAttempts 2
    expect(record.status).toBe('SUCCEEDED');
    expect(record.output).toMatchObject({
      failure: {
        Error: 'TransientError',
        Cause: JSON.stringify({ errorType: 'TransientError', errorMessage: 'still throttled' }),
      },
    });
  });

  it('does not retry an error that the Retry does not name and catches it by States.ALL', async () => {
    // Prepare
    const greet = vi.fn<TaskHandler>().mockRejectedValue(new ValidationError('caseId is missing'));
    const engine = newEngine({ definition: invokeDefinition, taskHandlers: { GreetFunctionArn: greet } });

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(greet).toHaveBeenCalledTimes(1);
    expect(record.output).toMatchObject({ failure: { Error: 'ValidationError' } });
  });

  it('marks the execution FAILED with the error and cause of the state that ended it', async () => {
    // Prepare
    const engine = newEngine({
      definition: callbackDefinition,
      taskHandlers: { AwaitFunctionArn: vi.fn<TaskHandler>().mockRejectedValue(new ValidationError('bad signal')) },
    });

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(record).toMatchObject({ status: 'FAILED', error: 'CaseWorkflowFailed', cause: 'A step failed' });
    expect(record.events?.find((event) => event.type === 'StateFailed')).toMatchObject({
      state: 'Await',
      error: 'ValidationError',
    });
  });

  it('ends a callback task with the output given to completeWait, unwrapped, at its ResultPath', async () => {
    // Prepare
    const parked = deferred<Record<string, unknown>>();
    const engine = newEngine({
      definition: patientCallbackDefinition,
      taskHandlers: {
        AwaitFunctionArn: async (event) => {
          parked.resolve(event);
          return { ignored: true };
        },
      },
    });
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const event = await parked.promise;

    // Act
    await engine.completeWait(String(event.taskToken), { outcome: 'approved' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(event).toEqual({
      caseId: 'case-1',
      taskToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      execution: 'case-1',
    });
    expect(record).toMatchObject({ status: 'SUCCEEDED', output: { decision: { outcome: 'approved' } } });
  });

  it('gives every callback task a fresh token', async () => {
    // Prepare
    const events: Record<string, unknown>[] = [];
    const both = deferred<void>();
    const engine = newEngine({
      definition: patientCallbackDefinition,
      taskHandlers: {
        AwaitFunctionArn: async (event) => {
          events.push(event);
          if (events.length === 2) both.resolve();
        },
      },
    });

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    await engine.start({ caseId: 'case-2', storeId: 'store-1' });
    await both.promise;

    // Assess
    expect(events[0]?.taskToken).not.toBe(events[1]?.taskToken);
  });

  it('lets a handler complete its own token before it returns, when the awaited event already happened', async () => {
    // Prepare
    // The handler runs once the engine exists (it is called by `start` below).
    const awaitSignal = vi.fn<TaskHandler>(async (event) => {
      await engine.completeWait(String(event.taskToken), { outcome: 'already-decided' });
      return {};
    });
    const engine: LocalWorkflowEngine = newEngine({
      definition: patientCallbackDefinition,
      taskHandlers: { AwaitFunctionArn: awaitSignal },
    });

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(record).toMatchObject({ status: 'SUCCEEDED', output: { decision: { outcome: 'already-decided' } } });
  });

  it('fails a callback task with States.Timeout after its TimeoutSecondsPath, caught by a States.Timeout Catch', async () => {
    // Prepare
    const parked = deferred<Record<string, unknown>>();
    const log = logger();
    const engine = newEngine({
      definition: callbackDefinition,
      logger: log,
      taskHandlers: { AwaitFunctionArn: async (event) => parked.resolve(event) },
    });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const started = Date.now();

    // Act
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const record = await engine.waitForExecution('case-1', WAIT);
    const { taskToken } = await parked.promise;
    await engine.completeWait(String(taskToken), { outcome: 'too late' });

    // Assess
    // The task's timer is the state's TimeoutSecondsPath (waitSeconds 1), and the engine kept to it.
    expect(timers.mock.calls.map(([, ms]) => ms)).toContain(1_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(record).toMatchObject({ status: 'SUCCEEDED', output: { timedOut: true } });
    expect(record.output).not.toHaveProperty('decision');
    expect(record.events?.find((event) => event.type === 'StateFailed')).toMatchObject({
      state: 'Await',
      error: 'States.Timeout',
    });
    expect(log.warn).toHaveBeenCalledWith('Ignored a completion for an unknown, used or timed-out task token');
  });

  it('ignores completeWait with an unknown token and with a token already used', async () => {
    // Prepare
    const log = logger();
    const parked = deferred<Record<string, unknown>>();
    const engine = newEngine({
      definition: patientCallbackDefinition,
      logger: log,
      taskHandlers: { AwaitFunctionArn: async (event) => parked.resolve(event) },
    });
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    const token = String((await parked.promise).taskToken);

    // Act
    await expect(engine.completeWait('no-such-token', { outcome: 'rejected' })).resolves.toBeUndefined();
    await engine.completeWait(token, { outcome: 'approved' });
    await expect(engine.completeWait(token, { outcome: 'rejected' })).resolves.toBeUndefined();
    const record = await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(record.output).toMatchObject({ decision: { outcome: 'approved' } });
  });

  it('treats a second start of the same case, running or finished, as a no-op', async () => {
    // Prepare
    const greet = vi.fn<TaskHandler>(async () => ({ greeting: 'once' }));
    const engine = newEngine({ definition: invokeDefinition, taskHandlers: { GreetFunctionArn: greet } });

    // Act
    await Promise.all([
      engine.start({ caseId: 'case-1', storeId: 'store-1' }),
      engine.start({ caseId: 'case-1', storeId: 'store-1' }),
    ]);
    await engine.waitForExecution('case-1', WAIT);
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    await engine.waitForExecution('case-1', WAIT);

    // Assess
    expect(greet).toHaveBeenCalledTimes(1);
    expect(await engine.listExecutions()).toHaveLength(1);
  });

  it('stops a parked execution without failing it, leaving it RUNNING, and runs no further handler', async () => {
    // Prepare
    const executions = new InMemoryExecutionRecordStore();
    const parked = deferred<void>();
    const awaitSignal = vi.fn<TaskHandler>(async () => parked.resolve());
    const engine = newEngine({
      definition: patientCallbackDefinition,
      executions,
      taskHandlers: { AwaitFunctionArn: awaitSignal },
    });
    await engine.start({ caseId: 'case-1', storeId: 'store-1' });
    await parked.promise;

    // Act
    await engine.stop();
    await engine.start({ caseId: 'case-2', storeId: 'store-1' });

    // Assess
    expect(await engine.waitForExecution('case-1', WAIT)).toMatchObject({ status: 'RUNNING' });
    expect(await executions.get('case-1')).toMatchObject({ status: 'RUNNING' });
    expect(await executions.get('case-2')).toMatchObject({ status: 'RUNNING' }); // persisted, to run after a restart
    expect(awaitSignal).toHaveBeenCalledTimes(1);
    expect((await engine.listExecutions()).map((record) => record.status)).toEqual(['RUNNING', 'RUNNING']);
  });

  it('resumes RUNNING executions of a file store from the start with their original input after a restart', async () => {
    // Prepare
    const directory = await mkdtemp(join(tmpdir(), 'workflow-engine-'));
    try {
      const before = newEngine({
        definition: patientCallbackDefinition,
        executions: new FileExecutionRecordStore(directory),
        taskHandlers: { AwaitFunctionArn: async () => undefined },
      });
      await before.start({ caseId: 'case-1', storeId: 'store-7' });
      await before.stop();
      const awaitSignal = vi.fn<TaskHandler>(async (event) => {
        await after.completeWait(String(event.taskToken), { outcome: 'approved' });
      });
      const after: LocalWorkflowEngine = newEngine({
        definition: patientCallbackDefinition,
        executions: new FileExecutionRecordStore(directory),
        taskHandlers: { AwaitFunctionArn: awaitSignal },
      });

      // Act
      const resumed = await after.resumeInFlight();
      const record = await after.waitForExecution('case-1', WAIT);

      // Assess
      expect(resumed).toEqual(['case-1']);
      expect(awaitSignal).toHaveBeenCalledWith(expect.objectContaining({ caseId: 'case-1' }));
      expect(record).toMatchObject({ status: 'SUCCEEDED', input: { caseId: 'case-1', storeId: 'store-7' } });
      expect(await new FileExecutionRecordStore(directory).get('case-1')).toMatchObject({
        status: 'SUCCEEDED',
        output: { decision: { outcome: 'approved' } },
      });
      expect(await after.resumeInFlight()).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses, when built, a definition with a task function that has no handler', () => {
    expect(() => newEngine({ definition: invokeDefinition, taskHandlers: {} })).toThrow(
      'Task state Greet: no local handler for arn:aws:lambda:us-east-1:000000000000:function:GreetFunctionArn',
    );
  });
});

describe('Class: InMemoryExecutionRecordStore', () => {
  let store: InMemoryExecutionRecordStore;
  beforeEach(() => {
    store = new InMemoryExecutionRecordStore();
  });

  it('returns copies, so a caller cannot change a stored record', async () => {
    // Prepare
    await store.save({
      name: 'case-1',
      input: {},
      status: 'RUNNING',
      startedAt: '2026-11-01T00:00:00.000Z',
      transitionCount: 0,
      historyEventCount: 0,
    });

    // Act
    const record = await store.get('case-1');
    if (record) record.status = 'FAILED';

    // Assess
    expect(await store.get('case-1')).toMatchObject({ status: 'RUNNING' });
  });
});

describe('Class: FileExecutionRecordStore', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'execution-records-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const record = (name: string, startedAt: string) => ({
    name,
    input: { caseId: name, storeId: 'store-1' },
    status: 'RUNNING' as const,
    startedAt,
    transitionCount: 0,
    historyEventCount: 0,
  });

  it('keeps one JSON file per execution, replaces it on save and lists records oldest first', async () => {
    // Prepare
    const store = new FileExecutionRecordStore(join(directory, 'executions'));

    // Act
    await store.save(record('case-2', '2026-11-02T00:00:00.000Z'));
    await store.save(record('case/1', '2026-11-01T00:00:00.000Z'));
    await store.save({ ...record('case-2', '2026-11-02T00:00:00.000Z'), status: 'SUCCEEDED', output: { done: true } });

    // Assess
    expect((await readdir(join(directory, 'executions'))).sort()).toEqual(['case%2F1.json', 'case-2.json']);
    expect((await store.list()).map((item) => [item.name, item.status])).toEqual([
      ['case/1', 'RUNNING'],
      ['case-2', 'SUCCEEDED'],
    ]);
    expect(await store.get('case-2')).toMatchObject({ output: { done: true } });
    expect(await store.get('case-3')).toBeUndefined();
  });

  it('lists nothing before the first save and skips files that are not records', async () => {
    // Prepare
    await writeFile(join(directory, 'broken.json'), '{ not json', 'utf8');
    await writeFile(join(directory, 'other.json'), '{"hello":"world"}', 'utf8');

    // Act & Assess
    expect(await new FileExecutionRecordStore(join(directory, 'missing')).list()).toEqual([]);
    expect(await new FileExecutionRecordStore(directory).list()).toEqual([]);
  });
});
