import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import packagedChromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { kpiPage } from '../../../functions/pages/kpi-page.js';
import { launchChromium, renderedFonts } from '../../support/browser.js';
import { weeklyReport } from '../../support/kpi-reports.js';

/**
 * Chinese pages show Chinese glyphs, not boxes, in the browser the page tests use and in the fallback a fresh machine
 * gets from npm (`@sparticuz/chromium`, which has no CJK font of its own): both run with the Noto Sans SC font that
 * the test setup brings from npm. Screenshots go to `test-results/browser-fonts/` for a person to look at.
 */
const SCREENSHOTS = join(process.cwd(), 'test-results', 'browser-fonts');
const CHINESE = /[\u4e00-\u9fff]/u;

const browsers: Browser[] = [];
beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));
afterAll(() => Promise.all(browsers.map((browser) => browser.close())));

const launchers: Array<[string, () => Promise<Browser>]> = [
  [`the page tests' browser (${inject('browser').source})`, launchChromium],
  [
    'the fallback from npm',
    async () =>
      chromium.launch({
        executablePath: await packagedChromium.executablePath(),
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
        env: { ...process.env, LANG: 'en_US.UTF-8', FONTCONFIG_PATH: inject('browser').fontconfigPath },
      }),
  ],
];

describe('Browser fonts', () => {
  it.each(launchers)('draw the zh-CN KPI page with a CJK font in %s', async (name, launch) => {
    // Prepare
    const browser = await launch();
    browsers.push(browser);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.setContent(kpiPage(weeklyReport(40), { locale: 'zh-CN', storeName: '示例商店' }).html);

    // Act
    const heading = await page.textContent('h1');
    const fonts = await renderedFonts(page, 'h1');
    await page.screenshot({ path: join(SCREENSHOTS, `${name.replace(/\W+/g, '-')}.png`) });

    // Assess: every Chinese character of the heading is a glyph of a CJK font (a missing glyph has no font to count)
    const chineseCharacters = [...(heading ?? '')].filter((character) => CHINESE.test(character)).length;
    expect(chineseCharacters).toBeGreaterThan(0);
    const cjkGlyphs = fonts
      .filter(({ familyName }) => /Noto Sans (SC|CJK)/i.test(familyName))
      .reduce((sum, { glyphCount }) => sum + glyphCount, 0);
    expect(cjkGlyphs, JSON.stringify(fonts)).toBeGreaterThanOrEqual(chineseCharacters);
  });
});
