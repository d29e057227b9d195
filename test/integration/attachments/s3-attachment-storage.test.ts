import { HeadObjectCommand, NotFound, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3AttachmentStorage } from '../../../functions/adapters/attachments/s3-attachment-storage.js';
import { ATTACHMENT_ID_PATTERN, newAttachmentId } from '../../../functions/domain/attachment-rules.js';
import { ValidationError } from '../../../functions/domain/errors.js';
import { presigningS3 } from '../../support/s3-presigning.js';

const NOW = new Date('2026-11-22T08:00:00.000Z');
const attachmentId = newAttachmentId(NOW);
const upload = { storeId: 'store-1', attachmentId, contentType: 'image/png', size: 123_456, fileName: '水壶 leak.png' };

describe('Class: S3AttachmentStorage', () => {
  // Presigning is computed locally: static credentials and region, no network.
  const { client, s3Mock } = presigningS3(NOW);

  it('returns a presigned PUT URL that signs content-type and content-length when an upload is requested', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act
    const ticket = await storage.createUpload(upload);

    // Assess
    expect(attachmentId).toMatch(ATTACHMENT_ID_PATTERN);
    const url = new URL(ticket.uploadUrl);
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe('evidence-bucket.s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe(`/attachments/store-1/${attachmentId}`);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    // The file's name rides in the signed query as S3 user metadata (percent-encoded: metadata is ASCII).
    expect(url.searchParams.get('x-amz-meta-file-name')).toBe(encodeURIComponent('水壶 leak.png'));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261122T080000Z');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20261122/eu-west-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    // No checksum of the empty body may be baked into the URL: S3 would refuse the real file.
    expect([...url.searchParams.keys()].filter((key) => key.toLowerCase().includes('checksum'))).toEqual([]);
    expect(ticket.uploadHeaders).toEqual({ 'content-type': 'image/png' });
    expect(ticket.expiresAt).toBe('2026-11-22T08:15:00.000Z');
    expect(s3Mock.calls()).toHaveLength(0);
  });

  it('signs a different URL when the declared size or type differs', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });
    const signatureOf = async (request: typeof upload): Promise<string | null> =>
      new URL((await storage.createUpload(request)).uploadUrl).searchParams.get('X-Amz-Signature');

    // Act
    const original = await signatureOf(upload);
    const again = await signatureOf(upload);
    const otherSize = await signatureOf({ ...upload, size: upload.size + 1 });
    const otherType = await signatureOf({ ...upload, contentType: 'application/pdf' });
    const otherName = await signatureOf({ ...upload, fileName: 'other.png' });

    // Assess
    expect(again).toBe(original);
    expect(otherSize).not.toBe(original);
    expect(otherType).not.toBe(original);
    expect(otherName).not.toBe(original);
  });

  it('uses the configured lifetime when expiresInSeconds is given', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket', expiresInSeconds: 60 });

    // Act
    const ticket = await storage.createUpload(upload);

    // Assess
    expect(new URL(ticket.uploadUrl).searchParams.get('X-Amz-Expires')).toBe('60');
    expect(ticket.expiresAt).toBe('2026-11-22T08:01:00.000Z');
  });

  it('refuses to sign when the attachment id is not a valid id', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act & Assess
    await expect(storage.createUpload({ ...upload, attachmentId: '../store-2/x' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(storage.createUpload({ ...upload, storeId: 'a/b' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('returns true when HeadObject finds the object under the store', async () => {
    // Prepare
    s3Mock.on(HeadObjectCommand).resolves({ ContentLength: 123_456, ContentType: 'image/png' });
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act
    const exists = await storage.exists('store-1', attachmentId);

    // Assess
    expect(exists).toBe(true);
    expect(s3Mock).toHaveReceivedCommandWith(HeadObjectCommand, {
      Bucket: 'evidence-bucket',
      Key: `attachments/store-1/${attachmentId}`,
    });
  });

  it('returns the file name kept at upload when the object is described', async () => {
    // Prepare
    s3Mock.on(HeadObjectCommand).resolves({
      ContentLength: 123_456,
      ContentType: 'image/png',
      Metadata: { 'file-name': encodeURIComponent('水壶 leak.png') },
    });
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act
    const file = await storage.describe('store-1', attachmentId);

    // Assess
    expect(file).toEqual({ contentType: 'image/png', size: 123_456, fileName: '水壶 leak.png' });
  });

  it('describes an object without a readable name (uploaded before names were kept) without one', async () => {
    // Prepare
    s3Mock
      .on(HeadObjectCommand)
      .resolves({ ContentLength: 10, ContentType: 'application/pdf', Metadata: { 'file-name': '%E0%A4%A' } });
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act & Assess
    expect(await storage.describe('store-1', attachmentId)).toEqual({ contentType: 'application/pdf', size: 10 });
  });

  it('returns false when HeadObject answers NotFound', async () => {
    // Prepare
    s3Mock.on(HeadObjectCommand).rejects(new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } }));
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act & Assess
    expect(await storage.exists('store-1', attachmentId)).toBe(false);
  });

  it('returns false without calling S3 when the id is not a valid attachment id', async () => {
    // Prepare
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act & Assess
    expect(await storage.exists('store-1', '../store-2/att_x')).toBe(false);
    expect(s3Mock).not.toHaveReceivedCommand(HeadObjectCommand);
  });

  it('returns false when HeadObject answers 403: without s3:ListBucket, S3 answers a missing object so', async () => {
    // Prepare
    const denied = new S3ServiceException({
      name: 'Forbidden',
      $fault: 'client',
      message: 'Forbidden',
      $metadata: { httpStatusCode: 403 },
    });
    s3Mock.on(HeadObjectCommand).rejects(denied);
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act & Assess
    expect(await storage.exists('store-1', attachmentId)).toBe(false);
  });

  it('rethrows when HeadObject fails for another reason', async () => {
    // Prepare
    const failed = new S3ServiceException({
      name: 'InternalError',
      $fault: 'server',
      message: 'We encountered an internal error',
      $metadata: { httpStatusCode: 500 },
    });
    s3Mock.on(HeadObjectCommand).rejects(failed);
    const storage = new S3AttachmentStorage({ client, bucket: 'evidence-bucket' });

    // Act & Assess
    await expect(storage.exists('store-1', attachmentId)).rejects.toBe(failed);
  });
});
