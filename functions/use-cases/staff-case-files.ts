import type { AttachmentFile } from '../domain/attachment-file.js';
import type { Case } from '../domain/case.js';
import type { TimelineEvent } from '../domain/timeline.js';

/** One file as staff see it: what it is, and where to ask for its download URL. */
export interface StaffAttachmentView {
  attachmentId: string;
  /** The name given at upload; null for a file attached before names were kept. */
  fileName: string | null;
  contentType: string | null;
  size: number | null;
}

/** A message of the conversation: the customer's, or a public reply by staff, with the files sent with it. */
export interface StaffMessageView {
  eventId: string;
  at: string;
  from: 'customer' | 'staff';
  /** The replying staff member's display name (staff replies only). */
  authorName?: string;
  body: string;
  attachments: StaffAttachmentView[];
}

const stringsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Each file the case holds, by id, as the writes that attached it recorded it. */
const filesOf = (value: Pick<Case, 'attachmentFiles'>): Map<string, AttachmentFile> =>
  new Map((value.attachmentFiles ?? []).map((file) => [file.attachmentId, file]));

const fileView =
  (files: ReadonlyMap<string, AttachmentFile>) =>
  (attachmentId: string): StaffAttachmentView => {
    const file = files.get(attachmentId);
    return {
      attachmentId,
      fileName: file?.fileName ?? null,
      contentType: file?.contentType ?? null,
      size: file?.size ?? null,
    };
  };

/** Every file on the case, in the order it came (intake first, then messages and replies). */
export const staffAttachmentsOf = (value: Pick<Case, 'attachments' | 'attachmentFiles'>): StaffAttachmentView[] =>
  value.attachments.map(fileView(filesOf(value)));

/**
 * The conversation, oldest first: the customer's messages and staff's public replies (internal notes stay in the
 * timeline), each with the files sent with it.
 */
export const staffMessagesOf = (
  value: Pick<Case, 'attachmentFiles'>,
  timeline: readonly TimelineEvent[],
): StaffMessageView[] => {
  const view = fileView(filesOf(value));
  return timeline.flatMap((event): StaffMessageView[] => {
    if (event.type !== 'customer_message' && event.type !== 'reply_sent') return [];
    const body = typeof event.details?.body === 'string' ? event.details.body : '';
    const authorName = typeof event.details?.authorName === 'string' ? event.details.authorName : undefined;
    const staff = event.type === 'reply_sent';
    return [
      {
        eventId: event.eventId,
        at: event.at,
        from: staff ? 'staff' : 'customer',
        ...(staff && authorName ? { authorName } : {}),
        body,
        attachments: stringsIn(event.details?.attachments).map(view),
      },
    ];
  });
};
