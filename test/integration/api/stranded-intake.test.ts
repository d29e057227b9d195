import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseWorkflow } from '../../../functions/ports/case-workflow.js';
import { returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { shiftedClock } from '../../support/shifted-clock.js';

let stack: TestStack;
let storefront: ReturnType<typeof api>;
const clock = shiftedClock(new Date());

beforeAll(async () => {
  // No timer: the test runs the sweeper itself, at a clock it moves on.
  stack = await startTestStack({ clock, scheduleEveryMs: 0 });
  storefront = api(stack);
});
afterAll(async () => stack?.stop());

/** StartExecution failing as it does when Step Functions throttles, for every start until `restore()`. */
const failWorkflowStarts = (): { restore: () => void } => {
  const working = stack.dependencies.workflow;
  const failing: CaseWorkflow = {
    start: async () => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    },
    completeWait: (token, output) => working.completeWait(token, output),
  };
  stack.dependencies.workflow = failing;
  return { restore: () => (stack.dependencies.workflow = working) };
};

const statusOf = async (caseId: string) =>
  (await storefront.get(`/v1/cases/${caseId}`, { apiKey: stack.apiKeys.storeA })).json;

describe('API: POST /v1/cases when the workflow does not start', () => {
  it('answers 201, accepts a retry without Idempotency-Key, and the sweeper starts the stranded case later', async () => {
    // Prepare
    const request = returnRequest();
    const outage = failWorkflowStarts();

    // Act: the first request is stored but its workflow does not start.
    const first = await storefront.post('/v1/cases', request, { apiKey: stack.apiKeys.storeA });
    outage.restore();
    // The storefront retries the same claim without a key (as it would after a 5xx): it is not a duplicate.
    const retried = await storefront.post('/v1/cases', request, { apiKey: stack.apiKeys.storeA });

    // Assess
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'submitted' });
    expect(retried.status).toBe(201);
    // Opened, and then perhaps assigned at once: `open` can last less than one poll.
    const opened = await waitFor(async () => {
      const view = await statusOf(retried.json.caseId);
      return ['open', 'assigned'].includes(view.status) ? view : undefined;
    });
    expect(opened.decision).toMatchObject({ outcome: 'approved' });
    expect((await statusOf(first.json.caseId)).status).toBe('submitted');

    // Act: a minute later the sweeper starts the stranded case, which now meets a decided claim on the same line.
    const early = await stack.schedules.runNow('startStrandedWorkflows');
    clock.setTo(new Date(Date.now() + 61_000));
    const swept = await stack.schedules.runNow('startStrandedWorkflows');

    // Assess
    expect(early).toMatchObject({ started: 0 });
    expect(swept).toMatchObject({ started: 1, failed: 0 });
    const decided = await waitFor(async () => {
      const view = await statusOf(first.json.caseId);
      return view.status === 'rejected' ? view : undefined;
    });
    expect(decided.decision.reasons).toEqual([expect.objectContaining({ code: 'duplicate_open_claim' })]);
    expect(await stack.schedules.runNow('startStrandedWorkflows')).toMatchObject({ started: 0 });
  });
});
