import { HeadObjectCommand, NotFound } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3AttachmentStorage } from '../../../functions/adapters/attachments/s3-attachment-storage.js';
import { newAttachmentId } from '../../../functions/domain/attachment-rules.js';
import { ValidationError } from '../../../functions/domain/errors.js';
import { presigningS3 } from '../../support/s3-presigning.js';

const NOW = new Date('2026-11-22T08:00:00.000Z');
const attachmentId = newAttachmentId(NOW);

describe('Class: S3AttachmentStorage (downloads)', () => {
  // Presigning is computed locally: static credentials and region, no network.
  const { client, s3Mock } = presigningS3(NOW);

  it('returns a presigned GET of the store-bound key, valid 5 minutes, served as a download', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act
    const ticket = await storage.createDownload('store-1', attachmentId);

    // Assess
    const url = new URL(ticket.downloadUrl);
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe('evidence-bucket.s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe(`/attachments/store-1/${attachmentId}`);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261122T080000Z');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename="${attachmentId}"`);
    expect(ticket.expiresAt).toBe('2026-11-22T08:05:00.000Z');
    // Presigning is local: no call reaches S3.
    expect(s3Mock.calls()).toHaveLength(0);
  });

  it('signs another URL for the same attachment id under another store', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket', downloadExpiresInSeconds: 60 });

    // Act
    const mine = new URL((await storage.createDownload('store-1', attachmentId)).downloadUrl);
    const theirs = new URL((await storage.createDownload('store-2', attachmentId)).downloadUrl);

    // Assess
    expect(mine.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(theirs.pathname).toBe(`/attachments/store-2/${attachmentId}`);
    expect(theirs.searchParams.get('X-Amz-Signature')).not.toBe(mine.searchParams.get('X-Amz-Signature'));
  });

  it('refuses to sign when the key is not a valid attachment key', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act & Assess
    await expect(storage.createDownload('store-1', '../store-2/x')).rejects.toBeInstanceOf(ValidationError);
    await expect(storage.createDownload('a/b', attachmentId)).rejects.toBeInstanceOf(ValidationError);
  });

  it('describes an uploaded file by HeadObject of the store-bound key, and answers undefined when S3 has none', async () => {
    // Prepare
    s3Mock
      .on(HeadObjectCommand, { Key: `attachments/store-1/${attachmentId}` })
      .resolves({ ContentType: 'image/png', ContentLength: 2048 })
      .on(HeadObjectCommand, { Key: `attachments/store-2/${attachmentId}` })
      .rejects(new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } }));
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act
    const mine = await storage.describe('store-1', attachmentId);
    const theirs = await storage.describe('store-2', attachmentId);

    // Assess
    expect(mine).toEqual({ contentType: 'image/png', size: 2048 });
    expect(theirs).toBeUndefined();
    expect(s3Mock).toHaveReceivedCommandWith(HeadObjectCommand, {
      Bucket: 'evidence-bucket',
      Key: `attachments/store-1/${attachmentId}`,
    });
  });
});
