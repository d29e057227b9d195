import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignee, Case, Locale } from '../../../functions/domain/case.js';
import type { AgentDirectory } from '../../../functions/ports/agent-directory.js';
import type { Mailer, OutgoingEmail } from '../../../functions/ports/mailer.js';
import {
  notifyRevisitDue,
  notifyRevisitOverdue,
  type AftercareMailDependencies,
} from '../../../functions/use-cases/notifications/aftercare-notices.js';
import {
  notifyCaseReopened,
  notifyResolved,
  notifySurveyInvitation,
  notifySurveyReminder,
} from '../../../functions/use-cases/notifications/customer-notices.js';
import { notifyAgentReopened } from '../../../functions/use-cases/notifications/agent-notices.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import {
  dependenciesOn,
  freshStoreId,
  openCase,
  putAgent,
  putCase,
  putStoreProfile,
  startDynamoFixture,
  storeProfile,
  type DynamoFixture,
} from '../store/dynamodb-fixture.js';

/**
 * The aftercare notices on DynamoDB Local (case, timeline, agent directory, store profile), with a mailer that keeps
 * what it is given. Each test has a store of its own, so addresses never collide.
 */
let fixture: DynamoFixture;

beforeAll(async () => {
  fixture = await startDynamoFixture();
});
afterAll(async () => fixture?.stop());

const RESOLVED_AT = '2026-11-23T08:30:00.000Z';
// Noon on the store's wall clock in Shanghai.
const ANSWER_DUE_AT = '2026-11-30T04:00:00.000Z';
const SHOWN_DUE = '2026-11-30 12:00 (Asia/Shanghai)';
const SURVEY = {
  surveyUrl: 'https://api.example/prod/survey/token-1',
  expiresAt: ANSWER_DUE_AT,
  timezone: 'Asia/Shanghai',
};

interface Sent {
  emails: OutgoingEmail[];
  to: (address: string) => OutgoingEmail[];
}

const recordingMailer = (): Mailer & Sent => {
  const emails: OutgoingEmail[] = [];
  return {
    emails,
    to: (address) => emails.filter((email) => email.to.includes(address)),
    send: async (email) => {
      emails.push(email);
      return { messageId: `m-${emails.length}` };
    },
  };
};

interface World {
  storeId: string;
  supervisor: string;
  agentEmail: string;
  value: Case;
  mailer: Mailer & Sent;
  dependencies: AftercareMailDependencies;
}

/** A store with a supervisor and agent1 (Wang Fang), and a case of it resolved by agent1. */
const resolvedCase = async (overrides: Partial<Case> = {}, locale: Locale = 'en'): Promise<World> => {
  const storeId = freshStoreId();
  const supervisor = `supervisor@${storeId}.example`;
  const agentEmail = `agent1@${storeId}.example`;
  await putStoreProfile(fixture, storeProfile(storeId, { name: 'Kettle Shop', supervisorEmails: [supervisor] }));
  await putAgent(fixture, storeId, 'agent1', { name: 'Wang Fang', email: agentEmail });
  const value = await putCase(
    fixture,
    openCase(storeId, {
      customer: { id: 'c-1', email: `customer@${storeId}.example`, name: 'Li Lei', locale },
      status: 'resolved',
      assignee: { agentId: 'agent1', name: 'Wang Fang', assignedAt: RESOLVED_AT, assignedBy: 'assignment' },
      resolution: {
        type: 'repair',
        rootCause: 'production_quality',
        summary: 'The heating element was replaced.',
        resolvedAt: RESOLVED_AT,
        resolvedBy: 'agent1',
      },
      ...overrides,
    }),
  );
  const mailer = recordingMailer();
  const dependencies = dependenciesOn(fixture, { mailer });
  return { storeId, supervisor, agentEmail, value, mailer, dependencies };
};

interface NoticeCase {
  notice: string;
  send: (dependencies: AftercareMailDependencies, value: Case) => Promise<void>;
  key: string;
  /** The email's `notification` tag: its template's kind, where that is not the key. */
  tag?: string;
  to: (world: World) => string;
  /** The timeline event the sent notice leaves. */
  recorded: { type: string; visibility: string; details: Record<string, unknown> };
  says: string[];
}

