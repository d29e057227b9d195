import { escapeHtml } from '../../email/render.js';
import type { ConsoleQueue } from '../../use-cases/staff/list-console-queue.js';
import { agentsBoard } from './agents-board.js';
import { CLOCK_SCRIPT_SOURCE, clockScriptTag } from './clock-asset.js';
import { CONSOLE_CSP, consolePage, type ShellContext } from './console-layout.js';
import { filterForm, listTabs, pager, searchForm, type QueueChoice } from './queue-controls.js';
import { queueTable } from './queue-table.js';
import { QUEUE_WORDS } from './queue-words.js';

/** From `/console`: the console's static assets (`/console/assets/`), whatever the stage prefix. */
const ASSETS_PATH = 'console/assets/';

/** The queue page's CSP: the console's, and the clock script by its hash. */
export const QUEUE_CSP = `${CONSOLE_CSP}; script-src ${CLOCK_SCRIPT_SOURCE}`;

/**
 * The queue page (`/console`): the search box, the user's lists as tabs (with counts for supervisors and admins),
 * the current list's filters, its cases most urgent first with a link to the next page, and for supervisors and
 * admins the agents board. A search shows its matches instead of a list. Everything is a link or a form; the one
 * script (the console's clock, a static asset) only says the due times again as they come closer or pass.
 */
export const renderQueuePage = (
  shell: ShellContext,
  queue: ConsoleQueue,
  choice: QueueChoice & { paged?: boolean },
  now: Date,
): string => {
  const { locale } = shell;
  const words = QUEUE_WORDS[locale];
  const view = queue.view;
  const searching = choice.search !== undefined;
  const title = searching ? words.search.title(choice.search ?? '') : view ? words.titles[view] : words.titles.mine;
  const intro = searching ? '' : view ? `<p>${escapeHtml(words.intros[view])}</p>` : '';
  const empty = searching ? words.search.none : view ? words.empty[view] : words.empty.mine;
  const list =
    queue.cases.length === 0
      ? `<p class="card">${escapeHtml(empty)}</p>`
      : queueTable(locale, title, queue.cases, now, queue.timeZone);
  const truncated = queue.truncated ? `<p class="muted">${escapeHtml(words.merged(queue.cases.length))}</p>` : '';
  const body =
    searchForm(locale, choice.search) +
    listTabs(locale, queue.views, searching ? undefined : view, queue.counts) +
    `<h1>${escapeHtml(title)}</h1>${intro}` +
    (view && !searching ? filterForm(locale, view, choice.filters) : '') +
    list +
    truncated +
    pager(locale, choice, queue.nextToken, choice.paged === true) +
    (queue.agents ? agentsBoard(locale, queue.agents, shell.csrfToken) : '');
  return consolePage(shell, title, body, clockScriptTag(ASSETS_PATH));
};
