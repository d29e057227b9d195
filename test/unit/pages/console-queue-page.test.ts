import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case.js';
import { CONSOLE_WORDS, dueText } from '../../../functions/pages/console/console-words.js';
import { clockScriptTag } from '../../../functions/pages/console/clock-asset.js';
import { renderQueuePage } from '../../../functions/pages/console/queue-page.js';

const now = new Date('2026-12-07T08:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('console due times', () => {
  it('says "due in" or "breached ... ago" in minutes, hours or days, in both languages', () => {
    const en = CONSOLE_WORDS.en;
    const zh = CONSOLE_WORDS['zh-CN'];
    expect(dueText(en, at(125), now)).toBe('due in 2 h');
    expect(dueText(en, at(-35), now)).toBe('breached 35 min ago');
    expect(dueText(en, at(90), now)).toBe('due in 90 min');
    expect(dueText(en, at(3 * 24 * 60 + 5), now)).toBe('due in 3 days');
    expect(dueText(zh, at(125), now)).toBe('2 小时后到期');
    expect(dueText(zh, at(-35), now)).toBe('已超时 35 分钟');
  });
});

describe('console queue page', () => {
  const kase = (overrides: Partial<Case>): Case =>
    ({
      caseId: 'case-1',
      caseNumber: 'AS-20261207-0001',
      status: 'assigned',
      type: 'return',
      customer: { id: 'c1', email: 'c@example.com', name: '<Li & Lei>', locale: 'en' },
      createdAt: '2026-12-07T07:00:00Z',
      classification: { priority: 'P1' },
      deadlines: { nextDueAt: at(-35).toISOString() },
      ...overrides,
    }) as unknown as Case;

  it('links each case, escapes customer text, marks a breach, and labels every cell for phones', () => {
    const html = renderQueuePage(
      {
        locale: 'en',
        path: '/console',
        csrfToken: 'tok',
        user: { userId: 'u', email: 'e@x', name: 'Wang Fang', roles: ['agent'], storeId: 'store-a', agentId: 'agent1' },
      },
      {
        view: 'mine',
        views: ['mine', 'revisits'],
        cases: [kase({}), kase({ caseId: 'case-2', caseNumber: 'AS-2', deadlines: {} })],
        timeZone: 'Asia/Shanghai',
      },
      { view: 'mine', filters: {} },
      now,
    );
    expect(html).toContain('<a href="/console/cases/case-1">AS-20261207-0001</a>');
    expect(html).toContain('&lt;Li &amp; Lei&gt;');
    expect(html).not.toContain('<Li & Lei>');
    expect(html).toContain('class="breached">breached 35 min ago');
    expect(html).toContain('No clock running');
    expect(html).toContain('<input type="hidden" name="csrf" value="tok">');
    expect(html).not.toContain('/console/admin');
    // No inline code: the one script is the console's clock, a static asset pinned by its hash.
    expect(html.match(/<script[^>]*>[^<]*<\/script>/g)).toEqual([clockScriptTag('console/assets/')]);
    expect(html).toContain('<time datetime="2026-12-07T07:25:00.000Z" data-clock="queue" class="breached">');
    expect((html.match(/<td data-label=/g) ?? []).length).toBe(14);
    expect(Buffer.byteLength(html)).toBeLessThan(60 * 1024);
  });
});
