import type { Dependencies } from '../commons/dependencies.js';
import { isIdempotencyRecordLive } from '../domain/idempotency.js';
import type { IdempotencyRecord } from '../ports/case-store.js';

/** The record holding a store's Idempotency-Key now: one past its `expiresAt` (TTL deletes lazily) counts as absent. */
export const findLiveIdempotencyRecord = async (
  cases: Pick<Dependencies['cases'], 'findIdempotencyRecord'>,
  storeId: string,
  idempotencyKey: string,
  now: Date,
): Promise<IdempotencyRecord | undefined> => {
  const record = await cases.findIdempotencyRecord(storeId, idempotencyKey);
  return record && isIdempotencyRecordLive(record, now) ? record : undefined;
};
