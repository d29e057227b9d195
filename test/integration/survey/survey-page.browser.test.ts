import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundResolution } from '../../support/case-requests.js';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser.js';
import { startTestStack, type TestStack } from '../../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../../support/sla-policies.js';
import { staffApi, type StaffApi } from '../../support/staff-api.js';
import { caseOf, timelineOf } from '../../support/stored-cases.js';
import { fileCase } from '../../support/storefront.js';
import { surveyEmailsTo } from '../../support/surveys.js';
import { parkedOn } from '../../support/workflow-waits.js';

/**
 * The survey page in a real headless Chromium (Debian's `chromium` driven by playwright-core), as a customer uses it:
 * the link from the outbox, keyboard only, then the replay, tamper and expiry pages; axe-core on every page in both
 * languages. Screenshots (phone size) go to `test-results/` for a person to look at.
 */
const SCREENSHOTS = join(process.cwd(), 'test-results', 'survey');

let stack: TestStack;
let browser: Browser;
let admin: StaffApi;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  admin = await staffApi(stack, 'admin1');
  await putSlaPolicy(
    admin,
    slaPolicy({
      firstResponse: 'PT1H',
      resolution: 'P1D',
      repeatEvery: 'PT1H',
      aftercare: { surveyDelay: 'PT0S', surveyReminderAfter: 'PT0S', surveyExpiresAfter: 'PT1H', revisitAfter: 'P1D' },
    }),
  );
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

let customers = 0;
/** A resolved case of a customer of its own; returns its survey link from the outbox. */
const surveyLink = async (locale: 'en' | 'zh-CN'): Promise<{ caseId: string; link: string }> => {
  customers += 1;
  const email = `browser-${customers}-${Date.now()}@example.com`;
  const caseId = await fileCase(stack, { customer: { id: `c-browser-${customers}`, email, name: '李雷', locale } });
  const assigned = await parkedOn(stack, caseId, 'firstResponse');
  const agent = await staffApi(stack, assigned.assignee?.agentId as string);
  await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'On it.' });
  await parkedOn(stack, caseId, 'resolution');
  expect((await agent.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution)).status).toBe(200);
  const [link] = await surveyEmailsTo(stack, email);
  return { caseId, link: link as string };
};

const seriousViolations = async (page: Page) => {
  // The page's CSP allows no script at all; axe is evaluated by the test harness itself, not by the page.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run(
      (globalThis as unknown as { document: axe.ElementContext }).document,
      {
        resultTypes: ['violations'],
      },
    ),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
};

const newPage = async (): Promise<Page> => {
  // CSP bypass only so the test can inject axe; the headers are asserted separately.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  return context.newPage();
};

describe('Survey page in headless Chromium', () => {
  it('opens from the email, records nothing on open, takes a keyboard-only answer, then refuses replay and tamper', async () => {
    const { caseId, link } = await surveyLink('en');
    const page = await newPage();

    const opened = await page.goto(`${link}?overall=4`);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await page.isChecked('#overall-4')).toBe(true);
    expect((await caseOf(stack.dependencies, caseId)).survey?.status).toBe('sent');
    expect((await timelineOf(stack.dependencies, caseId)).map((event) => event.type)).not.toContain('survey_answered');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'form-en.png'), fullPage: true });

    // Keyboard only: into the overall group (its checked radio), arrows change the rating, Tab to the next group.
    await page.focus('body');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement?: { id: string } } }).document.activeElement?.id,
      ),
    ).toBe('overall-4');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('#overall-5')).toBe(true);
    for (const presses of [3, 4, 2, 1]) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      for (let press = 1; press < presses; press += 1) await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Tab');
    await page.keyboard.type('  Friendly and quick.  ');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    expect(await page.textContent('h1')).toBe('Thank you!');
    expect(await seriousViolations(page)).toEqual([]);
    const answered = await caseOf(stack.dependencies, caseId);
    expect(answered.survey).toMatchObject({
      status: 'answered',
      ratings: { overall: 5, attitude: 3, professionalism: 4, problemSolving: 2, speed: 1 },
      comment: 'Friendly and quick.',
    });

    const replay = await page.goto(link);
    expect(replay?.status()).toBe(410);
    expect(await page.textContent('h1')).toBe('This survey is closed');
    expect(await seriousViolations(page)).toEqual([]);

    const last = link.at(-1) === 'A' ? 'B' : 'A';
    const tampered = await page.goto(`${link.slice(0, -1)}${last}`);
    expect(tampered?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Survey not found');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the form, its errors, the expiry page and the not-found page in Chinese', async () => {
    const { caseId, link } = await surveyLink('zh-CN');
    const page = await newPage();
    await page.setExtraHTTPHeaders({ 'accept-language': 'zh-CN,zh;q=0.9' });
    expect((await page.goto(link))?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('legend')).toContain('整体满意度');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'form-zh-CN.png'), fullPage: true });

    // Sent without the overall rating: the form again, the error beside the field, nothing recorded.
    await page.click('label[for="speed-2"]');
    await page.fill('#comment', '很好');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(await page.getAttribute('fieldset[aria-invalid="true"]', 'aria-describedby')).toContain('overall-error');
    expect(await page.textContent('#overall-error')).toBe('请选择整体满意度评分。');
    expect(await page.isChecked('#speed-2')).toBe(true);
    expect(await page.inputValue('#comment')).toBe('很好');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'form-errors-zh-CN.png'), fullPage: true });
    expect((await caseOf(stack.dependencies, caseId)).survey?.status).toBe('sent');

    // The link's expiry, written through the case store: the page says so, 410.
    const current = await caseOf(stack.dependencies, caseId);
    await stack.dependencies.cases.update(current, {
      set: {
        survey: {
          ...(current.survey as NonNullable<typeof current.survey>),
          expiresAt: new Date(Date.now() - 1000).toISOString(),
        },
      },
      events: [],
    });
    const expired = await page.goto(link);
    expect(expired?.status()).toBe(410);
    expect(await page.textContent('p')).toBe('此问卷链接已过期。');
    expect(await seriousViolations(page)).toEqual([]);

    expect((await page.goto(`${stack.url}/survey/not-a-token`))?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('未找到问卷');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('answers a JSON post with JSON, and refuses another content type with 415', async () => {
    const { link } = await surveyLink('en');
    const json = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ overall: 9 }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe('overall');
    const plain = await fetch(link, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'overall=5' });
    expect(plain.status).toBe(415);
    expect(plain.headers.get('content-type')).toContain('text/html');
    const ok = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ overall: 4, comment: 'ok' }),
    });
    expect(await ok.json()).toEqual({ status: 'recorded' });
    const again = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ overall: 4 }),
    });
    expect(again.status).toBe(410);
  });
});
