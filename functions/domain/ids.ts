import { randomBytes } from 'node:crypto';

/** ULID-style identifiers (Crockford base32): sortable by creation time, unguessable after that. */
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

export const newSortableId = (prefix: string, now: Date = new Date()): string =>
  `${prefix}_${encodeTime(now.getTime())}${encodeRandom()}`;

export const SORTABLE_ID_BODY = '[0-9A-HJKMNP-TV-Z]{26}';
