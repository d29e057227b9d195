import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import {
  newWatchedPage,
  scrollWidth,
  seriousAxeViolations,
  signInLocally,
  type WatchedPage,
} from '../../support/console-pages.js';
import { policyFormValues } from '../../../functions/pages/console/admin/policy-form.js';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { signInAll, type Staff } from '../api/staff-fixtures.js';

/**
 * The console's admin and report pages in headless Chromium against a test stack: an admin adds a holiday on the SLA
 * page (the SLA API shows it), saves the auto-review policy page untouched (the same policy) and with a new return
 * window (refused when invalid or stale), adds an agent (who can then sign in), edits an agent without losing a field, a supervisor
 * opens the KPI page with the session and downloads its CSV; an agent gets 403 pages; a cross-site post is refused and
 * writes nothing. axe-core on each page, the 60 KB budget, a 390 px phone, both languages. Screenshots of the SLA,
 * policy and KPI pages go to docs/console/.
 */
const SCREENSHOTS = join(process.cwd(), 'docs', 'console');
const MAX_PAGE_BYTES = 60 * 1024;
const HOLIDAY = '2027-05-03';

let stack: TestStack;
let staff: Staff;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  staff = await signInAll(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const newPage = (width = 1280): Promise<WatchedPage> => newWatchedPage(browser, width, { acceptDownloads: true });
const signIn = (page: Page, username: string) =>
  signInLocally(page, stack.url, username, `${stack.url}/console/sign-in?lang=en`);

/** The page's document size (HTML with its inline CSS and JS: the console pages load nothing else). */
const documentBytes = (page: Page) =>
  page.evaluate(
    () =>
      new TextEncoder().encode(
        (globalThis as unknown as { document: { documentElement: { outerHTML: string } } }).document.documentElement
          .outerHTML,
      ).length,
  );

describe('console admin pages in headless Chromium', () => {
  it('an admin adds a holiday on the SLA page and the SLA API shows it; bad input is shown beside its field', async () => {
    const { context, page, problems } = await newPage(1280);
    await signIn(page, 'admin1');
    expect(await page.locator('header nav a').allTextContents()).toContain('Admin');
    await page.goto(`${stack.url}/console/admin/sla`);
    expect(await page.textContent('h1')).toBe('SLA policy and business calendar');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await documentBytes(page)).toBeLessThan(MAX_PAGE_BYTES);

    // A date that is no date: the form comes back with the error next to the holidays, nothing saved.
    await page.fill('#f-calendar-holidays', '2027-13-40');
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(refused.status()).toBe(400);
    expect(await page.getAttribute('#f-calendar-holidays', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#f-calendar-holidays-error')).not.toBe('');
    expect(await page.inputValue('#f-calendar-holidays')).toBe('2027-13-40');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const unchanged = (await staff.admin1.get('/v1/admin/sla')).json;
    expect(unchanged.calendar.holidays ?? []).not.toContain('2027-13-40');

    await page.fill('#f-calendar-holidays', HOLIDAY);
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin/sla?saved=1`),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(await page.textContent('.notice')).toBe('Saved.');
    expect(await page.inputValue('#f-calendar-holidays')).toBe(HOLIDAY);
    const saved = (await staff.admin1.get('/v1/admin/sla')).json;
    expect(saved.calendar.holidays).toEqual([HOLIDAY]);
    expect(saved.version).toBe(unchanged.version + 1);
    // What the page did not change is as it was.
    expect(saved.targets).toEqual(unchanged.targets);
    expect(saved.escalation).toEqual(unchanged.escalation);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-sla-en.png'), fullPage: true });

    await page.goto(`${stack.url}/console/admin/sla?lang=zh-CN`);
    expect(await page.textContent('h1')).toBe('SLA 规则与工作日历');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-sla-zh-CN.png'), fullPage: true });
    // The refused save's page is a 400 document, which Chromium logs; nothing else went wrong.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await context.close();
  });

  it('an admin saves the auto-review policy page unchanged, then a new return window; the policy API shows it', async () => {
    const { context, page, problems } = await newPage(1280);
    await signIn(page, 'admin1');
    await page.goto(`${stack.url}/console/admin`);
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin/policy`),
      page.click('nav.subnav a[href="/console/admin/policy"]'),
    ]);
    expect(await page.textContent('h1')).toBe('Auto-review policy');
    expect(await page.getAttribute('nav.subnav a[href="/console/admin/policy"]', 'aria-current')).toBe('page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await documentBytes(page)).toBeLessThan(MAX_PAGE_BYTES);
    const before = (await staff.admin1.get('/v1/admin/policy')).json;
    expect(await page.textContent('main')).toContain(`Version ${before.version}`);

    // Saved untouched: the same policy, one version up (no field lost or changed by the form).
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin/policy?saved=1`),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(await page.textContent('.notice')).toBe('Saved.');
    const untouched = (await staff.admin1.get('/v1/admin/policy')).json;
    expect(untouched).toEqual({ ...before, version: before.version + 1 });

    // A window past a year: the form comes back with the error beside it, nothing saved.
    await page.fill('#f-returnWindowDays', '400');
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(refused.status()).toBe(400);
    expect(await page.getAttribute('#f-returnWindowDays', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#f-returnWindowDays-error')).not.toBe('');
    expect(await page.inputValue('#f-returnWindowDays')).toBe('400');
    expect(await page.getAttribute('#f-exchangeWindowDays', 'aria-invalid')).toBeNull();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect((await staff.admin1.get('/v1/admin/policy')).json).toEqual(untouched);

    await page.fill('#f-returnWindowDays', String(before.returnWindowDays + 3));
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin/policy?saved=1`),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(await page.inputValue('#f-returnWindowDays')).toBe(String(before.returnWindowDays + 3));
    const saved = (await staff.admin1.get('/v1/admin/policy')).json;
    expect(saved).toEqual({ ...before, returnWindowDays: before.returnWindowDays + 3, version: before.version + 2 });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-policy-en.png'), fullPage: true });

    await page.goto(`${stack.url}/console/admin/policy?lang=zh-CN`);
    expect(await page.textContent('h1')).toBe('自动审核规则');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await documentBytes(page)).toBeLessThan(MAX_PAGE_BYTES);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-policy-zh-CN.png'), fullPage: true });
    // The same refusal on the zh-CN page is worded in Chinese beside the field; nothing saved.
    await page.fill('#f-returnWindowDays', '400');
    const [refusedInChinese] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(refusedInChinese.status()).toBe(400);
    expect(await page.textContent('#f-returnWindowDays-error')).toContain('数值过大');
    expect((await staff.admin1.get('/v1/admin/policy')).json).toEqual(saved);
    await page.goto(`${stack.url}/console/admin/policy?lang=en`);

    // Another admin saves through the API meanwhile: the page's save is refused, showing what is saved now.
    await page.selectOption('#f-missingEvidence', 'reject');
    const { version: _version, ...rules } = saved;
    const elsewhere = await staff.admin1.put('/v1/admin/policy', {
      ...rules,
      warrantyDays: 700,
      version: saved.version,
    });
    expect(elsewhere.status).toBe(200);
    const [stale] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(stale.status()).toBe(409);
    expect(await page.textContent('.alert')).toContain('Someone saved this page');
    expect(await page.inputValue('#f-warrantyDays')).toBe('700');
    expect(await page.inputValue('#f-missingEvidence')).toBe(saved.missingEvidence);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect((await staff.admin1.get('/v1/admin/policy')).json).toEqual({ ...elsewhere.json });
    // The refused saves' pages are 400 (en, zh-CN) and 409 documents, which Chromium logs; nothing else went wrong.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
      'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    await context.close();
  });

  it('an admin adds an agent who can then sign in, and edits them without losing the supervisor', async () => {
    const { context, page, problems } = await newPage(1280);
    await signIn(page, 'admin1');
    await page.goto(`${stack.url}/console/admin/agents`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.fill('#f-agentId', 'zhao.lei');
    await page.fill('#f-name', 'Zhao Lei');
    await page.fill('#f-email', 'zhao.lei@store-a.example');
    await page.check('#f-skills-types-repair');
    await page.check('#f-skills-locales-en');
    await page.fill('#f-maxOpenCases', '4');
    await page.fill('#f-supervisorId', 'supervisor1');
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin/agents?added=zhao.lei`),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(await page.textContent('.notice')).toContain('zhao.lei');
    const listed = (await staff.admin1.get('/v1/admin/agents')).json.items.find(
      (agent: { agentId: string }) => agent.agentId === 'zhao.lei',
    );
    expect(listed).toMatchObject({
      name: 'Zhao Lei',
      maxOpenCases: 4,
      available: true,
      supervisorId: 'supervisor1',
      skills: { types: ['repair'], categories: [], locales: ['zh-CN', 'en'] },
    });

    // Edit: capacity and availability change; the supervisor and skills stay.
    await page.click('a[href="/console/admin/agents/zhao.lei"]');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.fill('#f-maxOpenCases', '9');
    await page.uncheck('#f-available');
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin/agents/zhao.lei?saved=1`),
      page.click('form.admin-form button[type=submit]'),
    ]);
    const edited = (await staff.admin1.get('/v1/admin/agents')).json.items.find(
      (agent: { agentId: string }) => agent.agentId === 'zhao.lei',
    );
    expect(edited).toMatchObject({ maxOpenCases: 9, available: false, supervisorId: 'supervisor1', version: 2 });
    expect(edited.skills).toEqual(listed.skills);

    // The new agent signs in (another browser) and is refused the admin pages and reports.
    const agent = await newPage(1280);
    await signIn(agent.page, 'zhao.lei');
    expect(await agent.page.textContent('header')).toContain('Zhao Lei');
    for (const path of [
      '/console/admin',
      '/console/admin/sla',
      '/console/admin/policy',
      '/console/admin/agents',
      '/console/admin/agents/zhao.lei',
      '/console/reports',
    ]) {
      const response = await agent.page.goto(`${stack.url}${path}`);
      expect(response?.status(), path).toBe(403);
      // Says why (the role), not the cross-site refusal's "did not come from a console page".
      expect(await agent.page.textContent('main'), path).toContain(
        path === '/console/reports' ? 'for the store’s supervisors and admins' : 'for the store’s admins',
      );
    }
    expect(await seriousAxeViolations(agent.page)).toEqual([]);
    await agent.context.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an admin renames the store from the console; the fields the page did not change are kept', async () => {
    const { context, page, problems } = await newPage(1280);
    await signIn(page, 'admin1');
    const before = (await staff.admin1.get('/v1/admin/store')).json;
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin`),
      page.click('header nav a[href="/console/admin"]'),
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.fill('#f-name', 'Demo Store A (console)');
    await Promise.all([
      page.waitForURL(`${stack.url}/console/admin?saved=1`),
      page.click('form.admin-form button[type=submit]'),
    ]);
    const after = (await staff.admin1.get('/v1/admin/store')).json;
    expect(after).toEqual({ ...before, name: 'Demo Store A (console)', version: before.version + 1 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an admin issues a new storefront key: shown once, working at once; a bad overlap issues nothing', async () => {
    const { context, page, problems } = await newPage(1280);
    await signIn(page, 'admin1');
    await page.goto(`${stack.url}/console/admin/api-keys`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const keysBefore = (await staff.admin1.get('/v1/admin/store/api-keys')).json.keys;

    await page.fill('#f-overlap', 'P30D');
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(refused.status()).toBe(400);
    expect(await page.getAttribute('#f-overlap', 'aria-invalid')).toBe('true');
    expect((await staff.admin1.get('/v1/admin/store/api-keys')).json.keys).toEqual(keysBefore);

    await page.fill('#f-overlap', '');
    const [issued] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.click('form.admin-form button[type=submit]'),
    ]);
    expect(issued.status()).toBe(200);
    expect(issued.headers()['cache-control']).toBe('no-store');
    const apiKey = (await page.textContent('#issued-key')) ?? '';
    expect(apiKey).toMatch(/^[0-9a-f]{64}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const storefront = await fetch(`${stack.url}/v1/cases?customerId=c-1`, { headers: { 'x-api-key': apiKey } });
    expect(storefront.status).toBe(200);
    // The old key works through the overlap; the key is never shown again.
    const old = await fetch(`${stack.url}/v1/cases?customerId=c-1`, { headers: { 'x-api-key': stack.apiKeys.storeA } });
    expect(old.status).toBe(200);
    await page.goto(`${stack.url}/console/admin/api-keys`);
    expect(await page.content()).not.toContain(apiKey);
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await context.close();
  });

  it('a supervisor opens the KPI page with the session and downloads its CSV and the cases CSV', async () => {
    const { context, page, problems } = await newPage(1280);
    await signIn(page, 'supervisor1');
    await Promise.all([
      page.waitForURL(`${stack.url}/console/reports`),
      page.click('header nav a[href="/console/reports"]'),
    ]);
    await page.waitForSelector('.chart[data-drawn="true"] >> nth=3');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'kpi-en.png'), fullPage: true });

    const [kpiCsv] = await Promise.all([page.waitForEvent('download'), page.click('a[href*="format=csv"]')]);
    const kpiText = await (await kpiCsv.createReadStream()).toArray();
    expect(Buffer.concat(kpiText).toString('utf8')).toMatch(/^\uFEFF?[a-zA-Z]/);
    expect(kpiCsv.suggestedFilename()).toMatch(/^kpis-week-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const [casesCsv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href^="/console/reports/cases.csv"]'),
    ]);
    expect(casesCsv.suggestedFilename()).toMatch(/^cases-.*\.csv$/);

    await page.click('a[href^="/console/reports/csat"]');
    expect(await page.textContent('h1')).toBe('Satisfaction (CSAT)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await documentBytes(page)).toBeLessThan(MAX_PAGE_BYTES);

    await page.goto(`${stack.url}/console/reports?lang=zh-CN`);
    await page.waitForSelector('.chart[data-drawn="true"] >> nth=3');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'kpi-zh-CN.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 390 px phone: the SLA, policy and KPI pages in both languages', async () => {
    const { context, page, problems } = await newPage(390);
    await signIn(page, 'admin1');
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.goto(`${stack.url}/console/admin/policy?lang=${locale}`);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `admin-policy-phone-${locale}.png`), fullPage: true });
      await page.goto(`${stack.url}/console/admin/sla?lang=${locale}`);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `admin-sla-phone-${locale}.png`), fullPage: true });
      await page.goto(`${stack.url}/console/reports`);
      await page.waitForSelector('.chart[data-drawn="true"] >> nth=3');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(SCREENSHOTS, `kpi-phone-${locale}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('console admin pages over HTTP', () => {
  const sessionOf = async (username: string): Promise<string> => {
    const response = await fetch(`${stack.url}/console/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
      body: `username=${username}`,
    });
    expect(response.status).toBe(303);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  };

  it('refuses a cross-site form post, or one without the token, with 403 and writes nothing', async () => {
    const cookie = await sessionOf('admin1');
    const form = await (await fetch(`${stack.url}/console/admin/sla`, { headers: { cookie } })).text();
    const token = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    expect(token).not.toBe('');
    const before = (await staff.admin1.get('/v1/admin/sla')).json;
    const agentsBefore = (await staff.admin1.get('/v1/admin/agents')).json.items.length;
    const version = String(before.version);
    const body = (csrf: string) =>
      new URLSearchParams({
        ...(csrf ? { csrf } : {}),
        version,
        'calendar.timezone': 'Asia/Shanghai',
        'calendar.holidays': '2027-10-01',
        'targets.P1.firstResponse': 'PT1H',
      }).toString();
    for (const [path, headers, sent] of [
      ['/console/admin/sla', { origin: 'https://evil.example' }, body(token)],
      ['/console/admin/sla', { origin: stack.url }, body('')],
      ['/console/admin/agents', { origin: 'https://evil.example' }, `csrf=${token}&agentId=evil&name=Evil`],
    ] as const) {
      const response = await fetch(`${stack.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: sent,
      });
      expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
    }
    expect((await staff.admin1.get('/v1/admin/sla')).json).toEqual(before);
    expect((await staff.admin1.get('/v1/admin/agents')).json.items.length).toBe(agentsBefore);
  });

  it('refuses the policy page and its post to an agent and a supervisor, writing nothing', async () => {
    const before = (await staff.admin1.get('/v1/admin/policy')).json;
    // The form an admin would post, with a change: what the refused callers send is a save an admin may make.
    const changed = (csrf: string) =>
      new URLSearchParams({ ...policyFormValues(before), returnWindowDays: '60', csrf }).toString();
    const post = (cookie: string, csrf: string) =>
      fetch(`${stack.url}/console/admin/policy`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
        body: changed(csrf),
      });
    const csrfOf = async (cookie: string) =>
      /name="csrf" value="([^"]+)"/.exec(
        await (await fetch(`${stack.url}/console`, { headers: { cookie } })).text(),
      )?.[1] ?? '';
    for (const username of ['agent1', 'supervisor1']) {
      const cookie = await sessionOf(username);
      const csrf = await csrfOf(cookie);
      expect(csrf, username).not.toBe('');
      const page = await fetch(`${stack.url}/console/admin/policy`, { headers: { cookie } });
      expect(page.status, username).toBe(403);
      // The refusal the other admin pages give.
      const sla = await fetch(`${stack.url}/console/admin/sla`, { headers: { cookie } });
      expect(await page.text()).toBe(await sla.text());
      expect((await post(cookie, csrf)).status, username).toBe(403);
    }
    expect((await staff.admin1.get('/v1/admin/policy')).json).toEqual(before);
    // The same post by an admin is saved.
    const admin = await sessionOf('admin1');
    const saved = await post(admin, await csrfOf(admin));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/console/admin/policy?saved=1');
    expect((await staff.admin1.get('/v1/admin/policy')).json).toEqual({
      ...before,
      returnWindowDays: 60,
      version: before.version + 1,
    });
  });

  it('keeps each admin and report page under 60 KB', async () => {
    const admin = await sessionOf('admin1');
    for (const path of [
      '/console/admin',
      '/console/admin/policy',
      '/console/admin/sla',
      '/console/admin/agents',
      '/console/admin/agents/agent1',
      '/console/admin/api-keys',
      '/console/reports/csat',
    ]) {
      const response = await fetch(`${stack.url}${path}`, { headers: { cookie: admin } });
      expect(response.status, path).toBe(200);
      expect(Buffer.byteLength(await response.text()), path).toBeLessThan(MAX_PAGE_BYTES);
    }
  });
});
