import type { Case } from '../../domain/case.js';
import { escapeHtml } from '../../email/render.js';
import { consolePage, type ShellContext } from './console-layout.js';
import { CONSOLE_WORDS, dueText } from './console-words.js';

const dateTime = (locale: string, at: string): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(at));

/**
 * The queue page (`/console`): the signed-in user's open cases in the order the queue keeps them (most urgent SLA
 * deadline first), the due time told relative to `now`. The `filters` slot is where the filters and search box go.
 */
export const renderQueuePage = (shell: ShellContext, cases: readonly Case[], now: Date, filters = ''): string => {
  const words = CONSOLE_WORDS[shell.locale];
  const q = words.queue;
  const cell = (label: string, html: string, extra = '') =>
    `<td data-label="${escapeHtml(label)}"${extra}>${html}</td>`;
  const rows = cases
    .map((value) => {
      const priority = value.classification?.priority;
      const dueAt = value.deadlines?.nextDueAt;
      const breached = dueAt !== undefined && new Date(dueAt).getTime() < now.getTime();
      const due = dueAt
        ? `<time datetime="${escapeHtml(dueAt)}"${breached ? ' class="breached"' : ''}>${escapeHtml(dueText(words, new Date(dueAt), now))}</time>`
        : `<span class="muted">${escapeHtml(q.noClock)}</span>`;
      return (
        '<tr>' +
        cell(
          q.columns.caseNumber,
          `<a href="/console/cases/${encodeURIComponent(value.caseId)}">${escapeHtml(value.caseNumber)}</a>`,
        ) +
        cell(
          q.columns.priority,
          priority ? escapeHtml(priority) : `<span class="muted">${escapeHtml(q.noPriority)}</span>`,
          priority === 'P1' ? ' class="p1"' : '',
        ) +
        cell(q.columns.type, escapeHtml(words.types[value.type])) +
        cell(q.columns.customer, escapeHtml(value.customer.name)) +
        cell(q.columns.status, escapeHtml(words.statuses[value.status])) +
        cell(q.columns.due, due) +
        cell(
          q.columns.filed,
          `<time datetime="${escapeHtml(value.createdAt)}">${escapeHtml(dateTime(shell.locale, value.createdAt))}</time>`,
        ) +
        '</tr>'
      );
    })
    .join('');
  const c = q.columns;
  const table =
    cases.length === 0
      ? `<p class="card">${escapeHtml(q.empty)}</p>`
      : `<table><caption class="skip">${escapeHtml(q.mine)}</caption><thead><tr>` +
        [c.caseNumber, c.priority, c.type, c.customer, c.status, c.due, c.filed]
          .map((name) => `<th scope="col">${escapeHtml(name)}</th>`)
          .join('') +
        `</tr></thead><tbody>${rows}</tbody></table>`;
  return consolePage(shell, q.title, `<h1>${escapeHtml(q.title)}</h1><p>${escapeHtml(q.mine)}</p>${filters}${table}`);
};
