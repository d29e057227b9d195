import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--accept-lang=en-US', // the headless shell from npm sends no Accept-Language without it; Debian's sends this one
];

/**
 * A real headless Chromium (the one `browser-setup.ts` found: `CHROMIUM_PATH`, Debian's, or the one from npm) with the
 * CJK font; playwright gives it a fresh temporary profile and removes it on close.
 */
export const launchChromium = (): Promise<Browser> => {
  const { executablePath, fontconfigPath } = inject('browser');
  // A real locale: with the machine's `C` locale some builds report `en-US@posix`, which Intl refuses to parse.
  const env = { ...process.env, LANG: 'en_US.UTF-8', FONTCONFIG_PATH: fontconfigPath };
  return chromium.launch({ executablePath, args: FLAGS, env });
};

/** The fonts Chromium drew an element's text with (family and glyph count), as its DevTools report them. */
export const renderedFonts = async (
  page: Page,
  selector: string,
): Promise<Array<{ familyName: string; glyphCount: number }>> => {
  const session = await page.context().newCDPSession(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument');
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
  await session.detach();
  return fonts.map(({ familyName, glyphCount }) => ({ familyName, glyphCount }));
};
