import { SendEmailCommand, type MessageTag, type SESv2Client } from '@aws-sdk/client-sesv2';
import { TransientError } from '../../domain/errors.js';
import { isTransientAwsError } from '../transient-errors.js';
import type { Mailer, OutgoingEmail } from '../../ports/mailer.js';
import { errorName } from '../../commons/logger.js';

export interface SesMailerOptions {
  client: SESv2Client;
  /** Verified sender identity, e.g. `"Shop service" <service@shop.example>`. */
  from: string;
  /** SES configuration set that publishes delivery events (bounces, complaints) for the tags below. */
  configurationSet?: string;
  /** Where the staff console is served; staff emails link their case's page under it. */
  consoleBaseUrl?: string | undefined;
}

const CHARSET = 'UTF-8';
const MAX_TAG_LENGTH = 256;

/** SES accepts only ASCII letters, digits, `_` and `-` in tag names and values, 256 characters at most. */
export const sanitizeTagPart = (value: string): string =>
  value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, MAX_TAG_LENGTH);

/** Names that collide once sanitized keep the last value: SES refuses a message with a repeated tag name. */
const toEmailTags = (tags: Record<string, string> | undefined): MessageTag[] => {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(tags ?? {})) {
    const safeName = sanitizeTagPart(name);
    if (safeName !== '') byName.set(safeName, sanitizeTagPart(value) || '_');
  }
  return [...byName].map(([Name, Value]) => ({ Name, Value }));
};

/**
 * Sends through SES v2 (`SendEmail`, simple content, UTF-8). Throttling and server-side failures become
 * `TransientError` (the cause kept) so the notifier retries them; anything else (an unverified
 * identity, a rejected message) is rethrown as it came. Nothing here logs: addresses and names are personal data.
 */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;
  private readonly from: string;
  private readonly configurationSet?: string;
  readonly consoleBaseUrl?: string;

  constructor(options: SesMailerOptions) {
    this.client = options.client;
    this.from = options.from;
    this.configurationSet = options.configurationSet;
    if (options.consoleBaseUrl) this.consoleBaseUrl = options.consoleBaseUrl.replace(/\/+$/, '');
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    if (email.to.length === 0) throw new Error('An email needs at least one recipient');
    const tags = toEmailTags(email.tags);
    const command = new SendEmailCommand({
      FromEmailAddress: this.from,
      Destination: { ToAddresses: email.to },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: CHARSET },
          Body: {
            Text: { Data: email.text, Charset: CHARSET },
            Html: { Data: email.html, Charset: CHARSET },
          },
        },
      },
      ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      ...(tags.length > 0 ? { EmailTags: tags } : {}),
    });

    let messageId: string | undefined;
    try {
      ({ MessageId: messageId } = await this.client.send(command));
    } catch (error) {
      if (isTransientAwsError(error)) {
        throw new TransientError(`SES SendEmail failed transiently (${errorName(error)})`, { cause: error });
      }
      throw error;
    }
    if (!messageId) throw new Error('SES SendEmail returned no MessageId');
    return { messageId };
  }
}
