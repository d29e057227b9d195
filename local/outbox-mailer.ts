import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, OutgoingEmail } from '../functions/ports/mailer.js';

/** One sent email as the local outbox keeps it (one JSON file each). */
export interface OutboxEmail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  tags: Record<string, string>;
  sentAt: string;
}

export interface OutboxMailerOptions {
  directory: string;
  clock?: () => Date;
  /** The local stack's origin: staff emails link the console's case pages under it. */
  consoleBaseUrl?: string;
}

// Shared by every instance in the process, so ids keep their order even when several mailers write to one folder.
let sequence = 0;

/** `msg_<epoch ms, 15 digits>_<sequence, 8 digits>_<random>`: sorts by time, then by send order within a millisecond. */
const newMessageId = (sentAt: Date): string => {
  sequence += 1;
  const time = String(sentAt.getTime()).padStart(15, '0');
  const seq = String(sequence).padStart(8, '0');
  return `msg_${time}_${seq}_${randomBytes(3).toString('hex')}`;
};

const isOutboxEmail = (value: unknown): value is OutboxEmail => {
  if (typeof value !== 'object' || value === null) return false;
  const email = value as Record<string, unknown>;
  return (
    typeof email.id === 'string' &&
    Array.isArray(email.to) &&
    typeof email.subject === 'string' &&
    typeof email.text === 'string' &&
    typeof email.html === 'string' &&
    typeof email.sentAt === 'string'
  );
};

/** What `newMessageId` makes: nothing else names a file of the outbox (no path can be smuggled in). */
const MESSAGE_ID_PATTERN = /^msg_\d{15}_\d{8}_[0-9a-f]{6}$/;

/** Newest first; within the same instant, the later send (higher id) first. */
const newestFirst = (a: OutboxEmail, b: OutboxEmail): number =>
  b.sentAt.localeCompare(a.sentAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The local stack's mailer: every email becomes a JSON file in a folder instead of leaving the machine. */
export class OutboxMailer implements Mailer {
  private readonly directory: string;
  private readonly clock: () => Date;

  readonly consoleBaseUrl?: string;

  constructor(options: OutboxMailerOptions) {
    this.directory = options.directory;
    if (options.consoleBaseUrl) this.consoleBaseUrl = options.consoleBaseUrl.replace(/\/+$/, '');
    this.clock = options.clock ?? (() => new Date());
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const sentAt = this.clock();
    const stored: OutboxEmail = {
      id: newMessageId(sentAt),
      to: [...email.to],
      subject: email.subject,
      text: email.text,
      html: email.html,
      tags: { ...email.tags },
      sentAt: sentAt.toISOString(),
    };
    await mkdir(this.directory, { recursive: true });
    // Written under a temporary name first, so a concurrent `list` never reads half a file.
    const file = join(this.directory, `${stored.id}.json`);
    const partial = `${file}.partial`;
    await writeFile(partial, `${JSON.stringify(stored, null, 2)}\n`, 'utf8');
    await rename(partial, file);
    return { messageId: stored.id };
  }

  /** One email by its id, or undefined (an unknown or malformed id). */
  async find(id: string): Promise<OutboxEmail | undefined> {
    if (!MESSAGE_ID_PATTERN.test(id)) return undefined;
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.directory, `${id}.json`), 'utf8'));
      return isOutboxEmail(parsed) && parsed.id === id ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every email in the outbox, newest first. An absent folder is an empty outbox. */
  async list(): Promise<OutboxEmail[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const emails = await Promise.all(
      names
        .filter((name) => name.startsWith('msg_') && name.endsWith('.json'))
        .map(async (name) => {
          try {
            const parsed: unknown = JSON.parse(await readFile(join(this.directory, name), 'utf8'));
            return isOutboxEmail(parsed) ? parsed : undefined;
          } catch {
            return undefined; // a file edited by hand or removed meanwhile: not an email
          }
        }),
    );
    return emails.filter((email): email is OutboxEmail => email !== undefined).sort(newestFirst);
  }
}
