import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentDirectory } from '../../functions/ports/agent-directory.js';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { caseOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { executionEnded, parkedOn } from '../support/workflow-waits.js';

/**
 * The retry policy of `statemachines/case-lifecycle.asl.json` on the local engine, with the real handlers: a step that
 * times out or is throttled is retried with backoff before any Catch records it as failed. The task timeout is lowered
 * to 3 s (the declared one is 40 s) so that a timeout takes seconds; Retry and Catch are the file's.
 */
const TASK_TIMEOUT_SECONDS = 3;

describe('Workflow: retry policy', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ taskTimeoutSeconds: TASK_TIMEOUT_SECONDS });
  });
  afterAll(async () => stack?.stop());

  /** Runs `act` while the agent directory's `list` (the assignment's first read, in AutoReview's step) goes through `list`. */
  const withDirectoryList = async <T>(list: AgentDirectory['list'], act: () => Promise<T>): Promise<T> => {
    const working = stack.dependencies.agents;
    stack.dependencies.agents = new Proxy(working, {
      get: (target, property, receiver) => (property === 'list' ? list : Reflect.get(target, property, receiver)),
    });
    try {
      return await act();
    } finally {
      stack.dependencies.agents = working;
    }
  };

  const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

  const retriesOf = async (caseId: string, state: string) =>
    ((await stack.engine.getExecution(caseId))?.events ?? []).filter(
      (event) => event.type === 'StateRetried' && event.state === state,
    ).length;

  it('retries a step that timed out once, instead of failing the workflow', async () => {
    const working = stack.dependencies.agents;
    let calls = 0;
    const caseId = await withDirectoryList(
      async (storeId) => {
        calls += 1;
        if (calls === 1) await sleep((TASK_TIMEOUT_SECONDS + 1) * 1000);
        return working.list(storeId);
      },
      async () => {
        const filed = await fileCase(stack);
        await parkedOn(stack, filed, 'firstResponse');
        return filed;
      },
    );

    const assigned = await caseOf(stack.dependencies, caseId);
    expect(assigned.workflowFailure).toBeUndefined();
    expect(assigned.assignee?.agentId).toEqual(expect.any(String));
    expect(await retriesOf(caseId, 'AutoReview')).toBeGreaterThanOrEqual(1);
    expect((await stack.engine.getExecution(caseId))?.status).toBe('RUNNING');
  });

  it('retries a throttled step (Lambda.TooManyRequestsException) and goes on', async () => {
    const working = stack.dependencies.agents;
    let calls = 0;
    const caseId = await withDirectoryList(
      async (storeId) => {
        calls += 1;
        if (calls <= 2) throw Object.assign(new Error('Rate exceeded'), { name: 'Lambda.TooManyRequestsException' });
        return working.list(storeId);
      },
      async () => {
        const filed = await fileCase(stack);
        await parkedOn(stack, filed, 'firstResponse');
        return filed;
      },
    );

    expect((await caseOf(stack.dependencies, caseId)).workflowFailure).toBeUndefined();
    expect(await retriesOf(caseId, 'AutoReview')).toBe(2);
  });

  it('records the failure only after the timeout retries ran out', async () => {
    // Every directory read outlasts the task timeout and finds nobody, so an attempt left running never assigns the
    // case behind the workflow's back (which would let a later attempt succeed).
    const caseId = await withDirectoryList(
      async () => {
        await sleep((TASK_TIMEOUT_SECONDS + 1) * 1000);
        return [];
      },
      async () => {
        const filed = await fileCase(stack);
        await executionEnded(stack, filed);
        return filed;
      },
    );

    const failure = await waitFor(async () => (await caseOf(stack.dependencies, caseId)).workflowFailure);
    expect(failure).toMatchObject({ state: 'AutoReview', error: 'States.Timeout' });
    expect(await retriesOf(caseId, 'AutoReview')).toBe(3);
    expect((await stack.engine.getExecution(caseId))?.status).toBe('FAILED');
  });
});
