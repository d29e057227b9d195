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
