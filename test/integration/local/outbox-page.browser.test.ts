import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { api, startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { emailsTo } from '../../support/outbox.js';
import { fileCase } from '../../support/storefront.js';

/**
 * The local outbox page in a real headless Chromium: each HTML email must render inside its frame (not a blank box).
 * The screenshot goes to `test-results/outbox/` for a person to look at.
 */
const SCREENSHOTS = join(process.cwd(), 'test-results', 'outbox');

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('Local: /_local/outbox.html in Chromium', () => {
  it('shows the acknowledgement email rendered inside its frame', async () => {
    // Prepare: a case filed, so its acknowledgement (with the case number) is in the outbox.
    const customer = `outbox-page-${Date.now()}@example.com`;
    await fileCase(stack, { customer: { id: 'c-outbox', email: customer, name: 'Jane Doe', locale: 'en' } });
    const [email] = await waitFor(async () => {
      const emails = await emailsTo(stack, customer);
      return emails.length ? emails : undefined;
    });
    const caseNumber = /[A-Z0-9]+-\d{8}-\d{4,}/.exec(email?.subject ?? '')?.[0];
    expect(caseNumber).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Blocked/i.test(message.text())) blocked.push(message.text());
    });

    // Act
    await page.goto(`${stack.url}/_local/outbox.html`);
    const frameElement = page.locator(`article[id="${email?.id}"] iframe`);
    await frameElement.scrollIntoViewIfNeeded();

    // Assess: the email's own text is laid out inside the frame, and the frame is not blank.
    const frame = await (await frameElement.elementHandle())?.contentFrame();
    expect(frame).toBeTruthy();
    const body = frame?.locator('body');
    await expect.poll(async () => (await body?.innerText()) ?? '').toContain(caseNumber);
    await page.screenshot({ path: join(SCREENSHOTS, 'outbox.png') }); // once the frame shows the email
    const box = await frame?.locator('body').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(100);
    const framePixels = await frameElement.screenshot({ path: join(SCREENSHOTS, 'email-frame.png') });
    expect(distinctByteValues(framePixels)).toBeGreaterThan(64);
    expect(blocked).toEqual([]);
  });

  it("serves each email's HTML at its own URL under a sandboxing CSP, and 404 for any other name", async () => {
    // Prepare
    const [email] = await stack.outbox.list();

    // Act
    const framed = await api(stack).get(`/_local/outbox/${email?.id}.html`);
    const unknown = await api(stack).get('/_local/outbox/msg_000000000000000_00000000_000000.html');
    const traversal = await api(stack).get('/_local/outbox/..%2F..%2Fpackage.json');

    // Assess
    expect(framed.status).toBe(200);
    expect(framed.text).toBe(email?.html);
    expect(framed.headers.get('content-type')).toMatch(/^text\/html/);
    expect(framed.headers.get('content-security-policy')).toMatch(/default-src 'none'.*; sandbox$/);
    expect(unknown.status).toBe(404);
    expect(traversal.status).toBe(404);
  });
});

/** A blank frame screenshot is a tiny PNG of few distinct byte values; a rendered email has text and colours. */
const distinctByteValues = (png: Buffer): number => new Set(png).size;
