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
import { IdempotencyKeyTakenError, type IdempotencyRecord } from '../ports/case-store.js';
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
 * 1. with an Idempotency-Key, looks for a live record first: the same body returns the earlier case, another body is a
 *    conflict, and either way nothing is written (no case number is taken); a record past `expiresAt` counts as absent;
 * 2. checks its attachments (uploaded under the store, once each: else 400 naming each, nothing written);
 * 3. takes the next number of the store's daily case-number sequence;
 * 4. writes the case (marked as awaiting its workflow), its first timeline event, a claim on each attachment (a file
 *    on another case is a 400; the number taken stays unused), the idempotency record (replacing an expired one) and,
 *    for storefront intake, one more on the customer's counter of the hour in one transaction, refused past the
 *    store's limit (429 `rate_limited`, nothing written; a replay in step 1 never counts);
 * 5. starts the case's lifecycle workflow (named by the case id, so a repeated start is harmless). The case is stored
 *    by then, so a failed start is logged, not answered with an error: the stranded-case sweeper starts it.
 */
export const fileCase = async (
  {
    cases,
    workflow,
    clock,
    attachments,
  }: Pick<Dependencies, 'cases' | 'workflow' | 'clock'> & Partial<Pick<Dependencies, 'attachments'>>,
  { store, request, idempotencyKey, linkedCaseId, messageRecord, intakeLimited = false }: FileCaseInput,
): Promise<FiledCase> => {
  const now = clock.now();
  const hash = requestHash(request);
  if (idempotencyKey && !messageRecord) {
    const record = await findLiveIdempotencyRecord(cases, store.storeId, idempotencyKey, now);
    if (record) return replay({ cases, workflow }, record, hash);
  }
  await checkAttachments({ attachments }, store.storeId, request.attachments);
  const day = caseNumberDay(now, store.timezone);
  const sequence = await cases.nextCaseSequence(store.storeId, day);
  const caseNumber = formatCaseNumber(store.caseNumberPrefix, day, sequence);
  const { filed, submitted } = submittedCase(store, request, caseNumber, now, linkedCaseId ? { linkedCaseId } : {});
  const caseId = filed.caseId;
  const idempotency = messageRecord
    ? messageRecord(filed)
    : idempotencyKey
      ? {
          storeId: store.storeId,
          idempotencyKey,
          requestHash: hash,
          caseId,
          expiresAt: idempotencyExpiry(now),
        }
      : undefined;

  const quota = intakeLimited ? intakeQuota(store, request.customer.id, now) : undefined;

  for (let attempt = 1; ; attempt += 1) {
    try {
      await claimingAttachments(request.attachments, () => cases.create(filed, submitted, { idempotency, quota }));
      break;
    } catch (error) {
      if (error instanceof IdempotencyKeyTakenError && idempotencyKey && !messageRecord) {
        // A concurrent request with the same key won; the number taken above stays unused.
        const record = await findLiveIdempotencyRecord(cases, store.storeId, idempotencyKey, now);
        if (!record) throw new TransientError('Idempotency record not readable yet');
        return replay({ cases, workflow }, record, hash);
      }
      // Concurrent requests with one key collide inside DynamoDB's transaction; the next attempt sees the winner.
      if (error instanceof TransientError && attempt < TRANSACTION_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      throw error;
    }
  }
  await startLifecycle(workflow, filed);
  return { created: true, filed };
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