const toCustomer = (world: World) => world.value.customer.email;
const customerNotified = (key: string) => ({
  type: 'customer_notified',
  visibility: 'public',
  details: { notification: key },
});

const NOTICES: NoticeCase[] = [
  {
    notice: 'notifySurveyInvitation',
    send: (dependencies, value) => notifySurveyInvitation(dependencies, value, SURVEY),
    key: 'survey_invitation',
    to: toCustomer,
    recorded: customerNotified('survey_invitation'),
    says: ['Rate our service: https://api.example/prod/survey/token-1', `Link valid until: ${SHOWN_DUE}`],
  },
  {
    notice: 'notifySurveyReminder',
    send: (dependencies, value) => notifySurveyReminder(dependencies, value, SURVEY),
    key: 'survey_reminder',
    to: toCustomer,
    recorded: customerNotified('survey_reminder'),
    says: ['This is our only reminder', `Link valid until: ${SHOWN_DUE}`],
  },
  {
    notice: 'notifyCaseReopened',
    send: (dependencies, value) => notifyCaseReopened(dependencies, value, 'revisit_recurred'),
    key: 'case_reopened',
    to: toCustomer,
    recorded: customerNotified('case_reopened'),
    says: ['the problem has come back', 'Handled by: Wang Fang'],
  },
  {
    notice: 'notifyRevisitDue',
    send: (dependencies, value) =>
      notifyRevisitDue(dependencies, value, {
        agentId: 'agent1',
        answerDueAt: ANSWER_DUE_AT,
        timezone: 'Asia/Shanghai',
      }),
    key: 'revisit_due',
    to: (world) => world.agentEmail,
    recorded: {
      type: 'supervisors_notified',
      visibility: 'internal',
      details: { notification: 'revisit_due', audience: 'agent' },
    },
    says: ['Outcome: Repair', `Answer due: ${SHOWN_DUE}`, '/revisit'],
  },
  {
    notice: 'notifyAgentReopened',
    send: (dependencies, value) =>
      notifyAgentReopened(dependencies, { ...value, assignee: value.assignee as Assignee }, 'revisit_recurred'),
    key: 'agent_reopened_agent1',
    tag: 'agent_case_reopened',
    to: (world) => world.agentEmail,
    recorded: {
      type: 'supervisors_notified',
      visibility: 'internal',
      details: { notification: 'agent_reopened_agent1', audience: 'agent' },
    },
    says: ['Hello Wang Fang', 'found the problem has come back', 'is yours again'],
  },
  {
    notice: 'notifyRevisitOverdue',
    send: (dependencies, value) =>
      notifyRevisitOverdue(dependencies, value, { answerDueAt: ANSWER_DUE_AT, timezone: 'Asia/Shanghai' }),
    key: 'revisit_overdue',
    to: (world) => world.supervisor,
    recorded: { type: 'supervisors_notified', visibility: 'internal', details: { notification: 'revisit_overdue' } },
    says: ['Please check with Wang Fang', `Answer due: ${SHOWN_DUE}`],
  },
];

