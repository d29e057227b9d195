import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { caseAssignedTo, raiseCapacity, signInAll, type Staff } from '../api/staff-fixtures.js';

/**
 * The staff console's foundation in headless Chromium against a test stack: local sign-in as agent1, the queue in
 * due-time order, the language switch, sign-out, axe-core on the sign-in and queue pages in both languages, and the
 * session and CSRF refusals over plain HTTP. Screenshots (desktop and a 390 px phone, en and zh-CN) go to docs/console/.
 */
const SCREENSHOTS = join(process.cwd(), 'docs', 'console');
const MAX_PAGE_BYTES = 60 * 1024;

let stack: TestStack;
let staff: Staff;
let browser: Browser;
let agentCases: string[];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
  agentCases = [];
  for (const urgency of ['low', 'high', 'medium'] as const) {
    agentCases.push(await caseAssignedTo(stack, staff, 'agent1', { urgency }));
  }
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const axeViolations = async (page: Page): Promise<string[]> => {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run(
      (globalThis as unknown as { document: axe.ElementContext }).document,
      { resultTypes: ['violations'] },
    ),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}`);
};

const newPage = async (width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> => {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
};

const signIn = async (page: Page, username: string): Promise<void> => {
  await page.goto(`${stack.url}/console`);
  expect(new URL(page.url()).pathname).toBe('/console/sign-in');
  await page.selectOption('#username', username);
  await Promise.all([page.waitForURL(`${stack.url}/console`), page.click('button[type=submit]')]);
};

/** The queue's case numbers in page order. */
const queueOrder = (page: Page) => page.$$eval('tbody tr td:first-child a', (links) => links.map((a) => a.textContent));

/** The store's view of agent1's queue, ordered by the next due time (what the page must show). */
const expectedOrder = async (): Promise<string[]> => {
  const { items } = (await staff.agent1.get('/v1/staff/cases?limit=100')).json as {
    items: Array<{ caseNumber: string; nextDueAt: string | null }>;
  };
  const due = (value: string | null) => (value === null ? Number.POSITIVE_INFINITY : Date.parse(value));
  return [...items].sort((a, b) => due(a.nextDueAt) - due(b.nextDueAt)).map((item) => item.caseNumber);
};

const scrollWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
        .scrollWidth,
  );

describe('staff console in headless Chromium', () => {
  it('signs agent1 in, shows the queue by due time, switches language and signs out (desktop)', async () => {
    const { context, page, problems } = await newPage(1280);
    await page.goto(`${stack.url}/console/sign-in`);
    expect(await page.textContent('h1')).toBe('Sign in to the console');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-en.png'), fullPage: true });

    await signIn(page, 'agent1');
    expect(await page.textContent('h1')).toBe('My queue');
    expect(await page.textContent('header')).toContain('Wang Fang · store-a');
    const order = await queueOrder(page);
    expect(order.length).toBeGreaterThanOrEqual(agentCases.length);
    expect(order).toEqual(await expectedOrder());
    expect(await page.locator('tbody time').first().textContent()).toMatch(/^due in \d+ (min|h|days?)$/);
    expect(await page.locator('header nav a').allTextContents()).toEqual(['Queue']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-en.png'), fullPage: true });

    await Promise.all([page.waitForURL(`${stack.url}/console`), page.click('a[hreflang=zh-CN]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('我的队列');
    expect(await page.locator('tbody time').first().textContent()).toMatch(/后到期$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-zh-CN.png'), fullPage: true });

    // The choice is remembered: the sign-in page after signing out is in Chinese too.
    const [signOut] = await Promise.all([
      page.waitForResponse(`${stack.url}/console/sign-out`),
      page.click('header button'),
    ]);
    expect(signOut.status()).toBe(303);
    await page.waitForURL(`${stack.url}/console/sign-in`);
    expect(await page.textContent('h1')).toBe('登录工作台');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-zh-CN.png'), fullPage: true });
    await page.goto(`${stack.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 390 px phone in both languages', async () => {
    const { context, page, problems } = await newPage(390);
    await signIn(page, 'agent1');
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.goto(`${stack.url}/console?lang=${locale}`);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `queue-phone-${locale}.png`), fullPage: true });
    }
    await page.context().clearCookies();
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.goto(`${stack.url}/console/sign-in?lang=${locale}`);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(SCREENSHOTS, `sign-in-phone-${locale}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('staff console over HTTP', () => {
  /** A session cookie of agent1, from a same-origin sign-in post. */
  const sessionOf = async (username: string): Promise<string> => {
    const response = await fetch(`${stack.url}/console/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
      body: `username=${username}`,
    });
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^console_session=[^;]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax$/);
    return cookie.split(';')[0] as string;
  };
  const get = (path: string, cookie?: string) =>
    fetch(`${stack.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('sends a browser without a session, or with a tampered one, to sign in; the queue page stays under 60 KB', async () => {
    const cookie = await sessionOf('agent1');
    const queue = await get('/console', cookie);
    expect(queue.status).toBe(200);
    expect(queue.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.byteLength(await queue.text())).toBeLessThan(MAX_PAGE_BYTES);
    const signInPage = await get('/console/sign-in');
    expect(Buffer.byteLength(await signInPage.text())).toBeLessThan(MAX_PAGE_BYTES);

    const [name, value] = cookie.split('=') as [string, string];
    const [version, payload, signature] = value.split('.') as [string, string, string];
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...session, roles: ['admin'] })).toString('base64url');
    for (const sent of [undefined, `${name}=${version}.${promoted}.${signature}`, `${name}=${value}x`]) {
      const answer = await get('/console', sent);
      expect(answer.status, sent).toBe(303);
      expect(answer.headers.get('location')).toBe('/console/sign-in');
    }
  });

  it('refuses a cross-site post or one without the CSRF token with 403, and the session lives on', async () => {
    const cookie = await sessionOf('agent1');
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${stack.url}/console/sign-out`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const queuePage = await (await get('/console', cookie)).text();
    const token = /name="csrf" value="([^"]+)"/.exec(queuePage)?.[1] ?? '';
    expect(token).not.toBe('');
    for (const [headers, body] of [
      [{ origin: 'https://evil.example' }, `csrf=${token}`],
      [{ origin: stack.url }, ''],
      [{ origin: stack.url }, 'csrf=forged'],
      [{}, `csrf=${token}`],
    ] as const) {
      const refused = await post(headers, body);
      expect(refused.status, JSON.stringify([headers, body])).toBe(403);
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    expect((await get('/console', cookie)).status).toBe(200);
    const signedOut = await post({ origin: stack.url }, `csrf=${token}`);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('set-cookie')).toMatch(/^console_session=; Path=\/; Max-Age=0;/);
  });

  it('refuses a cross-site sign-in post (login CSRF)', async () => {
    const answer = await fetch(`${stack.url}/console/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'username=admin1',
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie')).toBeNull();
  });
});
