import { describe, expect, it } from 'vitest';
import { availableActions, CONSOLE_CASE_ACTIONS } from '../../../functions/pages/console-case-actions.js';
import { consoleCaseContent, type ConsoleCasePageInput } from '../../../functions/pages/console-case-page.js';
import { CONSOLE_CASE_WORDS } from '../../../functions/pages/console-case-words.js';
import { dueText, sizeText, spanText } from '../../../functions/pages/console-format.js';
import type { StaffUser } from '../../../functions/domain/staff.js';
import { at, caseInProgress, PDF_ID, PHOTO_ID, viewOf } from './console-case-fixture.js';

const agent: StaffUser = {
  userId: 'u-agent1',
  email: 'agent1@example.com',
  name: 'Wang Fang',
  roles: ['agent'],
  storeId: 'store-a',
  agentId: 'agent1',
};
const supervisor: StaffUser = { ...agent, userId: 'u-sup', roles: ['supervisor'], agentId: undefined };

const input = (overrides: Partial<ConsoleCasePageInput> = {}): ConsoleCasePageInput => ({
  locale: 'en',
  view: viewOf(),
  now: at,
  actions: ['reply', 'note', 'status', 'resolve'],
  csrfToken: 'token-"1"',
  agents: [],
  thumbnails: { [PHOTO_ID]: 'http://127.0.0.1:3000/_local/uploads/store-a/x?signature=a&expires=1' },
  ...overrides,
});

const tagWith = (html: string, needle: string): string => {
  const found = html.match(new RegExp(`<[a-z]+[^>]*${needle}[^>]*>`));
  if (!found) throw new Error(`No tag with ${needle}`);
  return found[0];
};

