import { newSortableId } from './ids.js';

/** What a customer may upload as evidence: photos and PDF documents, 10 MB at most. */
export const ALLOWED_ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type AttachmentType = (typeof ALLOWED_ATTACHMENT_TYPES)[number];

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const isAllowedAttachmentType = (contentType: string): contentType is AttachmentType =>
  (ALLOWED_ATTACHMENT_TYPES as readonly string[]).includes(contentType);

/** `att_` + a ULID: 10 characters of millisecond time, then 16 of randomness, in Crockford base32. */
export const ATTACHMENT_ID_PATTERN = /^att_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * A store id as it may appear in an object key or a folder name: no separators, no dot segments.
 * Attachment keys are `<storeId>/<attachmentId>`, so both parts must be safe on their own.
 */
export const ATTACHMENT_STORE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const isValidAttachmentKey = (storeId: string, attachmentId: string): boolean =>
  ATTACHMENT_STORE_ID_PATTERN.test(storeId) && ATTACHMENT_ID_PATTERN.test(attachmentId);

/** A new attachment id: sortable by creation time (to the millisecond), unguessable after that. */
export const newAttachmentId = (now: Date = new Date()): string => newSortableId('att', now);

/** How long an upload URL stays valid (`POST /v1/attachments`' `expiresAt`), in S3 and locally. */
export const UPLOAD_URL_SECONDS = 900;

/**
 * S3 reports an upload asynchronously (usually within a second, rarely a few minutes later), so an upload that S3 has
 * not reported may still arrive while its URL is valid, and a little after. Past this, it never will.
 */
export const UPLOAD_REPORT_WINDOW_MS = (UPLOAD_URL_SECONDS + 5 * 60) * 1000;

const CROCKFORD_DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** When the id was issued: its first 10 characters are the millisecond time (`newSortableId`). */
export const attachmentIssuedAt = (attachmentId: string): Date => {
  const time = attachmentId.slice('att_'.length, 'att_'.length + 10);
  let epochMs = 0;
  for (const character of time) epochMs = epochMs * 32 + CROCKFORD_DIGITS.indexOf(character);
  return new Date(epochMs);
};

/**
 * Whether an upload of this id, not reported yet, may still be reported: the id was issued (with its upload URL)
 * within the report window. A well-formed id older than that was never uploaded, or never will be.
 */
export const uploadMayStillArrive = (attachmentId: string, now: Date): boolean => {
  if (!ATTACHMENT_ID_PATTERN.test(attachmentId)) return false;
  const age = now.getTime() - attachmentIssuedAt(attachmentId).getTime();
  return age >= -60_000 && age <= UPLOAD_REPORT_WINDOW_MS;
};
