import type { Dependencies } from '../../commons/dependencies.js';
import { IdempotencyConflictError } from '../../domain/errors.js';
import { idempotencyExpiry, requestHash } from '../../domain/idempotency.js';
import type { IdempotencyRecord } from '../../ports/case-store.js';
import { findLiveIdempotencyRecord } from '../live-idempotency-record.js';

export type MessageAnswer = NonNullable<IdempotencyRecord['message']>;

/** What a retry must repeat to be the same message: the case, the text and the files. */
export const messageRequestHash = (message: {
  caseId: string;
  body: string;
  attachments?: readonly string[];
}): string =>
  requestHash({
    route: 'customerMessage',
    caseId: message.caseId,
    body: message.body,
    attachments: message.attachments ?? [],
  });

/**
 * A message's `Idempotency-Key`, in the same records (and key space) as intake's: a key holds one request of the
 * store for 24 hours, whichever route it was sent to. `record` builds the record written with the message's own write.
 */
export const messageIdempotency = (
  { cases, clock }: Pick<Dependencies, 'cases' | 'clock'>,
  key: { storeId: string; caseId: string; idempotencyKey: string; requestHash: string },
) => ({
  record: (message: MessageAnswer): IdempotencyRecord => ({
    storeId: key.storeId,
    idempotencyKey: key.idempotencyKey,
    requestHash: key.requestHash,
    caseId: key.caseId,
    expiresAt: idempotencyExpiry(clock.now()),
    message,
  }),
  /**
   * The first answer to this key, when a live record holds it: the same request gets it again, another request (a
   * different body or case, or an intake) is a 409 `idempotency_conflict`. Undefined when the key is free.
   */
  earlierAnswer: async (): Promise<MessageAnswer | undefined> => {
    const record = await findLiveIdempotencyRecord(cases, key.storeId, key.idempotencyKey, clock.now());
    if (!record) return undefined;
    if (record.requestHash !== key.requestHash || !record.message) {
      throw new IdempotencyConflictError('This Idempotency-Key was used with a different request', {
        details: [{ path: 'Idempotency-Key', message: 'Already used for another request of this store' }],
      });
    }
    return record.message;
  },
});
