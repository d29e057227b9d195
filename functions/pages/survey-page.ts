import {
  RATING_MAX,
  RATING_MIN,
  SURVEY_COMMENT_MAX_LENGTH,
  SURVEY_DIMENSIONS,
  type SurveyDimension,
} from '../domain/aftercare/survey.js';
import type { Locale } from '../domain/case.js';
import { escapeHtml } from '../email/render.js';
import type { SurveyGoneReason, SurveyPageContext } from '../use-cases/survey/survey-link.js';
import { messagePage, pageDocument } from './page-layout.js';
import { PAGE_WORDS } from './page-words.js';

export type SurveyField = SurveyDimension | 'comment';

/** What the form shows: the customer's values so far (a preselected rating, or what they sent) and each field's error. */
export interface SurveyForm {
  page: SurveyPageContext;
  ratings: Partial<Record<SurveyDimension, number>>;
  comment?: string;
  errors?: Partial<Record<SurveyField, string>>;
}

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, index) => RATING_MIN + index);

const expiryDate = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

const errorLine = (id: string, message: string | undefined): string =>
  message ? `<p class="error" id="${id}">${escapeHtml(message)}</p>` : '';

const ratingFieldset = (form: SurveyForm, dimension: SurveyDimension): string => {
  const words = PAGE_WORDS[form.page.locale];
  const required = dimension === 'overall';
  const error = form.errors?.[dimension];
  const hintId = `${dimension}-hint`;
  const errorId = `${dimension}-error`;
  const describedBy = [hintId, ...(error ? [errorId] : [])].join(' ');
  const options = RATINGS.map((value) => {
    const id = `${dimension}-${value}`;
    const checked = form.ratings[dimension] === value ? ' checked' : '';
    return (
      `<li><input type="radio" id="${id}" name="${dimension}" value="${value}"${checked}` +
      `${required ? ' required' : ''}><label for="${id}">${escapeHtml(words.rating(value))}</label></li>`
    );
  }).join('');
  return (
    `<fieldset aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>` +
    `<legend>${escapeHtml(words.dimensions[dimension])} ` +
    `<span class="tag">(${escapeHtml(required ? words.required : words.optional)})</span></legend>` +
    `<ul class="scale">${options}</ul>` +
    `<p class="hint" id="${hintId}">${escapeHtml(`${words.scale.low} · ${words.scale.high}`)}</p>` +
    errorLine(errorId, error) +
    `</fieldset>`
  );
};

/** The survey form: one fieldset per dimension (overall required), a comment, one submit; posts back to this URL. */
export const renderSurveyForm = (form: SurveyForm): string => {
  const { locale, storeName, caseNumber, expiresAt } = form.page;
  const words = PAGE_WORDS[locale];
  const commentError = form.errors?.comment;
  const hasErrors = Object.values(form.errors ?? {}).some(Boolean);
  const body =
    `<h1>${escapeHtml(words.title)}</h1>` +
    `<p>${escapeHtml(words.intro(storeName, caseNumber))}</p>` +
    (hasErrors ? `<p class="summary" role="alert">${escapeHtml(words.errorSummary)}</p>` : '') +
    // An empty action posts to this very URL (whatever stage prefix the API has).
    `<form method="post" action="" novalidate>` +
    SURVEY_DIMENSIONS.map((dimension) => ratingFieldset(form, dimension)).join('') +
    `<label class="block" for="comment">${escapeHtml(words.comment)}</label>` +
    `<textarea id="comment" name="comment" maxlength="${SURVEY_COMMENT_MAX_LENGTH}" aria-describedby="comment-hint${commentError ? ' comment-error' : ''}"${commentError ? ' aria-invalid="true"' : ''}>` +
    `${escapeHtml(form.comment ?? '')}</textarea>` +
    `<p class="hint" id="comment-hint">${escapeHtml(words.commentHint(SURVEY_COMMENT_MAX_LENGTH))}</p>` +
    errorLine('comment-error', commentError) +
    `<button type="submit">${escapeHtml(words.submit)}</button>` +
    `</form>` +
    `<p class="small">${escapeHtml(words.expires(expiryDate(expiresAt, locale)))}</p>`;
  return pageDocument(locale, `${words.title} · ${storeName}`, body);
};

export const renderThanks = (page: SurveyPageContext): string => {
  const words = PAGE_WORDS[page.locale];
  return messagePage(page.locale, words.thanksTitle, words.thanks(page.storeName));
};

export const renderGone = (page: SurveyPageContext, reason: SurveyGoneReason): string => {
  const words = PAGE_WORDS[page.locale];
  return messagePage(page.locale, words.goneTitle, words.gone[reason]);
};

export const renderNotFound = (locale: Locale): string => {
  const words = PAGE_WORDS[locale];
  return messagePage(locale, words.notFoundTitle, words.notFound);
};
