import { safeParse } from 'zod/mini';
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../../functions/domain/agent.js';
import type { Case } from '../../../functions/domain/case.js';
import { defaultQueueViewFor, queueSearchOf, queueViewsFor } from '../../../functions/domain/queue-views.js';
import { agentsBoard } from '../../../functions/pages/console/agents-board.js';
import { filterForm, listTabs, pager, queueHref } from '../../../functions/pages/console/queue-controls.js';
import { clockScriptTag } from '../../../functions/pages/console/clock-asset.js';
import { renderQueuePage } from '../../../functions/pages/console/queue-page.js';
import { samePageHref } from '../../../functions/pages/console/console-layout.js';
import { consoleQueueQuerySchema, withoutEmptyValues } from '../../../functions/schemas/console-queue-query.js';
import { withCustomerMessage } from '../../../functions/use-cases/customer/message-attachments.js';
import { CONSOLE_PAGE_SIZE } from '../../../functions/use-cases/staff/list-console-queue.js';

const parse = (query: Record<string, string | undefined>) =>
  safeParse(consoleQueueQuerySchema, withoutEmptyValues(query));

describe('console queue query', () => {
  it('keeps the form choices, drops the empty "All" values and ignores unknown parameters', () => {
    const parsed = parse({ view: 'unassigned', status: '', type: 'repair', priority: 'P2', q: '  ', utm: 'x' });
    expect(parsed.success && parsed.data).toEqual({ view: 'unassigned', type: 'repair', priority: 'P2' });
  });

  it('refuses a value the form does not offer, naming the field, and an over-long search or page token', () => {
    for (const [query, field] of [
      [{ status: 'lost' }, 'status'],
      [{ type: 'Return' }, 'type'],
      [{ priority: 'P9' }, 'priority'],
      [{ view: 'everything' }, 'view'],
      [{ q: 'x'.repeat(255) }, 'q'],
      [{ next: 'x'.repeat(2049) }, 'next'],
    ] as const) {
      const parsed = parse(query);
      expect(parsed.success, field).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual([field]);
    }
  });

  it('reads a search as a case number (any case), an email, else an order id', () => {
    expect(queueSearchOf(' as-20261207-0001 ')).toEqual({ caseNumber: 'AS-20261207-0001' });
    expect(queueSearchOf('Li.Lei@Example.com')).toEqual({ customerEmail: 'Li.Lei@Example.com' });
    expect(queueSearchOf('ORDER-42')).toEqual({ orderId: 'ORDER-42' });
  });
});

describe('console queue lists by role', () => {
  it('gives agents their queue and revisits, supervisors every list, their own queue first when they have one', () => {
    expect(queueViewsFor({ roles: ['agent'], agentId: 'agent1' })).toEqual(['mine', 'revisits']);
    expect(queueViewsFor({ roles: ['supervisor'] })).toEqual([
      'unassigned',
      'review',
      'breached',
      'flagged',
      'failed',
      'revisits',
    ]);
    expect(defaultQueueViewFor({ roles: ['supervisor'] })).toBe('unassigned');
    expect(defaultQueueViewFor({ roles: ['admin'], agentId: 'lead' })).toBe('mine');
    expect(queueViewsFor({ roles: ['agent'] })).toEqual([]);
  });
});

const supervisor = { userId: 'u', email: 'e@x', name: 'Chen Jing', roles: ['supervisor' as const], storeId: 'store-a' };
const agent = (overrides: Partial<Agent>): Agent => ({
  storeId: 'store-a',
  agentId: 'agent1',
  name: 'Wang <Fang>',
  email: 'a@x',
  skills: { types: [], categories: [], locales: [] },
  maxOpenCases: 10,
  available: true,
  openCases: 3,
  createdAt: '2026-12-07T00:00:00Z',
  updatedAt: '2026-12-07T00:00:00Z',
  ...overrides,
});

describe('console queue controls', () => {
  it('builds links that keep the choice, escaped in the page', () => {
    expect(queueHref({ view: 'mine', status: undefined, q: 'a&b' })).toBe('/console?view=mine&q=a%26b');
    expect(queueHref({})).toBe('/console');
    const links = pager('en', { view: 'unassigned', filters: { priority: 'P1' } }, 'tok+/=', true);
    expect(links).toContain('href="/console?view=unassigned&amp;priority=P1"');
    expect(links).toContain('href="/console?view=unassigned&amp;priority=P1&amp;next=tok%2B%2F%3D" rel="next"');
    expect(pager('en', { filters: {} }, undefined, false)).toBe('');
  });

  it('labels every filter, keeps the chosen values and the list, marks the current tab with counts', () => {
    const form = filterForm('zh-CN', 'unassigned', { status: 'open', priority: 'P1' });
    for (const name of ['status', 'type', 'priority']) {
      expect(form).toContain(`<label for="f-${name}">`);
      expect(form).toContain(`<select id="f-${name}" name="${name}">`);
    }
    expect(form).toContain('<option value="open" selected>待分配</option>');
    expect(form).toContain('<option value="P1" selected>P1</option>');
    expect(form).toContain('<input type="hidden" name="view" value="unassigned">');
    const tabs = listTabs('en', ['unassigned', 'review'], 'review', {
      unassigned: { count: 100, more: true },
      review: { count: 2, more: false },
    });
    expect(tabs).toContain('Unassigned queue <span class="count">100+</span>');
    expect(tabs).toContain(
      'href="/console?view=review" aria-current="page">Pending review <span class="count">2</span>',
    );
  });

  it('shows each agent against capacity with a labelled toggle posting the CSRF token', () => {
    const board = agentsBoard(
      'en',
      [agent({}), agent({ agentId: 'agent2', name: 'Emily', available: false, openCases: 10 })],
      'tok',
    );
    expect(board).toContain('Wang &lt;Fang&gt;');
    expect(board).not.toContain('Wang <Fang>');
    expect(board).toContain('3 / 10');
    expect(board).toContain('action="/console/agents/agent1/availability"');
    expect(board).toContain('<input type="hidden" name="available" value="false">');
    expect(board).toContain('Set Wang &lt;Fang&gt; away</button>');
    expect(board).toContain('<input type="hidden" name="available" value="true">');
    expect(board).toContain('Make Emily available</button>');
    expect(board).toContain('class="breached"');
    expect((board.match(/name="csrf" value="tok"/g) ?? []).length).toBe(2);
    expect(agentsBoard('zh-CN', [], 'tok')).toContain('店铺还没有客服。');
  });
});

