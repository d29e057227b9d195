import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxMailer, type OutboxEmail } from '../../../local/outbox-mailer.js';
import { renderOutboxPage } from '../../../local/outbox-page.js';
import type { OutgoingEmail } from '../../../functions/ports/mailer.js';

const email = (subject: string): OutgoingEmail => ({
  to: ['li.lei@example.com'],
  subject,
  text: `${subject}\n\nText part.`,
  html: `<p>${subject}</p>`,
  tags: { kind: 'case_acknowledged' },
});

describe('Class: OutboxMailer', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'outbox-mailer-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes one JSON file per email when an email is sent', async () => {
    // Prepare
    const mailer = new OutboxMailer({ directory, clock: () => new Date('2026-11-22T08:00:00.000Z') });

    // Act
    const { messageId } = await mailer.send(email('Hello'));

    // Assess
    expect(await readdir(directory)).toEqual([`${messageId}.json`]);
    const stored: unknown = JSON.parse(await readFile(join(directory, `${messageId}.json`), 'utf8'));
    expect(stored).toEqual({
      id: messageId,
      to: ['li.lei@example.com'],
      subject: 'Hello',
      text: 'Hello\n\nText part.',
      html: '<p>Hello</p>',
      tags: { kind: 'case_acknowledged' },
      sentAt: '2026-11-22T08:00:00.000Z',
    });
  });

  it('creates the folder when it does not exist yet', async () => {
    // Prepare
    const nested = join(directory, 'a', 'b');
    const mailer = new OutboxMailer({ directory: nested });

    // Act
    await mailer.send({ ...email('No tags'), tags: undefined });

    // Assess
    const [listed] = await mailer.list();
    expect(listed?.subject).toBe('No tags');
    expect(listed?.tags).toEqual({});
  });

  it('lists emails newest first when they were sent at different times', async () => {
    // Prepare
    let now = new Date('2026-11-22T08:00:00.000Z');
    const mailer = new OutboxMailer({ directory, clock: () => now });
    await mailer.send(email('first'));
    now = new Date('2026-11-22T09:00:00.000Z');
    await mailer.send(email('third'));
    now = new Date('2026-11-22T08:30:00.000Z');
    await mailer.send(email('second'));

    // Act
    const listed = await mailer.list();

    // Assess
    expect(listed.map((sent) => sent.subject)).toEqual(['third', 'second', 'first']);
  });

  it('lists emails in reverse send order when they were sent in the same millisecond', async () => {
    // Prepare
    const mailer = new OutboxMailer({ directory, clock: () => new Date('2026-11-22T08:00:00.000Z') });
    const other = new OutboxMailer({ directory, clock: () => new Date('2026-11-22T08:00:00.000Z') });
    for (const subject of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']) {
      await (Number(subject) % 2 === 0 ? other : mailer).send(email(subject));
    }

    // Act
    const listed = await mailer.list();

    // Assess
    expect(listed.map((sent) => sent.subject)).toEqual(['11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
  });

  it('returns an empty list when the folder does not exist', async () => {
    // Prepare
    const mailer = new OutboxMailer({ directory: join(directory, 'missing') });

    // Act & Assess
    expect(await mailer.list()).toEqual([]);
  });

  it('skips files that are not outbox emails when listing', async () => {
    // Prepare
    const mailer = new OutboxMailer({ directory });
    await mailer.send(email('real'));
    await writeFile(join(directory, 'notes.txt'), 'hello');
    await writeFile(join(directory, 'msg_broken.json'), '{ not json');
    await writeFile(join(directory, 'msg_other.json'), JSON.stringify({ hello: 'world' }));

    // Act
    const listed = await mailer.list();

    // Assess
    expect(listed.map((sent) => sent.subject)).toEqual(['real']);
  });
});

describe('Function: renderOutboxPage', () => {
  const hostile: OutboxEmail = {
    id: 'msg_000001795000000_00000001_abcdef',
    to: ['"<b>x</b>"@example.com'],
    subject: '<script>alert("subject")</script>',
    text: '</pre><script>alert("text")</script>',
    html: '<p onclick="alert(1)">Hi &amp; bye</p><script>alert("html")</script>',
    tags: { kind: '<i>k</i>' },
    sentAt: '2026-11-22T08:00:00.000Z',
  };

  it('escapes every value and frames the email html from its own URL, sandboxed, when emails carry markup', () => {
    // Act
    const page = renderOutboxPage([hostile]);

    // Assess
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>x</b>');
    expect(page).not.toContain('<i>k</i>');
    expect(page).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;');
    expect(page).toContain('<pre>&lt;/pre&gt;&lt;script&gt;');
    expect(page).toContain(
      'sandbox="" referrerpolicy="no-referrer" title="&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;" ' +
        'src="/_local/outbox/msg_000001795000000_00000001_abcdef.html"',
    );
    expect(page).not.toContain('srcdoc');
    expect(page).not.toContain('onclick');
    expect(page).toContain('<time datetime="2026-11-22T08:00:00.000Z">');
    expect(page).toContain('Content-Security-Policy');
  });

  it('keeps the given order and shows a count when there are several emails', () => {
    // Prepare
    const newer = { ...hostile, id: 'msg_2', subject: 'Newer' };
    const older = { ...hostile, id: 'msg_1', subject: 'Older' };

    // Act
    const page = renderOutboxPage([newer, older]);

    // Assess
    expect(page).toContain('Outbox: 2 emails');
    expect(page.indexOf('Newer')).toBeLessThan(page.indexOf('Older'));
  });

  it('says the outbox is empty when there are no emails', () => {
    // Act
    const page = renderOutboxPage([]);

    // Assess
    expect(page).toContain('No emails sent yet.');
    expect(page).not.toContain('<article');
  });
});
