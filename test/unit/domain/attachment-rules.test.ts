import { describe, expect, it } from 'vitest';
import {
  attachmentIssuedAt,
  newAttachmentId,
  UPLOAD_REPORT_WINDOW_MS,
  UPLOAD_URL_SECONDS,
  uploadMayStillArrive,
} from '../../../functions/domain/attachment-rules.js';

const NOW = new Date('2026-12-07T10:00:00.000Z');

describe('Function: attachmentIssuedAt', () => {
  it('reads back the millisecond an id was issued at', () => {
    // Act
    const at = attachmentIssuedAt(newAttachmentId(NOW));

    // Assess
    expect(at.toISOString()).toBe(NOW.toISOString());
  });
});

describe('Function: uploadMayStillArrive', () => {
  it('covers the upload URL lifetime and a margin for the notification, and nothing older', () => {
    // Assess
    expect(UPLOAD_REPORT_WINDOW_MS).toBeGreaterThan(UPLOAD_URL_SECONDS * 1000);
    expect(uploadMayStillArrive(newAttachmentId(NOW), NOW)).toBe(true);
    expect(uploadMayStillArrive(newAttachmentId(new Date(NOW.getTime() - UPLOAD_REPORT_WINDOW_MS)), NOW)).toBe(true);
    expect(uploadMayStillArrive(newAttachmentId(new Date(NOW.getTime() - UPLOAD_REPORT_WINDOW_MS - 1)), NOW)).toBe(
      false,
    );
  });

  it('refuses ids from the future beyond clock skew, and malformed ids', () => {
    // Assess
    expect(uploadMayStillArrive(newAttachmentId(new Date(NOW.getTime() + 10 * 60_000)), NOW)).toBe(false);
    expect(uploadMayStillArrive('att_not-an-id', NOW)).toBe(false);
    expect(uploadMayStillArrive('../../etc/passwd', NOW)).toBe(false);
  });
});
