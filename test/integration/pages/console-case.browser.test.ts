import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { newWatchedPage, seriousAxeViolations, signInLocally, type WatchedPage } from '../../support/console-pages.js';
import { api, waitFor, type TestStack, startTestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { customerView } from '../../support/storefront.js';
import { uploadFile } from '../../support/uploads.js';
import { caseAssignedTo, newCustomer, raiseCapacity, signInAll, staffView, type Staff } from '../api/staff-fixtures.js';

/**
 * The console's case page in headless Chromium against a test stack: agent1 finds a case by its number in the queue,
 * replies (the customer is emailed), adds a note (never the customer's to see), resolves; the same with the keyboard
 * only; live notices of a customer message and of another staff member replying; store B's supervisor gets 404; a
 * cross-site post without the token is 403 and writes nothing; axe-core in en and zh-CN. Screenshots (desktop and a
 * 390 px phone, en and zh-CN) go to docs/console/.
 */
const SCREENSHOTS = join(process.cwd(), 'docs', 'console');
const MAX_PAGE_BYTES = 60 * 1024;
/** A real 1x1 PNG, so the thumbnail is drawn. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let stack: TestStack;
let staff: Staff;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const newPage = (width = 1280): Promise<WatchedPage> => newWatchedPage(browser, width);
const signIn = (page: Page, username: string) => signInLocally(page, stack.url, username);

/** A case of store A assigned to agent1, filed with a photo by a new English-speaking customer. */
const agentCase = async () => {
  const customer = newCustomer('en');
  const photo = await uploadFile(stack, stack.apiKeys.storeA, PNG);
  const caseId = await caseAssignedTo(stack, staff, 'agent1', { customer, attachments: [photo] });
  const view = await staffView(staff, caseId);
  return { caseId, caseNumber: view.caseNumber as string, customer };
};

const casePath = (caseId: string) => `/console/cases/${caseId}`;

/** Submits one of the page's forms and waits for the page it leads to. */
const submit = async (page: Page, action: string) => {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === 'POST'),
    page.click(`#action-${action} button[type=submit]`),
  ]);
  await page.waitForLoadState();
  return response;
};

const timelineTypes = async (caseId: string): Promise<string[]> =>
  ((await staffView(staff, caseId)).timeline as Array<{ type: string }>).map((event) => event.type);

