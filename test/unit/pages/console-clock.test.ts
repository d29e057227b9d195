import { readFile } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CONSOLE_ASSETS } from '../../../functions/pages/console-case-style.js';
import { CLOCK_SCRIPT_FILE } from '../../../functions/pages/console/clock-asset.js';
import { CONSOLE_CLOCK_SCRIPT } from '../../../functions/pages/console/clock-script.js';
import {
  CASE_DUE_WORDS,
  QUEUE_DUE_WORDS,
  caseDueText,
  queueDueText,
} from '../../../functions/pages/console/due-wording.js';
import { CLOCK_SCRIPT_PATH, bundleClockScript, clockScriptModule } from '../../../scripts/build-console-clock.js';

const now = new Date('2026-12-07T08:00:00.000Z');
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const after = (ms: number) => new Date(now.getTime() + ms);

describe('The queue wording at its boundaries', () => {
  it.each([
    [0, 'due in 0 min', '0 分钟后到期'],
    [-1, 'breached 0 min ago', '已超时 0 分钟'],
    [MINUTE - 1, 'due in 0 min', '0 分钟后到期'],
    [-MINUTE, 'breached 1 min ago', '已超时 1 分钟'],
    [2 * HOUR - 1, 'due in 119 min', '119 分钟后到期'],
    [2 * HOUR, 'due in 2 h', '2 小时后到期'],
    [-2 * HOUR, 'breached 2 h ago', '已超时 2 小时'],
    [48 * HOUR - 1, 'due in 47 h', '47 小时后到期'],
    [48 * HOUR, 'due in 2 days', '2 天后到期'],
    [-(72 * HOUR + 5 * MINUTE), 'breached 3 days ago', '已超时 3 天'],
  ])('says %i ms from now as "%s" / "%s"', (ms, en, zh) => {
    expect(queueDueText(QUEUE_DUE_WORDS.en, after(ms), now)).toBe(en);
    expect(queueDueText(QUEUE_DUE_WORDS['zh-CN'], after(ms), now)).toBe(zh);
  });
});

describe('The case page wording at its boundaries', () => {
  it.each([
    [MINUTE - 1, 'due now', '即将到期'],
    [-(MINUTE - 1), 'due now', '即将到期'],
    [MINUTE, 'due in 1 min', '1 分钟后到期'],
    [-MINUTE, 'breached 1 min ago', '已超时 1 分钟'],
    [HOUR - 1, 'due in 59 min', '59 分钟后到期'],
    [HOUR, 'due in 1 h', '1 小时后到期'],
    [10 * HOUR - MINUTE, 'due in 9 h 59 min', '9 小时 59 分钟后到期'],
    [-(10 * HOUR + 30 * MINUTE), 'breached 10 h ago', '已超时 10 小时'],
    [48 * HOUR - 1, 'due in 47 h', '47 小时后到期'],
    [48 * HOUR, 'due in 2 d', '2 天后到期'],
  ])('says %i ms from now as "%s" / "%s"', (ms, en, zh) => {
    expect(caseDueText(after(ms).toISOString(), now, CASE_DUE_WORDS.en)).toBe(en);
    expect(caseDueText(after(ms).toISOString(), now, CASE_DUE_WORDS['zh-CN'])).toBe(zh);
  });
});

/** An element of the sandbox's page: its attributes, its text and its classes. */
interface SandboxElement {
  classes: Set<string>;
  textContent: string;
  getAttribute(name: string): string | null;
  classList: { toggle(name: string, force: boolean): boolean };
  closest(selector: string): SandboxElement | null;
}
const element = (attributes: Record<string, string> = {}, box?: SandboxElement): SandboxElement => {
  const classes = new Set<string>();
  return {
    classes,
    textContent: 'as rendered',
    getAttribute: (name: string) => attributes[name] ?? null,
    classList: { toggle: (name: string, force: boolean) => (force ? classes.add(name) : classes.delete(name), force) },
    closest: (selector: string) => (selector === '.clock' ? (box ?? null) : null),
  };
};

/** A page holding one queue clock and one case clock (in its `.clock` box), both due at `dueAt`. */
const sandboxPage = (lang: string, dueAt: string) => {
  const queue = element({ datetime: dueAt, 'data-clock': 'queue' });
  const box = element();
  const kase = element({ datetime: dueAt, 'data-clock': 'case' }, box);
  const document = { documentElement: { lang }, querySelectorAll: () => [queue, kase] };
  return { queue, kase, box, document };
};

describe('The clock script served to the console', () => {
  it('is the bundle of its source, as generated (else: npm run console:clock)', async () => {
    expect(await clockScriptModule(await bundleClockScript())).toBe(await readFile(CLOCK_SCRIPT_PATH, 'utf8'));
    expect(CONSOLE_ASSETS[CLOCK_SCRIPT_FILE]?.body).toBe(CONSOLE_CLOCK_SCRIPT);
  });

  it.each([
    ['en', 'due in 0 min', 'due now', 'breached 2 min ago', 'breached 2 min ago'],
    ['zh-CN', '0 分钟后到期', '即将到期', '已超时 2 分钟', '已超时 2 分钟'],
  ])('says the due times again in %s every 30 s, and marks them breached once passed', (lang, ...expected) => {
    const [queueBefore, caseBefore, queueAfter, caseAfter] = expected;
    const dueAt = after(30 * SECOND).toISOString();
    const page = sandboxPage(lang, dueAt);
    let clock = now.getTime();
    const ticks: Array<() => void> = [];
    const FakeDate = class extends Date {
      constructor(iso?: string) {
        super(iso ?? clock);
      }
    };
    runInNewContext(CONSOLE_CLOCK_SCRIPT, {
      document: page.document,
      Date: FakeDate,
      setInterval: (tick: () => void, ms: number) => {
        expect(ms).toBe(30 * SECOND);
        ticks.push(tick);
      },
    });
    expect([page.queue.textContent, page.kase.textContent]).toEqual([queueBefore, caseBefore]);
    expect([...page.queue.classes, ...page.box.classes]).toEqual([]);
    clock += 2.5 * MINUTE;
    ticks.forEach((tick) => tick());
    expect([page.queue.textContent, page.kase.textContent]).toEqual([queueAfter, caseAfter]);
    expect([...page.queue.classes]).toEqual(['breached']);
    expect([...page.box.classes]).toEqual(['breached']);
  });
});