describe('Console case page: what it shows', () => {
  it('opens with the case number, status, priority, type and assignee, escaped', () => {
    const html = consoleCaseContent(input());
    expect(html).toContain('<h1>Case AS-20261207-0001</h1>');
    expect(html).toContain('<dd>In progress</dd>');
    expect(html).toContain('<dd>P2</dd>');
    expect(html).toContain('<dd>Wang Fang</dd>');
  });

  it('shows images as thumbnails with their name, and links every file through the console, with type and size', () => {
    const html = consoleCaseContent(input());
    expect(html.match(/<img[^>]*>/)?.[0]).toBe(
      '<img src="http://127.0.0.1:3000/_local/uploads/store-a/x?signature=a&amp;expires=1" alt="Picture: kettle &lt;crack&gt;.jpg" width="96" height="96">',
    );
    expect(html).toContain(`href="cs_01JAAAAAAAAAAAAAAAAAAAAAAA/attachments/${PDF_ID}"`);
    expect(html).toContain('receipt.pdf</a><p class="small">application/pdf · 1.1 MB</p>');
    expect(html.match(/<img/g)).toHaveLength(1);
  });

  it('tells public and internal events apart in words, and escapes what people wrote', () => {
    const html = consoleCaseContent(input());
    expect(html).toContain('<li class="event internal"><p class="meta"><span class="badge">Internal</span>');
    expect(html).toContain('<li class="event public"><p class="meta"><span class="badge">Public</span>');
    expect(html).toContain('Looks like &lt;b&gt;misuse&lt;/b&gt;');
    expect(html).not.toContain('<b>misuse</b>');
    expect(html).toContain('· by the customer</p>');
  });

  it('lists the conversation without internal notes', () => {
    const html = consoleCaseContent(input());
    const conversation = html.slice(html.indexOf('id="messages-title"'), html.indexOf('id="actions-title"'));
    expect(conversation).toContain('Photo please');
    expect(conversation).toContain('Here it is');
    expect(conversation).not.toContain('misuse');
  });

  it('says every word in Chinese on a zh-CN page', () => {
    const html = consoleCaseContent(input({ locale: 'zh-CN' }));
    expect(html).toContain('<h1>服务单 AS-20261207-0001</h1>');
    expect(html).toContain('<span class="badge">内部</span>');
    expect(html).toContain(CONSOLE_CASE_WORDS['zh-CN'].actions.submits.reply);
    for (const english of ['Internal', 'Public', 'Send the reply', 'In progress', 'Conversation']) {
      expect(html).not.toContain(english);
    }
  });

  it('gives the live notices their words and the poll its relative URL, and links the next case', () => {
    const html = consoleCaseContent(input({ nextCaseId: 'cs_01JCCCCCCCCCCCCCCCCCCCCCCC' }));
    const live = tagWith(html, 'id="live"');
    expect(live).toContain('data-poll="cs_01JAAAAAAAAAAAAAAAAAAAAAAA/live"');
    expect(live).toContain('data-messages="1"');
    expect(live).toContain('data-replying="{name} is replying"');
    expect(html).toContain('<a id="next-case" href="cs_01JCCCCCCCCCCCCCCCCCCCCCCC">Next case</a>');
  });

  it('has no inline script, style attribute or event handler', () => {
    const html = consoleCaseContent(input({ actions: [...CONSOLE_CASE_ACTIONS] }));
    expect(html).not.toMatch(/<script|\son[a-z]+=|style="/i);
  });
});

describe('Console case page: the forms', () => {
  it('draws only the actions given, each posting to the page with its name and the CSRF token', () => {
    const html = consoleCaseContent(input({ actions: ['note'] }));
    expect(html.match(/<form /g)).toHaveLength(1);
    expect(html).toContain('<form method="post" action="" data-action="note" novalidate>');
    expect(html).toContain('<input type="hidden" name="action" value="note">');
    expect(html).toContain('<input type="hidden" name="csrf" value="token-&quot;1&quot;">');
    expect(html).not.toContain('id="action-reply"');
  });

  it('labels every control', () => {
    const html = consoleCaseContent(
      input({ actions: [...CONSOLE_CASE_ACTIONS], agents: [{ agentId: 'agent2', name: 'Li Na' }] }),
    );
    const ids = [...html.matchAll(/<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(ids.length).toBeGreaterThan(15);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
  });

  it('shows a failed form again with what was sent and each error next to its field', () => {
    const html = consoleCaseContent(
      input({
        failed: {
          action: 'resolve',
          values: { resolutionType: 'refund', amount: '-1', summary: 'x<y' },
          errors: { amount: { code: 'amount' }, rootCause: { code: 'required' } },
        },
      }),
    );
    expect(html).toContain('<p class="summary" role="alert" id="resolve-problems">Nothing was saved.');
    expect(tagWith(html, 'id="resolve-amount"')).toContain('value="-1"');
    expect(tagWith(html, 'id="resolve-amount"')).toContain('aria-invalid="true"');
    expect(tagWith(html, 'id="resolve-amount"')).toContain(
      'aria-describedby="resolve-amount-hint resolve-amount-error"',
    );
    expect(html).toContain('<p class="error" id="resolve-rootCause-error">Please fill this in.</p>');
    expect(html).toContain('<option value="refund" selected>Refund</option>');
    expect(html).toContain('x&lt;y</textarea>');
    // Another form is untouched.
    expect(tagWith(html, 'id="reply-body"')).not.toContain('aria-invalid');
  });

  it('says a refused action in words above its form', () => {
    const html = consoleCaseContent(
      input({ failed: { action: 'reply', values: {}, errors: {}, refusal: 'conflict' } }),
    );
    expect(html).toContain(`id="reply-problems">${CONSOLE_CASE_WORDS.en.errors.conflict}</p>`);
  });
});

describe('Function: availableActions', () => {
  it('gives an agent the work on their case and none of the supervising actions', () => {
    const view = viewOf();
    const state = {
      status: view.status,
      assigned: true,
      pendingApproval: false,
      revisitOpen: false,
      workflowFailed: true,
    };
    expect(availableActions(agent, state)).toEqual(['reply', 'note', 'status', 'resolve', 'reclassify']);
  });

  it('gives a supervisor assign, review, approval and retry when the case needs them', () => {
    expect(
      availableActions(supervisor, {
        status: 'pending_review',
        assigned: false,
        pendingApproval: false,
        revisitOpen: false,
        workflowFailed: true,
      }),
    ).toEqual(['note', 'review', 'retry']);
    expect(
      availableActions(supervisor, {
        status: 'in_progress',
        assigned: true,
        pendingApproval: true,
        revisitOpen: false,
        workflowFailed: false,
      }),
    ).toEqual(['reply', 'note', 'status', 'resolve', 'assign', 'reclassify', 'approval']);
  });

  it('offers only a note and the revisit on a resolved case with its revisit open', () => {
    expect(
      availableActions(agent, {
        status: 'resolved',
        assigned: true,
        pendingApproval: false,
        revisitOpen: true,
        workflowFailed: false,
      }),
    ).toEqual(['note', 'revisit']);
  });
});

describe('Console formats', () => {
  const words = CONSOLE_CASE_WORDS.en.sla;
  it.each([
    ['2026-12-07T10:00:00Z', 'due in 2 h'],
    ['2026-12-07T08:35:30Z', 'due in 35 min'],
    ['2026-12-07T07:25:00Z', 'breached 35 min ago'],
    ['2026-12-07T08:00:20Z', 'due now'],
    ['2026-12-10T08:00:00Z', 'due in 3 d'],
    ['2026-12-07T10:30:00Z', 'due in 2 h 30 min'],
  ])('says a due time of %s as "%s"', (dueAt, expected) => {
    expect(dueText(dueAt, at, words)).toBe(expected);
  });

  it('says spans and sizes in Chinese too', () => {
    expect(dueText('2026-12-07T10:00:00Z', at, CONSOLE_CASE_WORDS['zh-CN'].sla)).toBe('2 小时后到期');
    expect(dueText('2026-12-07T07:25:00Z', at, CONSOLE_CASE_WORDS['zh-CN'].sla)).toBe('已超时 35 分钟');
    expect(spanText(26 * 3_600_000, words)).toBe('26 h');
    expect(sizeText(512, 'en')).toBe('512 B');
    expect(sizeText(345_000, 'en')).toBe('337 KB');
  });

  it('writes a paused or met clock in words', () => {
    const view = viewOf(caseInProgress({ status: 'awaiting_customer' }));
    const milestone = {
      startedAt: at.toISOString(),
      target: 'PT8H',
      dueAt: null,
      metAt: null,
      remainingBusinessSeconds: 100,
      pausedBusinessSeconds: 10,
      breached: false,
    };
    view.sla = {
      ...view.sla,
      milestones: {
        firstResponse: { ...milestone, status: 'met', metAt: at.toISOString() },
        resolution: { ...milestone, status: 'paused' },
      },
    };
    const html = consoleCaseContent(input({ view }));
    expect(html).toContain('<dt>Resolution</dt><dd>paused while awaiting the customer</dd>');
    expect(html).toContain('<dt>First response</dt><dd>met at Dec 7, 2026, 16:00</dd>');
  });
});
