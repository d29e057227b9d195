import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../../infra/config.js';
import { woffToSfnt } from './woff-to-sfnt.js';

/** Which headless Chromium the page tests drive, and the font configuration it runs with. */
export interface BrowserInstallation {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'debian' | 'npm';
  fontconfigPath: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    browser: BrowserInstallation;
  }
}

const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'after-sales-test-browser');
const CJK_FONT_FILES = join(REPO_ROOT, 'node_modules', '@fontsource', 'noto-sans-sc', 'files');

const debianChromium = (): string | undefined => {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
};

/**
 * Noto Sans SC (regular) from the npm registry, unwrapped from WOFF so fontconfig finds it: zh-CN pages show real
 * glyphs whichever browser runs and whatever fonts the machine has. Written once, into a folder renamed into place;
 * when two test runs share `node_modules` and both write it, the second rename fails and its copy is dropped.
 */
const cjkFontDir = (): string => {
  const target = join(CACHE, 'noto-sans-sc');
  if (existsSync(target)) return target;
  const staging = `${target}.${process.pid}`;
  mkdirSync(staging, { recursive: true });
  for (const file of readdirSync(CJK_FONT_FILES).filter((name) => /-400-normal\.woff$/.test(name)))
    writeFileSync(join(staging, file.replace(/\.woff$/, '.otf')), woffToSfnt(readFileSync(join(CJK_FONT_FILES, file))));
  try {
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
  return target;
};

/** A fontconfig file: the machine's own configuration when it has one, the browser's fonts, and the CJK font. */
const fontconfig = (fontDirs: string[]): string => {
  const dir = join(CACHE, 'fontconfig');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'fonts.conf'),
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      ...fontDirs.map((fontDir) => `  <dir>${fontDir}</dir>`),
      `  <cachedir>${join(CACHE, 'fontconfig-cache')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return dir;
};

/**
 * `CHROMIUM_PATH`, else Debian's `chromium`, else the Chromium inside the `@sparticuz/chromium` package (a fresh
 * machine has no browser and playwright cannot download one here). Resolved once per test run, before any worker
 * starts, so two workers never unpack the browser at the same time.
 */
export const findBrowser = async (): Promise<BrowserInstallation> => {
  const fontDirs = [cjkFontDir()];
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return { executablePath: explicit, source: 'CHROMIUM_PATH', fontconfigPath: fontconfig(fontDirs) };
  const debian = debianChromium();
  if (debian) return { executablePath: debian, source: 'debian', fontconfigPath: fontconfig(fontDirs) };
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath(); // unpacks the browser and its Latin fonts into the temp dir
  return { executablePath, source: 'npm', fontconfigPath: fontconfig([join(tmpdir(), 'fonts'), ...fontDirs]) };
};

export default async function setup(project: TestProject): Promise<void> {
  project.provide('browser', await findBrowser());
}
