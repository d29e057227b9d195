import type { Locale } from '../../domain/case-vocabulary.js';
import type { StaffRole } from '../../domain/staff.js';
import { escapeHtml } from '../../email/render.js';
import { consoleDocument } from './console-layout.js';
import { CONSOLE_WORDS } from './console-words.js';

export interface SignInChoice {
  username: string;
  name: string;
  storeId: string;
  roles: readonly StaffRole[];
}

/**
 * The local stack's sign-in page: one select of the staff users by username and a button; a plain form post, so it
 * works without JavaScript. The language switch is a link, as in the signed-in shell.
 */
export const renderSignInPage = (locale: Locale, choices: readonly SignInChoice[]): string => {
  const words = CONSOLE_WORDS[locale];
  const options = choices
    .map(
      (choice) =>
        `<option value="${escapeHtml(choice.username)}">${escapeHtml(
          `${choice.username} · ${choice.name} · ${choice.storeId} · ${choice.roles.map((role) => words.roles[role]).join(', ')}`,
        )}</option>`,
    )
    .join('');
  const other = words.language;
  const header =
    `<header><span class="brand">${escapeHtml(words.product)}</span>` +
    `<a href="/console/sign-in?lang=${other.otherLang}" lang="${other.otherLang}" hreflang="${other.otherLang}" ` +
    `aria-label="${escapeHtml(other.otherName)}">${escapeHtml(other.other)}</a></header>`;
  return consoleDocument(
    locale,
    `${words.signIn.title} · ${words.product}`,
    header,
    `<div class="card"><h1>${escapeHtml(words.signIn.title)}</h1><p>${escapeHtml(words.signIn.intro)}</p>` +
      `<p class="muted">${escapeHtml(words.signIn.localOnly)}</p>` +
      `<form method="post" action="/console/sign-in"><label for="username">${escapeHtml(words.signIn.user)}</label>` +
      `<select id="username" name="username" required>${options}</select>` +
      `<button class="btn" type="submit">${escapeHtml(words.signIn.choose)}</button></form></div>`,
  );
};
