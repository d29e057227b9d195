import type { Dependencies } from '../commons/dependencies.js';
import { newCaseId, type Case, type CaseRequest } from '../domain/case.js';
import { caseNumberDay, formatCaseNumber } from '../domain/case-number.js';
import { IdempotencyConflictError, TransientError } from '../domain/errors.js';
import { IDEMPOTENCY_TTL_SECONDS, requestHash } from '../domain/idempotency.js';
import type { Store } from '../domain/store.js';
import type { TimelineEvent } from '../domain/timeline.js';
import { timelineEvent } from '../domain/timeline-events.js';
import { IdempotencyKeyTakenError } from '../ports/case-store.js';

export interface FileCaseInput {
  store: Store;
  request: CaseRequest;
  idempotencyKey?: string;
  /** The earlier case this one follows up (a message after that case's reopen window). */
  linkedCaseId?: string;
}

export interface FiledCase {
  /** False when an earlier request with the same Idempotency-Key and body already filed it. */
  created: boolean;
  filed: Case;
}

const TRANSACTION_ATTEMPTS = 5;

/** A newly filed case and its first timeline event, as intake writes them. */
export const submittedCase = (
  store: Pick<Store, 'storeId'>,
  request: CaseRequest,
  caseNumber: string,
  now: Date,
  links: Pick<Case, 'linkedCaseId'> = {},
): { filed: Case; submitted: TimelineEvent } => {
  const caseId = newCaseId(now);
  const filed: Case = {
    ...request,
    ...links,
    caseId,
    caseNumber,
    storeId: store.storeId,
    status: 'submitted',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const submitted = timelineEvent(
    caseId,
    now,
    'case_submitted',
    { kind: 'storefront', id: store.storeId },
    {
      to: 'submitted',
      details: { channel: request.channel, ...links },
    },
  );
  return { filed, submitted };
};

/**
 * Files a storefront's request:
 * 1. takes the next number of the store's daily case-number sequence;
 * 2. writes the case, its first timeline event and the idempotency record in one transaction;
 * 3. starts the case's lifecycle workflow (named by the case id, so a repeated start is harmless).
 * A repeated Idempotency-Key with the same body returns the first case (and restarts its workflow if it never
 * began); with another body it is a conflict.
 */
export const fileCase = async (
  { cases, workflow, clock }: Pick<Dependencies, 'cases' | 'workflow' | 'clock'>,
  { store, request, idempotencyKey, linkedCaseId }: FileCaseInput,
): Promise<FiledCase> => {
  const now = clock.now();
  const hash = requestHash(request);
  const day = caseNumberDay(now, store.timezone);
  const sequence = await cases.nextCaseSequence(store.storeId, day);
  const caseNumber = formatCaseNumber(store.caseNumberPrefix, day, sequence);
  const { filed, submitted } = submittedCase(store, request, caseNumber, now, linkedCaseId ? { linkedCaseId } : {});
  const caseId = filed.caseId;
  const idempotency = idempotencyKey
    ? {
        storeId: store.storeId,
        idempotencyKey,
        requestHash: hash,
        caseId,
        expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
      }
    : undefined;

  for (let attempt = 1; ; attempt += 1) {
    try {
      await cases.create(filed, submitted, idempotency);
      break;
    } catch (error) {
      if (error instanceof IdempotencyKeyTakenError && idempotencyKey) {
        return replay({ cases, workflow }, store, idempotencyKey, hash);
      }
      // Concurrent requests with one key collide inside DynamoDB's transaction; the next attempt sees the winner.
      if (error instanceof TransientError && attempt < TRANSACTION_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      throw error;
    }
  }
  await workflow.start({ caseId, storeId: store.storeId });
  return { created: true, filed };
};

const replay = async (
  { cases, workflow }: Pick<Dependencies, 'cases' | 'workflow'>,
  store: Store,
  idempotencyKey: string,
  hash: string,
): Promise<FiledCase> => {
  const record = await cases.findIdempotencyRecord(store.storeId, idempotencyKey);
  const earlier = record && (await cases.get(record.caseId));
  if (!record || !earlier) throw new TransientError('Idempotency record not readable yet');
  if (record.requestHash !== hash) {
    throw new IdempotencyConflictError('This Idempotency-Key was used with a different body', {
      details: [{ path: 'Idempotency-Key', message: `Already used for case ${earlier.caseNumber}` }],
    });
  }
  if (earlier.status === 'submitted') await workflow.start({ caseId: earlier.caseId, storeId: earlier.storeId });
  return { created: false, filed: earlier };
};
