import type { Case } from '../../domain/case.js';
import type { Locale } from '../../domain/case-vocabulary.js';
import { escapeHtml } from '../../email/render.js';
import { CONSOLE_WORDS, dueText } from './console-words.js';
import { QUEUE_WORDS } from './queue-words.js';

/** A date and time as staff read it: in the store's calendar time zone, in the page's language. */
export const storeDateTime = (locale: Locale, at: string, timeZone: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));

/**
 * The cases of a list as a table, one row each: case number (a link to its page), priority, type, customer, status,
 * the SLA due time relative to `now` ("due in 2 h", "breached 35 min ago"), and when the customer was last active
 * (their latest message or the filing; cases filed before that was kept show their filing time). Each cell carries its
 * column's name for the stacked rows of a phone.
 */
export const queueTable = (
  locale: Locale,
  caption: string,
  cases: readonly Case[],
  now: Date,
  timeZone: string,
): string => {
  const words = CONSOLE_WORDS[locale];
  const q = words.queue;
  const c = q.columns;
  const lastActivity = QUEUE_WORDS[locale].lastActivity;
  const cell = (label: string, html: string, extra = '') =>
    `<td data-label="${escapeHtml(label)}"${extra}>${html}</td>`;
  const rows = cases
    .map((value) => {
      const priority = value.classification?.priority;
      const dueAt = value.deadlines?.nextDueAt;
      const breached = dueAt !== undefined && new Date(dueAt).getTime() < now.getTime();
      const due = dueAt
        ? `<time datetime="${escapeHtml(dueAt)}" data-clock="queue"${breached ? ' class="breached"' : ''}>${escapeHtml(dueText(words, new Date(dueAt), now))}</time>`
        : `<span class="muted">${escapeHtml(q.noClock)}</span>`;
      const active = value.lastCustomerActivityAt ?? value.createdAt;
      return (
        '<tr>' +
        cell(
          c.caseNumber,
          `<a href="/console/cases/${encodeURIComponent(value.caseId)}">${escapeHtml(value.caseNumber)}</a>`,
        ) +
        cell(
          c.priority,
          priority ? escapeHtml(priority) : `<span class="muted">${escapeHtml(q.noPriority)}</span>`,
          priority === 'P1' ? ' class="p1"' : '',
        ) +
        cell(c.type, escapeHtml(words.types[value.type])) +
        cell(c.customer, escapeHtml(value.customer.name)) +
        cell(c.status, escapeHtml(words.statuses[value.status])) +
        cell(c.due, due) +
        cell(
          lastActivity,
          `<time datetime="${escapeHtml(active)}">${escapeHtml(storeDateTime(locale, active, timeZone))}</time>`,
        ) +
        '</tr>'
      );
    })
    .join('');
  return (
    `<table><caption class="skip">${escapeHtml(caption)}</caption><thead><tr>` +
    [c.caseNumber, c.priority, c.type, c.customer, c.status, c.due, lastActivity]
      .map((name) => `<th scope="col">${escapeHtml(name)}</th>`)
      .join('') +
    `</tr></thead><tbody>${rows}</tbody></table>`
  );
};
