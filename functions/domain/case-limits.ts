import type { Case } from './case.js';
import { CaseLimitReachedError } from './errors.js';

/** What one case takes at most: its view and timeline stay small enough to read and answer in one response. */
export const MAX_CUSTOMER_MESSAGES = 100;
/** Evidence files on one case, intake and messages together. */
export const MAX_CASE_ATTACHMENTS = 20;

/**
 * Refuses (409 `case_limit_reached`) one more customer message, carrying `addedAttachments` new files, past either
 * limit. The write re-checks both atomically (see `CaseChange.countCustomerMessage`), so concurrency cannot overshoot.
 */
export const assertRoomForMessage = (current: Case, addedAttachments: number): void => {
  if ((current.customerMessages ?? 0) >= MAX_CUSTOMER_MESSAGES) {
    throw new CaseLimitReachedError('customerMessages', MAX_CUSTOMER_MESSAGES);
  }
  assertRoomForFiles(current, addedAttachments);
};

/** Refuses (409 `case_limit_reached`) files past the case's limit; the write re-checks it (`addAttachments`). */
export const assertRoomForFiles = (current: Case, addedAttachments: number): void => {
  if (current.attachments.length + addedAttachments > MAX_CASE_ATTACHMENTS) {
    throw new CaseLimitReachedError('attachments', MAX_CASE_ATTACHMENTS);
  }
};
