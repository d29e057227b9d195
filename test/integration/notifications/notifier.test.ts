import {
  MessageRejected,
  SendEmailCommand,
  SESv2Client,
  SESv2ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SesMailer } from '../../../functions/adapters/mail/ses-mailer.js';
import type { Case } from '../../../functions/domain/case.js';
import { systemClock } from '../../../functions/ports/clock.js';
import {
  notify,
  SEND_ATTEMPTS,
  type ComposedNotification,
  type NotifierDependencies,
} from '../../../functions/use-cases/notifications/notifier.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import { openCase, putCase, startDynamoFixture, type DynamoFixture } from '../store/dynamodb-fixture.js';

/**
 * The notifier on DynamoDB Local, sending through the real SES adapter on a mocked SES client: the call it makes, which
 * failures it retries (transient, in-process) and which it records as `notification_failed` (everything else).
 */
const client = new SESv2Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  maxAttempts: 1,
});
const ses = mockClient(client);
const mailer = new SesMailer({ client, from: 'service@shop.example', configurationSet: 'after-sales' });

let fixture: DynamoFixture;
let dependencies: NotifierDependencies;
beforeAll(async () => {
  fixture = await startDynamoFixture();
  dependencies = { cases: fixture.cases, mailer, clock: systemClock };
});
afterAll(async () => fixture?.stop());
afterEach(() => {
  ses.reset();
});

const ADDRESS = 'li.lei@example.com';
const acknowledgement = (to = [ADDRESS]): ComposedNotification => ({
  audience: 'customer',
  email: { to, subject: 'Case AS-1 received', text: 'We have it.', html: '<p>We have it.</p>' },
});
const storedCase = async (overrides: Partial<Case> = {}) => putCase(fixture, openCase('store-a', overrides));

const throttled = () =>
  new TooManyRequestsException({ message: 'Too many requests', $metadata: { httpStatusCode: 429 } });
const rejected = () =>
  new MessageRejected({
    message: `Email address is not verified. The following identities failed the check: ${ADDRESS}`,
    $metadata: { httpStatusCode: 400 },
  });

const failuresOf = async (caseId: string) =>
  (await timelineOf(fixture, caseId)).filter((event) => event.type === 'notification_failed');

describe('Function: notify', () => {
  it('sends through SES once, tagged with its kind, and records the key with a timeline event', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const value = await storedCase();

    // Act
    const outcome = await notify(dependencies, value, 'case_acknowledged', () => acknowledgement());

    // Assess
    expect(outcome).toEqual({ status: 'sent' });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: 'service@shop.example',
      Destination: { ToAddresses: [ADDRESS] },
      ConfigurationSetName: 'after-sales',
      EmailTags: [{ Name: 'notification', Value: 'case_acknowledged' }],
    });
    expect((await caseOf(fixture, value.caseId)).notificationsSent).toEqual(['case_acknowledged']);
    expect(await timelineOf(fixture, value.caseId)).toContainEqual(
      expect.objectContaining({ type: 'customer_notified', details: { notification: 'case_acknowledged' } }),
    );
  });

  it('sends nothing for a key the case has had, and does not compose it', async () => {
    // Prepare
    const value = await storedCase({ notificationsSent: ['case_acknowledged'] });
    let composed = false;

    // Act
    const outcome = await notify(dependencies, value, 'case_acknowledged', () => {
      composed = true;
      return acknowledgement();
    });

    // Assess
    expect(outcome).toEqual({ status: 'already_sent' });
    expect(composed).toBe(false);
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

  it('retries SES throttling in-process and sends once it passes', async () => {
    // Prepare
    ses.on(SendEmailCommand).rejectsOnce(throttled()).rejectsOnce(throttled()).resolves({ MessageId: 'ses-2' });
    const value = await storedCase();

    // Act
    const outcome = await notify(dependencies, value, 'case_acknowledged', () => acknowledgement());

    // Assess
    expect(outcome).toEqual({ status: 'sent' });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 3);
    expect((await caseOf(fixture, value.caseId)).notificationsSent).toEqual(['case_acknowledged']);
    expect(await failuresOf(value.caseId)).toEqual([]);
  });

  it.each([
    { failure: 'throttling that lasts', error: throttled, calls: SEND_ATTEMPTS, recorded: 'TooManyRequestsException' },
    {
      failure: 'a 5xx that lasts',
      error: () =>
        new SESv2ServiceException({
          name: 'ServiceUnavailable',
          $fault: 'server',
          message: 'unavailable',
          $metadata: { httpStatusCode: 503 },
        }),
      calls: SEND_ATTEMPTS,
      recorded: 'ServiceUnavailable',
    },
    { failure: 'a rejected message (not retried)', error: rejected, calls: 1, recorded: 'MessageRejected' },
  ])(
    'records $failure as notification_failed by name, without the address, and does not throw',
    async ({ error, calls, recorded }) => {
      // Prepare
      ses.on(SendEmailCommand).rejects(error());
      const value = await storedCase();

      // Act
      const outcome = await notify(dependencies, value, 'case_acknowledged', () => acknowledgement());

      // Assess
      expect(outcome).toEqual({ status: 'failed', error: recorded });
      expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, calls);
      expect((await caseOf(fixture, value.caseId)).notificationsSent).toBeUndefined();
      const failures = await failuresOf(value.caseId);
      expect(failures).toEqual([
        expect.objectContaining({
          visibility: 'internal',
          details: { notification: 'case_acknowledged', error: recorded },
        }),
      ]);
      expect(JSON.stringify(failures)).not.toContain(ADDRESS);
    },
  );

  it('records NoRecipientsError without calling SES when there is nobody to send to', async () => {
    // Prepare
    const value = await storedCase();

    // Act
    const outcome = await notify(dependencies, value, 'review_requested', () => acknowledgement([]));

    // Assess
    expect(outcome).toEqual({ status: 'failed', error: 'NoRecipientsError' });
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
    expect((await failuresOf(value.caseId)).map((event) => event.details)).toEqual([
      { notification: 'review_requested', error: 'NoRecipientsError' },
    ]);
  });

  it('sends the email again after a failure, since its key was never recorded', async () => {
    // Prepare
    ses.on(SendEmailCommand).rejectsOnce(rejected()).resolves({ MessageId: 'ses-3' });
    const value = await storedCase();
    await notify(dependencies, value, 'case_acknowledged', () => acknowledgement());

    // Act
    const outcome = await notify(dependencies, await caseOf(fixture, value.caseId), 'case_acknowledged', () =>
      acknowledgement(),
    );

    // Assess
    expect(outcome).toEqual({ status: 'sent' });
    expect((await caseOf(fixture, value.caseId)).notificationsSent).toEqual(['case_acknowledged']);
  });
});
