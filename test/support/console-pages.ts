import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** What the console's browser tests share: a watched page, axe-core's serious findings, the page's width, sign-in. */

/** axe-core's serious and critical violations on the page (evaluated by the harness, which the page's CSP does not govern). */
export const seriousAxeViolations = async (page: Page): Promise<string[]> => {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run(
      (globalThis as unknown as { document: axe.ElementContext }).document,
      { resultTypes: ['violations'] },
    ),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} ${violation.nodes.map((node) => node.target).join(' | ')}`,
    );
};

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, for a test to expect none. */
  problems: string[];
}

/** A fresh context and page of the given width whose console errors and page errors are collected. */
export const newWatchedPage = async (
  browser: Browser,
  width: number,
  { acceptDownloads = false }: { acceptDownloads?: boolean } = {},
): Promise<WatchedPage> => {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, acceptDownloads });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
};

/** The document's scroll width: wider than the viewport means the page scrolls sideways on a phone. */
export const scrollWidth = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
        .scrollWidth,
  );

/** Signs in on the local stack's sign-in page (`signInUrl`, e.g. with `?lang=en`) as the user, landing on the queue. */
export const signInLocally = async (
  page: Page,
  stackUrl: string,
  username: string,
  signInUrl = `${stackUrl}/console/sign-in`,
) => {
  await page.goto(signInUrl);
  await page.selectOption('#username', username);
  await Promise.all([page.waitForURL(`${stackUrl}/console`), page.click('main button[type=submit]')]);
};
