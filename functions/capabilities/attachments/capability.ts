import type { AttachmentStorage } from '../../ports/attachment-storage.js';

export type { AttachmentStorage };

/** In a declaration: `read` reads uploaded files; `presign` presigns their uploads. */
export interface AttachmentsCapability {
  attachments?: 'read' | 'presign';
}

export interface AttachmentsPort {
  attachments: AttachmentStorage;
}

/** `attachments: 'read' | 'presign'`: reads uploaded files, or presigns their uploads. */
export const attachmentsGranted = (capabilities: AttachmentsCapability): boolean =>
  capabilities.attachments !== undefined;
export type GrantedAttachments<C> = C extends { attachments: 'read' | 'presign' } ? 'attachments' : never;

export const ATTACHMENTS_ENV = { bucket: 'ATTACHMENTS_BUCKET' } as const;
