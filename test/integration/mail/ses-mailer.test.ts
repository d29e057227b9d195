import {
  MessageRejected,
  SESv2Client,
  SendEmailCommand,
  SESv2ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../../functions/adapters/mail/ses-mailer.js';
import { TransientError } from '../../../functions/domain/errors.js';
import type { OutgoingEmail } from '../../../functions/ports/mailer.js';

const client = new SESv2Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
});
const sesMock = mockClient(client);

const email: OutgoingEmail = {
  to: ['li.lei@example.com'],
  subject: '【小熊电器】已收到您的售后申请（服务单号 AS-20261122-0001）',
  text: '李雷，您好：\n\n我们已收到您的售后申请。\n',
  html: '<p>李雷，您好：</p>',
  tags: { kind: 'case_acknowledged', store: 'store-1' },
};

describe('Class: SesMailer', () => {
  afterEach(() => {
    sesMock.reset();
  });

  it('sends a UTF-8 simple email with the configuration set and tags when both are given', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-message-1' });
    const mailer = new SesMailer({ client, from: 'service@shop.example', configurationSet: 'after-sales' });

    // Act
    const result = await mailer.send(email);

    // Assess
    expect(result).toEqual({ messageId: 'ses-message-1' });
    expect(sesMock).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
      FromEmailAddress: 'service@shop.example',
      Destination: { ToAddresses: ['li.lei@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: email.text, Charset: 'UTF-8' },
            Html: { Data: email.html, Charset: 'UTF-8' },
          },
        },
      },
      ConfigurationSetName: 'after-sales',
      EmailTags: [
        { Name: 'kind', Value: 'case_acknowledged' },
        { Name: 'store', Value: 'store-1' },
      ],
    });
  });

  it('sends without ConfigurationSetName or EmailTags when neither is given', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-message-2' });
    const mailer = new SesMailer({ client, from: 'service@shop.example' });

    // Act
    await mailer.send({ ...email, to: ['a@example.com', 'b@example.com'], tags: undefined });

    // Assess
    expect(sesMock).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: 'service@shop.example',
      Destination: { ToAddresses: ['a@example.com', 'b@example.com'] },
    });
    const input = sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty('ConfigurationSetName');
    expect(input).not.toHaveProperty('EmailTags');
  });

  it('sends tags reduced to the characters SES allows when names or values carry others', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-message-3' });
    const mailer = new SesMailer({ client, from: 'service@shop.example', configurationSet: 'after-sales' });

    // Act
    await mailer.send({
      ...email,
      tags: { 'store id': 'shop.cn/1', locale: 'zh-CN', empty: '', long: 'x'.repeat(300), 'kind.': 'a', 'kind/': 'b' },
    });

    // Assess
    expect(sesMock).toHaveReceivedCommandWith(SendEmailCommand, {
      EmailTags: [
        { Name: 'store_id', Value: 'shop_cn_1' },
        { Name: 'locale', Value: 'zh-CN' },
        { Name: 'empty', Value: '_' },
        { Name: 'long', Value: 'x'.repeat(256) },
        { Name: 'kind_', Value: 'b' },
      ],
    });
  });

  it('throws a TransientError keeping the cause when SES throttles', async () => {
    // Prepare
    const throttled = new TooManyRequestsException({
      message: 'Too many requests',
      $metadata: { httpStatusCode: 429 },
    });
    sesMock.on(SendEmailCommand).rejects(throttled);
    const mailer = new SesMailer({ client, from: 'service@shop.example' });

    // Act
    const error = await mailer.send(email).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).name).toBe('TransientError');
    expect((error as TransientError).cause).toBe(throttled);
    expect((error as TransientError).message).not.toContain('li.lei@example.com');
  });

  it('throws a TransientError when SES fails with a 5xx', async () => {
    // Prepare
    const unavailable = new SESv2ServiceException({
      name: 'ServiceUnavailable',
      $fault: 'server',
      message: 'Service unavailable',
      $metadata: { httpStatusCode: 503 },
    });
    sesMock.on(SendEmailCommand).rejects(unavailable);
    const mailer = new SesMailer({ client, from: 'service@shop.example' });

    // Act & Assess
    await expect(mailer.send(email)).rejects.toSatisfy(
      (error: unknown) => error instanceof TransientError && error.cause === unavailable,
    );
  });

  it('rethrows the error as it came when SES rejects the message', async () => {
    // Prepare
    const rejected = new MessageRejected({
      message: 'Email address is not verified.',
      $metadata: { httpStatusCode: 400 },
    });
    sesMock.on(SendEmailCommand).rejects(rejected);
    const mailer = new SesMailer({ client, from: 'service@shop.example' });

    // Act & Assess
    await expect(mailer.send(email)).rejects.toBe(rejected);
  });

  it('throws without calling SES when the email has no recipient', async () => {
    // Prepare
    const mailer = new SesMailer({ client, from: 'service@shop.example' });

    // Act & Assess
    await expect(mailer.send({ ...email, to: [] })).rejects.toThrow('at least one recipient');
    expect(sesMock).not.toHaveReceivedCommand(SendEmailCommand);
  });
});