describe('Function: aftercare notices', () => {
  it.each(NOTICES)('$notice sends its email once and records it on the case', async (notice) => {
    // Prepare
    const world = await resolvedCase();

    // Act
    await notice.send(world.dependencies, world.value);
    await notice.send(world.dependencies, await caseOf(fixture, world.value.caseId));

    // Assess
    expect(world.mailer.emails).toHaveLength(1);
    const [email] = world.mailer.to(notice.to(world));
    expect(email?.subject).toContain(world.value.caseNumber);
    for (const phrase of notice.says) expect(email?.text).toContain(phrase);
    expect(email?.tags).toEqual({ notification: notice.tag ?? notice.key });
    expect((await caseOf(fixture, world.value.caseId)).notificationsSent).toEqual([notice.key]);
    expect(await timelineOf(fixture, world.value.caseId)).toContainEqual(expect.objectContaining(notice.recorded));
  });

  it('sends a round-2 case its own resolved email and survey invitation, once each', async () => {
    // Prepare: round 1 had both
    const world = await resolvedCase({ round: 2, notificationsSent: ['case_resolved', 'survey_invitation'] });

    // Act
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const current = await caseOf(fixture, world.value.caseId);
      await notifyResolved(world.dependencies, current);
      await notifySurveyInvitation(world.dependencies, current, SURVEY);
    }

    // Assess
    expect(world.mailer.to(world.value.customer.email).map((email) => email.tags?.notification)).toEqual([
      'case_resolved',
      'survey_invitation',
    ]);
    expect((await caseOf(fixture, world.value.caseId)).notificationsSent).toEqual([
      'case_resolved',
      'survey_invitation',
      'case_resolved_r2',
      'survey_invitation_r2',
    ]);
  });

  it('shows the survey in the customer’s language with the expiry on the store’s clock', async () => {
    // Prepare
    const world = await resolvedCase({}, 'zh-CN');

    // Act
    await notifySurveyInvitation(world.dependencies, world.value, SURVEY);

    // Assess
    const [email] = world.mailer.to(world.value.customer.email);
    expect(email?.text).toContain(`链接有效期至：${SHOWN_DUE}`);
    expect(email?.html).toContain('href="https://api.example/prod/survey/token-1?overall=5"');
  });

  it('sends the revisit to the supervisors when the agent is gone from the directory', async () => {
    // Prepare
    const world = await resolvedCase();

    // Act
    await notifyRevisitDue(world.dependencies, world.value, {
      agentId: 'agent-gone',
      answerDueAt: ANSWER_DUE_AT,
      timezone: 'Asia/Shanghai',
    });

    // Assess
    expect(world.mailer.emails.map((email) => email.to)).toEqual([[world.supervisor]]);
    expect(await timelineOf(fixture, world.value.caseId)).toContainEqual(
      expect.objectContaining({ type: 'supervisors_notified', details: { notification: 'revisit_due' } }),
    );
  });

  it('records notification_failed and does not throw when the agent directory cannot be read', async () => {
    // Prepare
    const world = await resolvedCase();
    const throttled = async (): Promise<never> => {
      const error = new Error('Throttled');
      error.name = 'ProvisionedThroughputExceededException';
      throw error;
    };
    const agents: AgentDirectory = { list: throttled, get: throttled, create: throttled, update: throttled };

    // Act
    const sending = notifyRevisitDue({ ...world.dependencies, agents }, world.value, {
      agentId: 'agent1',
      answerDueAt: ANSWER_DUE_AT,
      timezone: 'Asia/Shanghai',
    });

    // Assess
    await expect(sending).resolves.toBeUndefined();
    expect(world.mailer.emails).toEqual([]);
    const failed = (await timelineOf(fixture, world.value.caseId)).filter(
      (event) => event.type === 'notification_failed',
    );
    expect(failed.map((event) => event.details)).toEqual([
      { notification: 'revisit_due', error: 'ProvisionedThroughputExceededException' },
    ]);
  });

  it.each(NOTICES)(
    '$notice records notification_failed and does not throw when the mail service fails',
    async (notice) => {
      // Prepare
      const world = await resolvedCase();
      const failing: Mailer = {
        send: async () => {
          const error = new Error(`Address ${notice.to(world)} rejected`);
          error.name = 'MessageRejected';
          throw error;
        },
      };

      // Act
      const sending = notice.send({ ...world.dependencies, mailer: failing }, world.value);

      // Assess
      await expect(sending).resolves.toBeUndefined();
      expect((await caseOf(fixture, world.value.caseId)).notificationsSent).toBeUndefined();
      const timeline = await timelineOf(fixture, world.value.caseId);
      expect(timeline.filter((event) => event.type === 'notification_failed')).toEqual([
        expect.objectContaining({
          visibility: 'internal',
          details: { notification: notice.key, error: 'MessageRejected' },
        }),
      ]);
      expect(JSON.stringify(timeline)).not.toContain(notice.to(world));
    },
  );
});
