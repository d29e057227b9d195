import type { Locale } from '../../domain/case-vocabulary.js';
import { StateConflictError, ValidationError } from '../../domain/errors.js';
import { errorsByField } from '../../pages/console/admin/admin-form.js';
import type { Notice } from '../../pages/console/admin/admin-section.js';
import { detailsIn } from './localized-details.js';

/** Why a console form's save was refused, for its page to show again: nothing was written either way. */
export interface RefusedSave {
  statusCode: 400 | 409;
  errors: Record<string, string>;
  notice: Notice;
}

/**
 * A refused save as the form shows it: invalid values (400) with each error on its field, or a save by someone else
 * meanwhile (409). Any other error is not the form's to show: it is thrown on to the page route's error page.
 */
export const refusedSave = (error: unknown, fieldNames: readonly string[], locale: Locale): RefusedSave => {
  if (error instanceof ValidationError) {
    return { statusCode: 400, errors: errorsByField(detailsIn(locale, error), fieldNames), notice: { kind: 'error' } };
  }
  if (error instanceof StateConflictError) return { statusCode: 409, errors: {}, notice: { kind: 'conflict' } };
  throw error;
};

/** `?saved=1` after the 303 of a save: the page says so. */
export const savedNotice = (query: Record<string, string | undefined>): Notice =>
  query.saved === '1' ? { kind: 'saved' } : undefined;

/** A posted form's fields as text (a JSON post's other values are dropped: the console's forms send only text). */
export const formValuesOf = (fields: unknown): Record<string, string> =>
  typeof fields === 'object' && fields !== null
    ? Object.fromEntries(
        Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      )
    : {};
