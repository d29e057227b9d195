import { CASE_STATUSES, CASE_TYPES, PRIORITIES, type Locale } from '../../domain/case-vocabulary.js';
import type { QueueFilters, QueueView } from '../../domain/queue-views.js';
import { escapeHtml } from '../../email/render.js';
import { CONSOLE_WORDS } from './console-words.js';
import { QUEUE_WORDS } from './queue-words.js';

/** What the page was asked for, kept in every link and form so a choice survives the next click. */
export interface QueueChoice {
  view?: QueueView;
  filters: QueueFilters;
  search?: string;
}

/** `/console?...` with the given parameters (absent ones left out). */
export const queueHref = (parameters: Record<string, string | undefined>): string => {
  const query = new URLSearchParams(
    Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return query ? `/console?${query}` : '/console';
};

/** The search box: one labelled field with its hint, a GET form (the search is in the URL). */
export const searchForm = (locale: Locale, search: string | undefined): string => {
  const s = QUEUE_WORDS[locale].search;
  return (
    `<form class="search card" role="search" method="get" action="/console">` +
    `<label for="q">${escapeHtml(s.label)}</label>` +
    `<p class="hint" id="q-hint">${escapeHtml(s.hint)}</p>` +
    `<div class="row"><input id="q" name="q" type="search" maxlength="254" autocomplete="off" ` +
    `aria-describedby="q-hint" value="${escapeHtml(search ?? '')}">` +
    `<button class="btn" type="submit">${escapeHtml(s.submit)}</button></div></form>`
  );
};

/** The lists as tabs (links), each with its count when known ("99+" past the count's cap). */
export const listTabs = (
  locale: Locale,
  views: readonly QueueView[],
  current: QueueView | undefined,
  counts: Partial<Record<QueueView, { count: number; more: boolean }>> = {},
): string => {
  const words = QUEUE_WORDS[locale];
  const items = views
    .map((view) => {
      const count = counts[view];
      const badge = count ? ` <span class="count">${count.count}${count.more ? '+' : ''}</span>` : '';
      return (
        `<li><a href="${escapeHtml(queueHref({ view }))}"${view === current ? ' aria-current="page"' : ''}>` +
        `${escapeHtml(words.titles[view])}${badge}</a></li>`
      );
    })
    .join('');
  return `<nav class="tabs" aria-label="${escapeHtml(words.listsLabel)}"><ul>${items}</ul></nav>`;
};

/** The filters (status, type, priority) of the current list as a GET form; "All" sends an empty value. */
export const filterForm = (locale: Locale, view: QueueView, filters: QueueFilters): string => {
  const words = CONSOLE_WORDS[locale];
  const f = QUEUE_WORDS[locale].filters;
  const select = (name: string, label: string, options: ReadonlyArray<[string, string]>, chosen?: string) =>
    `<div><label for="f-${name}">${escapeHtml(label)}</label><select id="f-${name}" name="${name}">` +
    `<option value="">${escapeHtml(f.all)}</option>` +
    options
      .map(
        ([value, text]) =>
          `<option value="${escapeHtml(value)}"${value === chosen ? ' selected' : ''}>${escapeHtml(text)}</option>`,
      )
      .join('') +
    '</select></div>';
  return (
    `<form class="filters card" method="get" action="/console"><fieldset><legend>${escapeHtml(f.legend)}</legend>` +
    `<input type="hidden" name="view" value="${escapeHtml(view)}">` +
    select(
      'status',
      f.status,
      CASE_STATUSES.map((s) => [s, words.statuses[s]]),
      filters.status,
    ) +
    select(
      'type',
      f.type,
      CASE_TYPES.map((t) => [t, words.types[t]]),
      filters.type,
    ) +
    select(
      'priority',
      f.priority,
      PRIORITIES.map((p) => [p, p]),
      filters.priority,
    ) +
    `<div class="actions"><button class="btn" type="submit">${escapeHtml(f.apply)}</button>` +
    `<a href="${escapeHtml(queueHref({ view }))}">${escapeHtml(f.clear)}</a></div></fieldset></form>`
  );
};

/** Links to the next page (the store's token, with the same choice) and back to the first. */
export const pager = (locale: Locale, choice: QueueChoice, nextToken: string | undefined, paged: boolean): string => {
  const words = QUEUE_WORDS[locale];
  const base = {
    view: choice.view,
    status: choice.filters.status,
    type: choice.filters.type,
    priority: choice.filters.priority,
    q: choice.search,
  };
  const links = [
    ...(paged ? [`<a href="${escapeHtml(queueHref(base))}">${escapeHtml(words.firstPage)}</a>`] : []),
    ...(nextToken
      ? [
          `<a href="${escapeHtml(queueHref({ ...base, next: nextToken }))}" rel="next">${escapeHtml(words.nextPage)}</a>`,
        ]
      : []),
  ];
  return links.length > 0 ? `<p class="pager">${links.join(' ')}</p>` : '';
};
