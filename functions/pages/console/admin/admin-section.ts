import { escapeHtml } from '../../../email/render.js';
import type { AdminWords } from './admin-words.js';

export type AdminSection = 'store' | 'policy' | 'sla' | 'agents' | 'apiKeys';

/** The admin pages, in the nav's order. */
const SECTION_PATHS: Record<AdminSection, string> = {
  store: '/console/admin',
  policy: '/console/admin/policy',
  sla: '/console/admin/sla',
  agents: '/console/admin/agents',
  apiKeys: '/console/admin/api-keys',
};

/** What a page says above its form: saved (after the 303), or why nothing was saved. */
export type Notice = { kind: 'saved'; text?: string } | { kind: 'error' | 'conflict' } | undefined;

const noticeLine = (words: AdminWords, notice: Notice): string => {
  if (!notice) return '';
  if (notice.kind === 'saved') {
    return `<p class="notice" role="status">${escapeHtml(notice.text ?? words.saved)}</p>`;
  }
  return `<p class="alert" role="alert">${escapeHtml(notice.kind === 'conflict' ? words.conflict : words.fixErrors)}</p>`;
};

/** An admin page's body: the admin sections' nav, the heading, the notice, then the page's own content. */
export const adminSection = (
  words: AdminWords,
  current: AdminSection,
  title: string,
  intro: string,
  notice: Notice,
  content: string,
): string =>
  `<nav aria-label="${escapeHtml(words.sections.label)}" class="subnav"><ul>` +
  (Object.entries(SECTION_PATHS) as Array<[AdminSection, string]>)
    .map(
      ([section, path]) =>
        `<li><a href="${path}"${section === current ? ' aria-current="page"' : ''}>` +
        `${escapeHtml(words.sections[section])}</a></li>`,
    )
    .join('') +
  `</ul></nav><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(intro)}</p>${noticeLine(words, notice)}${content}`;

/** A form posting to `action` with the session's CSRF token (and the version it edits, when versioned). */
export const adminForm = (action: string, csrfToken: string, body: string, extraHidden = ''): string =>
  `<form method="post" action="${escapeHtml(action)}" class="card admin-form" novalidate>` +
  `<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">${extraHidden}${body}</form>`;

export const hidden = (name: string, value: string | undefined): string =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value ?? '')}">`;

export const submitButton = (label: string): string =>
  `<p><button class="btn" type="submit">${escapeHtml(label)}</button></p>`;

/** A group of fields under a heading (`<fieldset>` with a `<legend>`). */
export const group = (legend: string, fields: string, hint?: string): string =>
  `<fieldset class="group"><legend>${escapeHtml(legend)}</legend>` +
  (hint ? `<p class="hint">${escapeHtml(hint)}</p>` : '') +
  `${fields}</fieldset>`;

/** An error no field owns (a rule across the whole document), above the form's fields. */
export const formError = (errors: Readonly<Record<string, string>>): string =>
  errors.form ? `<p class="error" id="f-form-error">${escapeHtml(errors.form)}</p>` : '';
