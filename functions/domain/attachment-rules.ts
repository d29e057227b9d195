import { randomBytes } from 'node:crypto';

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

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const encodeTime = (epochMs: number): string => {
  let remaining = Math.max(0, Math.floor(epochMs));
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD.charAt(remaining % 32) + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
};

const encodeRandom = (): string => {
  // 16 characters x 5 bits = 80 bits; one byte per character, masked to 5 bits, keeps it unbiased.
  const bytes = randomBytes(16);
  let out = '';
  for (const byte of bytes) out += CROCKFORD.charAt(byte & 31);
  return out;
};

/** A new attachment id: sortable by creation time (to the millisecond), unguessable after that. */
export const newAttachmentId = (now: Date = new Date()): string => `att_${encodeTime(now.getTime())}${encodeRandom()}`;
