import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../../functions/domain/kpi/kpi-report.js';
import { kpiPage } from '../../../functions/pages/kpi-page.js';
import { launchChromium } from '../../support/browser.js';
import { weeklyReport } from '../../support/kpi-reports.js';
import { WAIT_CEILING_MS } from '../../support/wait-ceiling.js';

/**
 * The KPI page in a real headless Chromium, served from 127.0.0.1 with its Content-Security-Policy header (enforced:
 * uPlot and the chart script run only because their hashes are allowed). Every chart must draw, nothing may be blocked
 * or fail, and axe-core must find no violation, in both languages and on a phone. The desktop screenshot is the
 * README's `docs/kpi-page.png`; the others go to `test-results/kpi-page/`.
 */
const SCREENSHOTS = join(process.cwd(), 'test-results', 'kpi-page');
const README_SCREENSHOT = join(process.cwd(), 'docs', 'kpi-page.png');

type Rendered = { html: string; csp: string };
const pages = new Map<string, Rendered>();
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((request, response) => {
    const rendered = pages.get(request.url ?? '');
    if (!rendered) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': rendered.csp });
    response.end(rendered.html);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [browser] = await Promise.all([launchChromium(), mkdir(SCREENSHOTS, { recursive: true })]);
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface Opened {
  page: Page;
  problems: string[];
}

/** Serves the report's page and opens it with the CSP enforced; console errors, page errors and CSP reports collected. */
const open = async (path: string, report: KpiReport, locale: 'en' | 'zh-CN', width: number): Promise<Opened> => {
  pages.set(path, kpiPage(report, { locale, storeName: 'Shop <Alpha> & "Co"' }));
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  // Runs before the page's own scripts (from the harness, not the page: the CSP does not apply to it).
  await page.addInitScript(() => {
    const scope = globalThis as unknown as {
      cspViolations: string[];
      addEventListener: (
        type: string,
        listener: (event: { violatedDirective: string; blockedURI: string }) => void,
      ) => void;
    };
    scope.cspViolations = [];
    scope.addEventListener('securitypolicyviolation', (event) =>
      scope.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto(`${origin}${path}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'sha256-");
  return { page, problems };
};

/** Per chart: drawn (uPlot's ready hook), and how many pixels of each colour its canvas holds. */
const chartPixels = (page: Page) =>
  page.$$eval('.chart', (charts) =>
    charts.map((chart) => {
      const canvas = chart.querySelector('canvas') as unknown as {
        width: number;
        height: number;
        getContext: (kind: '2d') => { getImageData: (...box: number[]) => { data: Uint8ClampedArray } };
      } | null;
      const counts = { series1: 0, series2: 0, target: 0, painted: 0 };
      if (canvas) {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        const near = (at: number, rgb: number[]) =>
          rgb.every((value, channel) => Math.abs((data[at + channel] as number) - value) < 40);
        for (let at = 0; at < data.length; at += 4) {
          if ((data[at + 3] as number) === 0) continue;
          counts.painted += 1;
          if (near(at, [29, 78, 216])) counts.series1 += 1;
          if (near(at, [194, 65, 12])) counts.series2 += 1;
          if (near(at, [82, 96, 109])) counts.target += 1;
        }
      }
      return { id: chart.id, drawn: chart.getAttribute('data-drawn'), width: canvas?.width ?? 0, ...counts };
    }),
  );

const cspViolations = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);

const axeViolations = async (page: Page): Promise<string[]> => {
  // axe is evaluated by the harness (CDP), which the page's CSP does not govern.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run(
      (globalThis as unknown as { document: axe.ElementContext }).document,
      { resultTypes: ['violations'] },
    ),
  );
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} ${violation.nodes.map((node) => node.target).join(' | ')}`,
  );
};

/** `least`: the fewest pixels of a line with its points (one period is a single point). */
const expectEveryChartDrawn = async (page: Page, least = 100) => {
  await page.waitForSelector('.chart[data-drawn="true"] >> nth=3', { timeout: WAIT_CEILING_MS });
  const charts = await chartPixels(page);
  expect(charts.map((chart) => chart.id)).toEqual([
    'chart-first-response',
    'chart-resolution',
    'chart-csat',
    'chart-sla',
  ]);
  for (const chart of charts) {
    expect(chart.drawn, chart.id).toBe('true');
    expect(chart.width, chart.id).toBeGreaterThan(200);
    expect(chart.series1, `${chart.id}: its line and points`).toBeGreaterThan(least);
  }
  const [firstResponse, resolution, csat, sla] = charts;
  for (const withTarget of [firstResponse, resolution, csat]) {
    expect(withTarget?.target, `${withTarget?.id}: the dashed target line`).toBeGreaterThan(100);
  }
  expect(sla?.series2, 'chart-sla: the resolution line').toBeGreaterThan(least);
};

describe('KPI page in headless Chromium', () => {
  it('draws every chart under its CSP, with no error and no axe violation (13 weeks, English, desktop)', async () => {
    const { page, problems } = await open('/kpis-en', weeklyReport(13), 'en', 1440);
    await expectEveryChartDrawn(page);
    expect(await page.textContent('h1')).toBe('Service KPIs');
    expect(await page.textContent('#figures + .scroll tbody tr:nth-child(5)')).toContain('no data');
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: README_SCREENSHOT, fullPage: true });
    await page.locator('.charts').screenshot({ path: join(SCREENSHOTS, 'charts-en.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('draws on a phone in Chinese, redraws at the new width when it turns, and passes axe', async () => {
    const { page, problems } = await open('/kpis-zh', weeklyReport(6), 'zh-CN', 390);
    await expectEveryChartDrawn(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('服务指标');
    const narrow = await page.$eval('#chart-csat canvas', (canvas) => (canvas as unknown as { width: number }).width);
    expect(narrow).toBeLessThanOrEqual(390);
    // Nothing wider than the phone but the tables' own scrolling regions.
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
            .scrollWidth,
      ),
    ).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-zh-CN.png'), fullPage: true });
    await page.locator('figure >> nth=0').screenshot({ path: join(SCREENSHOTS, 'phone-chart-zh-CN.png') });
    await page.setViewportSize({ width: 844, height: 390 });
    await page.waitForFunction(
      (before) =>
        (
          globalThis as unknown as { document: { querySelector: (s: string) => { width: number } } }
        ).document.querySelector('#chart-csat canvas').width > before,
      narrow,
      { timeout: WAIT_CEILING_MS },
    );
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('draws a single period, and shows a range without periods as a message with no error', async () => {
    const one = await open('/kpis-one', weeklyReport(1), 'en', 800);
    await expectEveryChartDrawn(one.page, 30);
    expect(one.problems).toEqual([]);
    expect(await cspViolations(one.page)).toEqual([]);
    await one.page.context().close();

    const none = await open('/kpis-none', weeklyReport(0), 'en', 800);
    expect(await none.page.textContent('main')).toContain('There are no periods in this range.');
    expect(await none.page.$$('.chart')).toHaveLength(0);
    expect(none.problems).toEqual([]);
    expect(await axeViolations(none.page)).toEqual([]);
    await none.page.context().close();
  });
});
