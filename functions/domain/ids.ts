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

/** 16 characters x 5 bits = 80 bits; one byte per character, masked to 5 bits, keeps it unbiased. */
const randomDigits = (): number[] => [...randomBytes(16)].map((byte) => byte & 31);

/** The digits plus one (base 32); wraps only after 2^80 ids in one millisecond. */
const increment = (digits: number[]): number[] => {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i -= 1) {
    next[i] = ((next[i] as number) + 1) % 32;
    if (next[i] !== 0) break;
  }
  return next;
};

let last = { epochMs: -1, digits: randomDigits() };

/**
 * Monotonic within a process (as ULID's monotonic factory): ids made in the same millisecond increment the random part,
 * so events written together (a reply and the status change it causes) keep the order they were made in.
 */
export const newSortableId = (prefix: string, now: Date = new Date()): string => {
  const epochMs = now.getTime();
  last = { epochMs, digits: epochMs === last.epochMs ? increment(last.digits) : randomDigits() };
  return `${prefix}_${encodeTime(epochMs)}${last.digits.map((digit) => CROCKFORD.charAt(digit)).join('')}`;
};

export const SORTABLE_ID_BODY = '[0-9A-HJKMNP-TV-Z]{26}';