describe('console queue page for supervisors', () => {
  const kase = {
    caseId: 'case-1',
    caseNumber: 'AS-20261207-0001',
    status: 'open',
    type: 'repair',
    customer: { id: 'c1', email: 'c@example.com', name: 'Li Lei', locale: 'en' },
    createdAt: '2026-12-07T01:00:00Z',
    lastCustomerActivityAt: '2026-12-07T23:30:00Z',
  } as unknown as Case;

  it('titles the list it shows (not "My queue"), tells times in the store time zone, stays under 60 KB', () => {
    const shell = { locale: 'en' as const, user: supervisor, path: '/console', csrfToken: 'tok' };
    const queue = {
      view: 'unassigned' as const,
      views: queueViewsFor(supervisor),
      cases: Array.from({ length: CONSOLE_PAGE_SIZE }, (_, index) => ({ ...kase, caseId: `case-${index}` })),
      counts: { unassigned: { count: 100, more: true } },
      agents: Array.from({ length: 30 }, (_, index) => agent({ agentId: `agent${index}` })),
      timeZone: 'America/New_York',
      nextToken: 'next-token',
    };
    const html = renderQueuePage(shell, queue, { view: 'unassigned', filters: {} }, new Date('2026-12-08T00:00:00Z'));
    expect(html).toContain('<h1>Unassigned queue</h1>');
    expect(html).not.toContain('My queue');
    // 23:30 UTC is 6:30 PM in New York; the filing time is not shown when a later activity is known.
    expect(html).toContain('<time datetime="2026-12-07T23:30:00Z">Dec 7, 2026, 6:30 PM</time>');
    expect(html).toContain('rel="next"');
    // No inline code: the one script is the console's clock, a static asset pinned by its hash.
    expect(html.match(/<script[^>]*>[^<]*<\/script>/g)).toEqual([clockScriptTag('console/assets/')]);
    expect(Buffer.byteLength(html)).toBeLessThan(60 * 1024);
    const zh = renderQueuePage(
      { ...shell, locale: 'zh-CN' },
      { ...queue, timeZone: 'Asia/Shanghai' },
      { filters: {} },
      new Date(),
    );
    expect(zh).toContain('<h1>待分配队列</h1>');
    expect(zh).toContain('2026年12月8日 07:30');
  });

  it('shows an old case (no activity kept) at its filing time', () => {
    const { lastCustomerActivityAt: _kept, ...old } = kase;
    const html = renderQueuePage(
      { locale: 'en', user: supervisor, path: '/console', csrfToken: 'tok' },
      { view: 'unassigned', views: ['unassigned'], cases: [old], timeZone: 'UTC' },
      { filters: {} },
      new Date('2026-12-08T00:00:00Z'),
    );
    expect(html).toContain('<time datetime="2026-12-07T01:00:00Z">Dec 7, 2026, 1:00 AM</time>');
  });
});

describe('last customer activity', () => {
  it('is set by the customer message write itself, at the message time', () => {
    const current = { attachments: [], customerMessages: 0 } as unknown as Case;
    const event = { at: '2026-12-07T10:00:00Z' } as never;
    const planned = withCustomerMessage(current, { event, set: { updatedAt: 'x' } }, []);
    expect(planned.set).toEqual({ updatedAt: 'x', lastCustomerActivityAt: '2026-12-07T10:00:00Z' });
    expect(planned.countCustomerMessage).toBe(true);
  });
});

describe('samePageHref', () => {
  it('keeps the filters, search and page, drops the one-time parameters, and adds what is asked', () => {
    const href = samePageHref(
      '/console',
      {
        view: 'unassigned',
        priority: 'P1',
        q: 'a b',
        next: 'tok+/=',
        lang: 'en',
        saved: '1',
        notice: 'x',
        type: undefined,
      },
      { lang: 'zh-CN' },
    );

    expect(href).toBe('/console?view=unassigned&priority=P1&q=a+b&next=tok%2B%2F%3D&lang=zh-CN');
  });

  it('is the bare path when nothing is kept or added', () => {
    expect(samePageHref('/console/admin', { lang: 'zh-CN', saved: '1' })).toBe('/console/admin');
  });
});
