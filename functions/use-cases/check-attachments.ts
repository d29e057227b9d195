import { setTimeout as sleep } from 'node:timers/promises';
import type { Dependencies } from '../commons/dependencies.js';
import { keptFileName, type AttachmentFile } from '../domain/attachment-file.js';
import { uploadMayStillArrive } from '../domain/attachment-rules.js';
import { UndeclaredCapabilityError, UploadPendingError, ValidationError, type ErrorDetail } from '../domain/errors.js';
import { AttachmentInUseError } from '../ports/case-store.js';
import type { UploadState } from '../ports/upload-records.js';

/**
 * S3 reports an upload within a second, as a rule: a file not reported yet is read again after these pauses (1.4 s in
 * all) before the request answers `upload_pending`, so a client that attaches a file right after its PUT is not sent
 * back to retry in the usual case.
 */
export const UPLOAD_REPORT_PAUSES_MS: readonly number[] = [200, 400, 800];
/** `Retry-After` of an `upload_pending` answer. */
export const UPLOAD_PENDING_RETRY_SECONDS = 2;

const NOT_UPLOADED = 'No uploaded attachment with this id in this store';

/**
 * The rule for files sent with a case (intake) or a message: each uploaded through `POST /v1/attachments` under the
 * same store (another store's id is as unknown as a made-up one), each listed once. What was uploaded is read from the
 * records S3's notifications leave (`uploads`), not from S3:
 * 1. each listed file's record is read; a file S3 has not reported while it still may (its id, and so its upload URL,
 *    is recent: `uploadMayStillArrive`) is read again after short pauses (`UPLOAD_REPORT_PAUSES_MS`);
 * 2. a file listed twice, another store's, or never uploaded (an old or made-up id) is named (`attachments.<i>`) in one
 *    400, with any file still unreported, before anything is written;
 * 3. else a file still unreported is a 409 `upload_pending` with `Retry-After`: nothing is written, and the same request
 *    succeeds once S3 has reported the upload.
 * That a file is not already another case's is enforced by the write itself (a claim in its transaction, see
 * `attachmentsInUse`). Returns what each file is (the name given at upload, type, size), in the request's order.
 */
export const checkAttachments = async (
  { uploads, clock }: Partial<Pick<Dependencies, 'uploads'>> & Pick<Dependencies, 'clock'>,
  storeId: string,
  attachmentIds: readonly string[],
): Promise<AttachmentFile[]> => {
  if (attachmentIds.length === 0) return [];
  if (!uploads) throw new UndeclaredCapabilityError('uploads');
  const firsts = attachmentIds.map((attachmentId, index) => attachmentIds.indexOf(attachmentId) === index);
  const awaited = (state: UploadState | undefined, attachmentId: string): boolean =>
    state?.state === 'unreported' && uploadMayStillArrive(attachmentId, clock.now());
  const find =
    (only?: (state: UploadState | undefined, attachmentId: string) => boolean) =>
    (known: ReadonlyArray<UploadState | undefined>) =>
      Promise.all(
        attachmentIds.map((attachmentId, index) =>
          firsts[index] && (!only || only(known[index], attachmentId))
            ? uploads.find(storeId, attachmentId)
            : Promise.resolve(known[index]),
        ),
      );
  let states = await find()([]);
  for (const pause of UPLOAD_REPORT_PAUSES_MS) {
    if (!attachmentIds.some((attachmentId, index) => awaited(states[index], attachmentId))) break;
    await sleep(pause);
    states = await find(awaited)(states);
  }

  const problems = attachmentIds.flatMap((attachmentId, index): Array<ErrorDetail & { pending: boolean }> => {
    const path = `attachments.${index}`;
    const state = states[index];
    if (!firsts[index]) return [{ path, message: 'Listed more than once', pending: false }];
    if (awaited(state, attachmentId)) return [{ path, message: NOT_UPLOADED, pending: true }];
    return state?.state === 'uploaded' ? [] : [{ path, message: NOT_UPLOADED, pending: false }];
  });
  const details = problems.map(({ path, message }) => ({ path, message }));
  if (problems.some(({ pending }) => !pending)) throw new ValidationError('Unknown attachments', { details });
  if (problems.length > 0) {
    throw new UploadPendingError(
      UPLOAD_PENDING_RETRY_SECONDS,
      details.map(({ path }) => ({ path, message: 'Not reported as uploaded yet' })),
    );
  }
  return attachmentIds.flatMap((attachmentId, index) => {
    const state = states[index];
    return state?.state === 'uploaded'
      ? [
          {
            attachmentId,
            // A file uploaded before names were kept is named by its id.
            fileName: keptFileName(state.file.fileName ?? attachmentId),
            contentType: state.file.contentType,
            size: state.file.size,
          },
        ]
      : [];
  });
};

/** A write refused because files are already another case's: the 400 naming each where the request listed it. */
export const attachmentsInUse = (error: AttachmentInUseError, attachmentIds: readonly string[]): ValidationError =>
  new ValidationError('Attachments already on another case', {
    cause: error,
    details: attachmentIds.flatMap((attachmentId, index) =>
      error.attachmentIds.includes(attachmentId)
        ? [{ path: `attachments.${index}`, message: 'Already attached to another case' }]
        : [],
    ),
  });

/** Runs a write, turning `AttachmentInUseError` into the 400 naming the request's files. */
export const claimingAttachments = async <T>(attachmentIds: readonly string[], write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AttachmentInUseError) throw attachmentsInUse(error, attachmentIds);
    throw error;
  }
};
