import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../functions/domain/operations-metrics.js';
import { startTestStack, waitFor, type TestStack } from '../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi } from '../support/staff-api.js';
import { fileCase } from '../support/storefront.js';
import { parkedOn, reachesLevel } from '../support/workflow-waits.js';

/**
 * The business metrics of a real lifecycle: the real ASL file, task handlers and DynamoDB Local, each function's case
 * store metered as in AWS (`caseMetrics`), an SLA of seconds so the first response is breached and escalated.
 */
describe('Workflow: business metrics of a breached case', () => {
  let stack: TestStack;
  const recorded: MetricPoint[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ caseMetrics: { record: (points) => recorded.push(...points) } });
    await putSlaPolicy(
      await staffApi(stack, 'admin1'),
      slaPolicy({ firstResponse: 'PT3S', resolution: 'PT1M', repeatEvery: 'PT3S' }),
    );
  });
  afterAll(async () => stack?.stop());

  it('counts the case, its decision, the breach and the escalation, and how late the SLA step woke', async () => {
    const caseId = await fileCase(stack);
    await parkedOn(stack, caseId, 'firstResponse');
    await reachesLevel(stack, caseId, 'firstResponse', 1);

    const count = (name: MetricPoint['name']) =>
      recorded.filter((point) => point.name === name).reduce((sum, point) => sum + point.value, 0);
    await waitFor(async () => (count('Escalations') >= 1 ? true : undefined));

    expect(count('CasesReceived')).toBe(1);
    expect(recorded).toContainEqual({ name: 'Decisions', unit: 'Count', value: 1, outcome: 'approved' });
    expect(count('SlaBreaches')).toBe(1);
    const lateness = recorded.filter((point) => point.name === 'SlaStepLateness');
    expect(lateness.length).toBeGreaterThanOrEqual(1);
    // The local engine wakes the wait on time: the step runs within seconds of its wakeAt.
    for (const point of lateness) expect(point.value).toBeLessThan(10);
    expect(count('WorkflowFailures')).toBe(0);
  });
});
