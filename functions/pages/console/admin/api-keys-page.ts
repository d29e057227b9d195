import type { Locale } from '../../../domain/case-vocabulary.js';
import type { ApiKeyView } from '../../../domain/api-key.js';
import { escapeHtml } from '../../../email/render.js';
import { inputField, type FormErrors, type FormValues } from './admin-form.js';
import { adminForm, adminSection, formError, submitButton, type Notice } from './admin-section.js';
import { ADMIN_WORDS } from './admin-words.js';

export const API_KEY_FORM_FIELDS: readonly string[] = ['overlap'];

/** A key issued by this request: shown on this one page, never again (the page is `no-store`). */
export interface IssuedKey {
  apiKey: string;
  previousKeyValidUntil: string;
}

/** The body of `/console/admin/api-keys`: the store's keys (ids and states, never a key) and the rotation form. */
export const apiKeysPageBody = (
  locale: Locale,
  csrfToken: string,
  keys: readonly ApiKeyView[],
  values: FormValues,
  errors: FormErrors,
  notice: Notice,
  issued?: IssuedKey,
): string => {
  const words = ADMIN_WORDS[locale].apiKeys;
  const columns = words.columns;
  const cell = (label: string, text: string) => `<td data-label="${escapeHtml(label)}">${escapeHtml(text)}</td>`;
  const newKey = issued
    ? `<section class="card" aria-labelledby="new-key"><h2 id="new-key">${escapeHtml(words.newKeyTitle)}</h2>` +
      `<p role="alert">${escapeHtml(words.newKeyOnce)}</p>` +
      `<p><span class="sr">${escapeHtml(words.newKey)}: </span><code class="key" id="issued-key">${escapeHtml(issued.apiKey)}</code></p>` +
      `<p>${escapeHtml(words.previousUntil(issued.previousKeyValidUntil))}</p></section>`
    : '';
  const table =
    `<table><caption class="sr">${escapeHtml(words.title)}</caption><thead><tr>` +
    [columns.keyId, columns.state, columns.createdAt, columns.validUntil]
      .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
      .join('') +
    `</tr></thead><tbody>` +
    keys
      .map(
        (key) =>
          `<tr>${cell(columns.keyId, key.keyId)}${cell(columns.state, words.states[key.state])}` +
          `${cell(columns.createdAt, key.createdAt ?? '—')}${cell(columns.validUntil, key.revokedAt ?? key.expiresAt ?? '—')}</tr>`,
      )
      .join('') +
    `</tbody></table>`;
  const form = adminForm(
    '/console/admin/api-keys',
    csrfToken,
    formError(errors) +
      inputField({ name: 'overlap', label: words.overlap, values, errors, hint: words.overlapHint, maxLength: 40 }) +
      submitButton(words.rotate),
  );
  return adminSection(ADMIN_WORDS[locale], 'apiKeys', words.title, words.intro, notice, newKey + table + form);
};
