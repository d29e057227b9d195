import type { Dependencies } from '../commons/dependencies.js';
import { errorName, logger } from '../commons/logger.js';
import { newCaseId, type Case, type CaseRequest } from '../domain/case.js';
import { caseNumberDay, formatCaseNumber } from '../domain/case-number.js';
import { IdempotencyConflictError, TransientError } from '../domain/errors.js';
import { idempotencyExpiry, requestHash } from '../domain/idempotency.js';
import { intakeQuota } from '../domain/intake-limit.js';
import type { Store } from '../domain/store.js';
import type { TimelineEvent } from '../domain/timeline.js';
import { timelineEvent } from '../domain/timeline-events.js';
import { CaseSequenceMovedError, IdempotencyKeyTakenError, type IdempotencyRecord } from '../ports/case-store.js';
import { checkAttachments, claimingAttachments } from './check-attachments.js';
import { findLiveIdempotencyRecord } from './live-idempotency-record.js';

export interface FileCaseInput {
  store: Store;
  request: CaseRequest;
  idempotencyKey?: string;
  /** The earlier case this one follows up (a message after that case's reopen window). */
  linkedCaseId?: string;
  /** Counts against the customer's new cases per hour (storefront intake); a follow-up filed by a message does not. */
  intakeLimited?: boolean;
  /**
   * Instead of intake's own record under `idempotencyKey`: the record of the customer message that files this case,
   * written in the case's transaction. The message looked for it first and replays it; a concurrent request that
   * wrote it meanwhile makes this throw `IdempotencyKeyTakenError`, nothing written.
   */
  messageRecord?: (filed: Case) => IdempotencyRecord;
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
  files: Pick<Case, 'attachmentFiles'> = {},
): { filed: Case; submitted: TimelineEvent } => {
  const caseId = newCaseId(now);
  const filed: Case = {
    ...request,
    ...links,
    ...files,
    caseId,
    caseNumber,
    storeId: store.storeId,
    status: 'submitted',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    lastCustomerActivityAt: now.toISOString(),
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
 * Files a storefront's request in one DynamoDB round trip (the store's configuration comes cached):
 * 1. checks its attachments (uploaded under the store, once each: else 400 naming each, nothing written);
 * 2. takes a case number of the store's daily sequence (from this container's block: no round trip, see
 *    `CaseStore.nextCaseSequence`);
 * 3. writes, in one transaction, the idempotency record (replacing an expired one), the case (marked as awaiting its
 *    workflow), its first timeline event, the claim of its number's block when it opens one, a claim on each
 *    attachment (a file on another case is a 400), its KPI counters and, for storefront intake, one more on the
 *    customer's counter of the hour, refused past the store's limit (429 `rate_limited`). When the key's record is live
 *    the transaction is cancelled and its cancellation carries the record: the same body returns the earlier case,
 *    another body is a conflict (409); either way nothing is written, no number is used and nothing counts;
 * 4. starts the case's lifecycle workflow (named by the case id, so a repeated start is harmless). The case is stored
 *    by then, so a failed start is logged, not answered with an error: the stranded-case sweeper starts it.
 */
export const fileCase = async (
  {
    cases,
    workflow,
    clock,
    uploads,
  }: Pick<Dependencies, 'cases' | 'workflow' | 'clock'> & Partial<Pick<Dependencies, 'uploads'>>,
  { store, request, idempotencyKey, linkedCaseId, messageRecord, intakeLimited = false }: FileCaseInput,
): Promise<FiledCase> => {
  const now = clock.now();
  const hash = requestHash(request);
  const files = await checkAttachments({ uploads, clock }, store.storeId, request.attachments);
  const day = caseNumberDay(now, store.timezone);
  const quota = intakeLimited ? intakeQuota(store, request.customer.id, now) : undefined;

  for (let attempt = 1; ; attempt += 1) {
    // A number per attempt: a cancelled write gave its number back, and a moved counter needs a new one.
    const sequence = await cases.nextCaseSequence(store.storeId, day);
    const caseNumber = formatCaseNumber(store.caseNumberPrefix, day, sequence);
    const { filed, submitted } = submittedCase(
      store,
      request,
      caseNumber,
      now,
      linkedCaseId ? { linkedCaseId } : {},
      files.length > 0 ? { attachmentFiles: files } : {},
    );
    const idempotency = messageRecord
      ? messageRecord(filed)
      : idempotencyKey
        ? {
            storeId: store.storeId,
            idempotencyKey,
            requestHash: hash,
            caseId: filed.caseId,
            expiresAt: idempotencyExpiry(now),
          }
        : undefined;
    try {
      await claimingAttachments(request.attachments, () =>
        cases.create(filed, submitted, { idempotency, quota, caseNumber: { day, sequence } }),
      );
      await startLifecycle(workflow, filed);
      return { created: true, filed };
    } catch (error) {
      if (error instanceof IdempotencyKeyTakenError && idempotencyKey && !messageRecord) {
        // The key's record came back with the cancellation; read only if it did not (a store without that support).
        const record = error.record ?? (await findLiveIdempotencyRecord(cases, store.storeId, idempotencyKey, now));
        if (!record) throw new TransientError('Idempotency record not readable yet');
        return replay({ cases, workflow }, record, hash);
      }
      if (error instanceof CaseSequenceMovedError && attempt < TRANSACTION_ATTEMPTS) continue;
      // Concurrent requests with one key collide inside DynamoDB's transaction; the next attempt sees the winner.
      if (error instanceof TransientError && attempt < TRANSACTION_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      throw error;
    }
  }
};

const replay = async (
  { cases, workflow }: Pick<Dependencies, 'cases' | 'workflow'>,
  record: IdempotencyRecord,
  hash: string,
): Promise<FiledCase> => {
  const earlier = await cases.get(record.caseId);
  if (!earlier) throw new TransientError('Idempotency record not readable yet');
  if (record.requestHash !== hash) {
    throw new IdempotencyConflictError('This Idempotency-Key was used with a different body', {
      details: [{ path: 'Idempotency-Key', message: `Already used for case ${earlier.caseNumber}` }],
    });
  }
  if (earlier.status === 'submitted') await startLifecycle(workflow, earlier);
  return { created: false, filed: earlier };
};

/** The case is stored whatever happens here; a start that fails is left to the stranded-case sweeper. */
const startLifecycle = async (workflow: Dependencies['workflow'], filed: Case): Promise<void> => {
  try {
    await workflow.start({ caseId: filed.caseId, storeId: filed.storeId });
  } catch (error) {
    logger.error('Case stored, its workflow not started: the stranded-case sweeper will start it', {
      caseId: filed.caseId,
      storeId: filed.storeId,
      errorName: errorName(error),
    });
  }
};
