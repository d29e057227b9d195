import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentDirectory } from '../../functions/ports/agent-directory.js';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { caseOf, timelineOf } from '../support/stored-cases.js';
import { fileCase } from '../support/storefront.js';
import { executionEnded, parkedOn } from '../support/workflow-waits.js';

/**
 * A workflow step that fails for good (the agent directory throws a non-transient error, so AutoReview's Catch takes
 * it): the failure is recorded with its state, supervisors list it, and a retry restarts the lifecycle under a new
 * execution name that finds the decision, opening and classification done and goes on to the right wait.
 */
describe('Workflow: failed lifecycles, listed and retried', () => {
  let stack: TestStack;
  let supervisor: StaffApi;

  beforeAll(async () => {
    stack = await startTestStack();
    supervisor = await staffApi(stack, 'supervisor1');
  });
  afterAll(async () => stack?.stop());

  /** Runs `act` while every agent lookup fails as a bug would (not a TransientError: no retry helps). */
  const withBrokenDirectory = async <T>(act: () => Promise<T>): Promise<T> => {
    const working = stack.dependencies.agents;
    const broken: AgentDirectory = new Proxy(working, {
      get: (target, property, receiver) =>
        property === 'list'
          ? async () => {
              throw new TypeError('agent directory is broken');
            }
          : Reflect.get(target, property, receiver),
    });
    stack.dependencies.agents = broken;
    try {
      return await act();
    } finally {
      stack.dependencies.agents = working;
    }
  };

  it('records the failed state, lists the case for supervisors only, and a retry resumes it at the first-response wait', async () => {
    const { caseId, failed } = await withBrokenDirectory(async () => {
      const filed = await fileCase(stack);
      const execution = await executionEnded(stack, filed);
      expect(execution.status).toBe('FAILED');
      return { caseId: filed, failed: await caseOf(stack.dependencies, filed) };
    });
    expect(failed.status).toBe('open');
    expect(failed.workflowFailure).toMatchObject({ state: 'AutoReview', error: 'TypeError', execution: caseId });

    const listed = await supervisor.get('/v1/staff/cases?failed=true');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.items.find((line: { caseId: string }) => line.caseId === caseId)).toMatchObject({
      workflowFailure: { state: 'AutoReview', error: 'TypeError', at: failed.workflowFailure?.at },
    });
    expect((await (await staffApi(stack, 'agent1')).get('/v1/staff/cases?failed=true')).status).toBe(403);
    const otherStore = await (await staffApi(stack, 'supervisor3')).get('/v1/staff/cases?failed=true');
    expect(otherStore.json.items.map((line: { caseId: string }) => line.caseId)).not.toContain(caseId);

    const retried = await supervisor.post(`/v1/staff/cases/${caseId}/workflow/retry`, { note: 'directory fixed' });
    expect(retried.status, retried.text).toBe(202);
    expect(retried.json).toMatchObject({ caseId, execution: `${caseId}-r1`, workflowFailure: null });

    const resumed = await parkedOn(stack, caseId, 'firstResponse');
    expect(resumed.assignee?.agentId).toEqual(expect.any(String));
    expect(resumed.workflowFailure).toBeUndefined();
    expect((await stack.engine.getExecution(`${caseId}-r1`))?.status).toBe('RUNNING');
    const listedAfter = await supervisor.get('/v1/staff/cases?failed=true');
    expect(listedAfter.json.items.map((line: { caseId: string }) => line.caseId)).not.toContain(caseId);
    const types = (await timelineOf(stack.dependencies, caseId)).map((event) => event.type);
    expect(types.filter((type) => type === 'classified')).toHaveLength(1);
    expect(types).toEqual(expect.arrayContaining(['workflow_failed', 'workflow_retried', 'assigned']));
    expect(
      (await timelineOf(stack.dependencies, caseId)).find((event) => event.type === 'workflow_retried'),
    ).toMatchObject({
      actor: { kind: 'staff' },
      details: { execution: `${caseId}-r1`, failedState: 'AutoReview', note: 'directory fixed' },
    });

    // Nothing failed any more: a second retry has nothing to restart.
    expect((await supervisor.post(`/v1/staff/cases/${caseId}/workflow/retry`, {})).status).toBe(409);
  });

  it('refuses a retry to agents (403) and for a case whose workflow runs (409)', async () => {
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agent = await staffApi(stack, assigned.assignee?.agentId as string);

    expect((await agent.post(`/v1/staff/cases/${caseId}/workflow/retry`, {})).status).toBe(403);
    const running = await supervisor.post(`/v1/staff/cases/${caseId}/workflow/retry`, {});
    expect(running.status).toBe(409);
    expect(running.json.error.code).toBe('state_conflict');
  });

  it('a second failure after a retry is listed again and retried under the next name', async () => {
    const caseId = await withBrokenDirectory(async () => {
      const filed = await fileCase(stack);
      await executionEnded(stack, filed);
      expect((await supervisor.post(`/v1/staff/cases/${filed}/workflow/retry`, {})).status).toBe(202);
      await executionEnded(stack, `${filed}-r1`);
      return filed;
    });
    const failedAgain = await waitFor(async () => (await caseOf(stack.dependencies, caseId)).workflowFailure);
    expect(failedAgain).toMatchObject({ state: 'AutoReview', execution: `${caseId}-r1` });

    const retried = await supervisor.post(`/v1/staff/cases/${caseId}/workflow/retry`, {});
    expect(retried.json.execution).toBe(`${caseId}-r2`);
    await parkedOn(stack, caseId, 'firstResponse');
  });
});
