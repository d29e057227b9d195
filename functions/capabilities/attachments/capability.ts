import type { Capabilities } from '../../wiring/capabilities.js';

export type { AttachmentStorage } from '../../ports/attachment-storage.js';

/** `attachments: 'read' | 'presign'`: reads uploaded files, or presigns their uploads. */
export const attachmentsGranted = (capabilities: Capabilities): boolean => capabilities.attachments !== undefined;
export type GrantedAttachments<C> = C extends { attachments: 'read' | 'presign' } ? 'attachments' : never;

export const ATTACHMENTS_ENV = { bucket: 'ATTACHMENTS_BUCKET' } as const;