describe('console case page in headless Chromium', () => {
  it('lets agent1 find a case by its number, reply, note and resolve, with the customer emailed only the reply', async () => {
    const { caseId, caseNumber, customer } = await agentCase();
    const { context, page, problems } = await newPage();
    await signIn(page, 'agent1');

    // Found by its number in the queue.
    await Promise.all([page.waitForURL(`${stack.url}${casePath(caseId)}`), page.click(`text=${caseNumber}`)]);
    expect(await page.textContent('h1')).toBe(`Case ${caseNumber}`);
    expect(await page.locator('.file img').evaluate((image) => (image as { naturalWidth: number }).naturalWidth)).toBe(
      1,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.fill('#reply-body', 'We will refund you today.');
    expect((await submit(page, 'reply')).status()).toBe(303);
    expect(await page.textContent('.notice')).toBe('Reply sent: the customer is emailed.');
    await stack.workQueue.settled();
    const replyEmail = await waitFor(async () =>
      (await emailsTo(stack, customer.email)).find((email) => email.text.includes('We will refund you today.')),
    );
    expect(replyEmail.subject).toContain(caseNumber);

    await page.fill('#note-body', 'Internal: batch 42 leaks, tell QA.');
    expect((await submit(page, 'note')).status()).toBe(303);
    expect(await page.textContent('.notice')).toBe('Note added (internal).');
    expect(await page.locator('.event.internal', { hasText: 'batch 42 leaks' }).textContent()).toContain('Internal');

    // A form the API refuses: the page again with the error next to the field, nothing written.
    const before = await timelineTypes(caseId);
    await page.selectOption('#resolve-resolutionType', 'guidance');
    expect((await submit(page, 'resolve')).status()).toBe(400);
    expect(await page.textContent('#resolve-rootCause-error')).toBe('Please choose one of the options.');
    expect(await page.textContent('#resolve-summary-error')).toBe('Please fill this in.');
    expect(await page.inputValue('#resolve-resolutionType')).toBe('guidance');
    expect(await timelineTypes(caseId)).toEqual(before);

    await page.selectOption('#resolve-rootCause', 'misuse');
    await page.fill('#resolve-summary', 'Explained how to descale the kettle.');
    expect((await submit(page, 'resolve')).status()).toBe(303);
    expect(await page.textContent('.notice')).toBe('Case resolved.');
    expect((await staffView(staff, caseId)).status).toBe('resolved');

    // The customer never sees the note: not in their view, not in any email.
    const view = JSON.stringify(await customerView(stack, caseId));
    expect(view).toContain('We will refund you today.');
    expect(view).not.toContain('batch 42');
    await stack.workQueue.settled();
    for (const email of await emailsTo(stack, customer.email)) {
      expect(`${email.subject}${email.text}${email.html}`).not.toContain('batch 42');
    }
    // The refused form's page came with its 400, which the browser logs; nothing else went wrong.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await context.close();
  });

  it('replies and resolves with the keyboard only, shortcuts listed on ?', async () => {
    const { caseId, customer } = await agentCase();
    const { context, page, problems } = await newPage();
    await signIn(page, 'agent1');
    await page.goto(`${stack.url}${casePath(caseId)}`);

    await page.keyboard.press('?');
    expect(await page.getAttribute('#shortcuts', 'open')).toBe('');
    expect(await page.textContent('#shortcuts')).toContain('Write a reply');
    await page.keyboard.press('Escape');

    await page.keyboard.press('r');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id,
      ),
    ).toBe('reply-body');
    await page.keyboard.type('Thanks, the replacement ships tomorrow.');
    // The reply box, then the photo's checkbox, then the submit button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/notice=reply/), page.keyboard.press('Enter')]);
    await stack.workQueue.settled();
    await waitFor(async () =>
      (await emailsTo(stack, customer.email)).find((email) => email.text.includes('replacement ships tomorrow')),
    );

    await page.keyboard.press('s');
    await page.keyboard.type('Guid'); // the resolution type's select: Guidance
    await page.keyboard.press('Tab'); // amount (none for guidance)
    await page.keyboard.press('Tab'); // currency
    await page.keyboard.press('Tab'); // reference
    await page.keyboard.press('Tab'); // root cause
    await page.keyboard.type('Oth');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Told the customer how to reset it.');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/notice=resolve/), page.keyboard.press('Enter')]);
    const view = await staffView(staff, caseId);
    expect(view.status).toBe('resolved');
    expect(view.resolution).toMatchObject({ type: 'guidance', rootCause: 'other' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells agent1 that a customer message arrived and that the supervisor is replying', async () => {
    const { caseId } = await agentCase();
    const agent = await newPage();
    const supervisor = await newPage();
    await signIn(agent.page, 'agent1');
    await signIn(supervisor.page, 'supervisor1');
    await agent.page.goto(`${stack.url}${casePath(caseId)}`);
    await supervisor.page.goto(`${stack.url}${casePath(caseId)}`);

    await supervisor.page.fill('#reply-body', 'Drafting…');
    await agent.page.waitForSelector('#live >> text=Chen Jing is replying');

    const posted = await api(stack).post(
      `/v1/cases/${caseId}/messages`,
      { body: 'It leaks again.' },
      { apiKey: stack.apiKeys.storeA },
    );
    expect(posted.status, posted.text).toBe(201);
    await agent.page.waitForSelector('#live >> text=A new customer message arrived.');
    await Promise.all([agent.page.waitForLoadState(), agent.page.click('#live a')]);
    expect(await agent.page.textContent('.messages')).toContain('It leaks again.');
    expect(agent.problems).toEqual([]);
    await agent.context.close();
    await supervisor.context.close();
  });

  it("answers store B's supervisor 404 on store A's case, and refuses a cross-site post without writing", async () => {
    const { caseId } = await agentCase();
    const other = await newPage();
    await signIn(other.page, 'supervisor3');
    const response = await other.page.goto(`${stack.url}${casePath(caseId)}`);
    expect(response?.status()).toBe(404);
    expect(await other.page.textContent('h1')).toBe('Case not found');
    await other.context.close();

    const { context, page } = await newPage();
    await signIn(page, 'agent1');
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    const before = await timelineTypes(caseId);
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${stack.url}${casePath(caseId)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const crossSite = await post({ origin: 'https://evil.example' }, 'action=note&body=pwned');
    const noToken = await post({ origin: stack.url }, 'action=note&body=pwned');
    expect(crossSite.status).toBe(403);
    expect(noToken.status).toBe(403);
    expect(await timelineTypes(caseId)).toEqual(before);
    await context.close();
  });

  it('passes axe-core in en and zh-CN, fits a 390 px phone, stays under 60 KB; screenshots', async () => {
    const { caseId } = await agentCase();
    await staff.agent1.post(`/v1/staff/cases/${caseId}/notes`, { body: 'Customer called twice.' });
    for (const [width, device] of [
      [1280, 'desktop'],
      [390, 'phone'],
    ] as const) {
      const { context, page, problems } = await newPage(width);
      await signIn(page, 'agent1');
      for (const locale of ['en', 'zh-CN'] as const) {
        const response = await page.goto(`${stack.url}${casePath(caseId)}?lang=${locale}`);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(await seriousAxeViolations(page)).toEqual([]);
        const width = await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        );
        expect(width).toBeLessThanOrEqual(device === 'phone' ? 390 : 1280);
        const html = await (await fetch(page.url(), { headers: { cookie: await cookieOf(context) } })).text();
        // One document and at most two static assets (its script and the console's clock), 60 KB together.
        const scripts = await page.$$eval('script[src]', (elements) =>
          elements.map((element) => (element as unknown as { src: string }).src),
        );
        expect(scripts.length).toBeGreaterThanOrEqual(1);
        expect(scripts.length).toBeLessThanOrEqual(2);
        let scriptBytes = 0;
        for (const script of scripts) scriptBytes += (await (await fetch(script)).arrayBuffer()).byteLength;
        expect(Buffer.byteLength(html) + scriptBytes).toBeLessThanOrEqual(MAX_PAGE_BYTES);
        await page.screenshot({ path: join(SCREENSHOTS, `case-${locale}-${device}.png`), fullPage: true });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});

const cookieOf = async (context: BrowserContext): Promise<string> =>
  (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
