import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { emailsAbout } from '../../support/outbox.js';
import { caseOf } from '../../support/stored-cases.js';
import { parkedOn } from '../../support/workflow-waits.js';
import { caseInReview, fileCase, raiseCapacity, signInAll, type Staff } from './staff-fixtures.js';

/** Agents are emailed each case assigned to them, with a link to its console page; supervisors' emails link theirs. */
let stack: TestStack;
let staff: Staff;

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
});
afterAll(async () => stack?.stop());

const agentAddress = (agentId: string) => `${agentId}@store-a.example`;

/** The emails about the case sent to one address, once at least `count` have arrived. */
const emailsOf = (caseNumber: string, address: string, count = 1) =>
  waitFor(async () => {
    const emails = (await emailsAbout(stack, caseNumber)).filter((email) => email.to.includes(address));
    return emails.length >= count ? emails : undefined;
  });

describe('Agent emails on assignment', () => {
  it('emails the agent the workflow assigned, once, in the store language, linking the case page', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const agentId = assigned.assignee?.agentId as string;

    // Act
    const [email] = await emailsOf(assigned.caseNumber, agentAddress(agentId));
    await stack.workQueue.settled();

    // Assess
    const caseUrl = `${stack.url}/console/cases/${caseId}`;
    expect(email?.subject).toContain(assigned.caseNumber);
    expect(email?.subject).toContain('服务单已分配给您');
    expect(email?.text).toContain(caseUrl);
    expect(email?.html).toContain(`href="${caseUrl}"`);
    const toAgent = (await emailsAbout(stack, assigned.caseNumber)).filter((sent) =>
      sent.to.includes(agentAddress(agentId)),
    );
    expect(toAgent).toHaveLength(1);
    expect((await caseOf(stack.dependencies, caseId)).notificationsSent).toContain(
      `agent_assigned_${agentId}_${assigned.assignee?.assignedAt}`,
    );
  });

  it('emails the agent a supervisor assigns the case to, once, and not the previous agent again', async () => {
    // Prepare
    const caseId = await fileCase(stack);
    const assigned = await parkedOn(stack, caseId, 'firstResponse');
    const first = assigned.assignee?.agentId as string;
    const next = first === 'agent1' ? 'agent2' : 'agent1';
    await emailsOf(assigned.caseNumber, agentAddress(first));

    // Act
    const answer = await staff.supervisor1.post(`/v1/staff/cases/${caseId}/assign`, { agentId: next });
    const [email] = await emailsOf(assigned.caseNumber, agentAddress(next));
    await stack.workQueue.settled();

    // Assess
    expect(answer.status, answer.text).toBe(200);
    expect(email?.text).toContain(`${stack.url}/console/cases/${caseId}`);
    const sent = await emailsAbout(stack, assigned.caseNumber);
    expect(sent.filter((one) => one.to.includes(agentAddress(next)))).toHaveLength(1);
    expect(sent.filter((one) => one.to.includes(agentAddress(first)))).toHaveLength(1);
  });
});

describe('Supervisor emails', () => {
  it('link the case page in the staff console', async () => {
    // Prepare
    const caseId = await caseInReview(stack, staff);
    const { caseNumber } = await caseOf(stack.dependencies, caseId);

    // Act
    const [email] = await emailsOf(caseNumber, 'supervisor1@store-a.example');

    // Assess
    expect(email?.text).toContain(`${stack.url}/console/cases/${caseId}`);
    expect(email?.html).toContain(`href="${stack.url}/console/cases/${caseId}"`);
  });
});
