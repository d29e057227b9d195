import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_ID_PATTERN, newAttachmentId } from '../../../functions/domain/attachment-rules.js';
import { ForbiddenError, GoneError, PayloadTooLargeError, ValidationError } from '../../../functions/domain/errors.js';
import { LocalAttachmentStorage } from '../../../local/local-attachment-storage.js';
import { uploadFrom } from '../../support/local-attachments.js';

const START = new Date('2026-11-22T08:00:00.000Z');
const BODY = Buffer.from('%PDF-1.7 a small but real evidence file\n');

describe('Class: LocalAttachmentStorage', () => {
  let directory: string;
  let now: Date;
  let storage: LocalAttachmentStorage;
  let attachmentId: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-attachments-'));
    now = START;
    storage = new LocalAttachmentStorage({
      directory,
      baseUrl: 'http://127.0.0.1:3000/',
      secret: 'test-secret',
      clock: () => now,
    });
    attachmentId = newAttachmentId(now);
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const createUpload = () =>
    storage.createUpload({
      storeId: 'store-1',
      attachmentId,
      contentType: 'application/pdf',
      size: BODY.length,
      fileName: 'evidence.pdf',
    });

  it('returns a signed local URL and stores the file when the upload matches it', async () => {
    // Act
    const ticket = await createUpload();
    const before = await storage.exists('store-1', attachmentId);
    await storage.acceptUpload(uploadFrom(ticket.uploadUrl, 'application/pdf', BODY));

    // Assess
    const expires = START.getTime() / 1000 + 900;
    const url = new URL(ticket.uploadUrl);
    expect(url.origin).toBe('http://127.0.0.1:3000');
    expect(url.pathname).toBe(`/_local/uploads/store-1/${attachmentId}`);
    expect(url.searchParams.get('expires')).toBe(String(expires));
    expect(url.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(ticket.uploadHeaders).toEqual({ 'content-type': 'application/pdf' });
    expect(ticket.expiresAt).toBe('2026-11-22T08:15:00.000Z');
    expect(before).toBe(false);
    expect(await storage.exists('store-1', attachmentId)).toBe(true);
    expect(await readFile(join(directory, 'store-1', attachmentId))).toEqual(BODY);
    expect(await storage.describe('store-1', attachmentId)).toEqual({
      contentType: 'application/pdf',
      size: BODY.length,
      fileName: 'evidence.pdf',
    });
  });

  it('generates time-sortable attachment ids that match the pattern', () => {
    // Act
    const earlier = newAttachmentId(new Date('2026-11-22T08:00:00.000Z'));
    const later = newAttachmentId(new Date('2026-11-22T08:00:00.001Z'));

    // Assess
    expect(earlier).toMatch(ATTACHMENT_ID_PATTERN);
    expect(later).toMatch(ATTACHMENT_ID_PATTERN);
    expect(earlier < later).toBe(true);
    expect(newAttachmentId(START)).not.toBe(newAttachmentId(START));
  });

  it('throws ForbiddenError and stores nothing when the signature was tampered with', async () => {
    // Prepare
    const upload = uploadFrom((await createUpload()).uploadUrl, 'application/pdf', BODY);
    const flipped = `${upload.signature.startsWith('0') ? '1' : '0'}${upload.signature.slice(1)}`;

    // Act & Assess
    await expect(storage.acceptUpload({ ...upload, signature: flipped })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(storage.acceptUpload({ ...upload, signature: 'not-hex' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(storage.acceptUpload({ ...upload, expires: Number(upload.expires) + 3600 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await storage.exists('store-1', attachmentId)).toBe(false);
  });

  it('throws ForbiddenError when the URL is used for another store or an attachment never signed', async () => {
    // Prepare
    const upload = uploadFrom((await createUpload()).uploadUrl, 'application/pdf', BODY);

    // Act & Assess
    await expect(storage.acceptUpload({ ...upload, storeId: 'store-2' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(storage.acceptUpload({ ...upload, attachmentId: newAttachmentId() })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(storage.acceptUpload({ ...upload, storeId: '..' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await storage.exists('store-2', attachmentId)).toBe(false);
  });

  it('throws GoneError when the URL has expired', async () => {
    // Prepare
    const upload = uploadFrom((await createUpload()).uploadUrl, 'application/pdf', BODY);
    now = new Date(START.getTime() + 900_000);

    // Act & Assess
    await expect(storage.acceptUpload(upload)).rejects.toBeInstanceOf(GoneError);
    expect(await storage.exists('store-1', attachmentId)).toBe(false);
  });

  it('accepts the upload just before the URL expires', async () => {
    // Prepare
    const upload = uploadFrom((await createUpload()).uploadUrl, 'application/pdf', BODY);
    now = new Date(START.getTime() + 899_999);

    // Act
    await storage.acceptUpload(upload);

    // Assess
    expect(await storage.exists('store-1', attachmentId)).toBe(true);
  });

  it('throws PayloadTooLargeError when the body is larger than the signed size', async () => {
    // Prepare
    const upload = uploadFrom(
      (await createUpload()).uploadUrl,
      'application/pdf',
      Buffer.concat([BODY, Buffer.from('x')]),
    );

    // Act & Assess
    await expect(storage.acceptUpload(upload)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(await storage.exists('store-1', attachmentId)).toBe(false);
  });

  it('throws ValidationError with details when the body is smaller than the signed size', async () => {
    // Prepare
    const upload = uploadFrom((await createUpload()).uploadUrl, 'application/pdf', BODY.subarray(1));

    // Act
    const error = await storage.acceptUpload(upload).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([
      { path: 'content-length', message: `Expected ${BODY.length} bytes, got ${BODY.length - 1}` },
    ]);
    expect(await storage.exists('store-1', attachmentId)).toBe(false);
  });

  it('throws ValidationError with details when the content type differs from the signed one', async () => {
    // Prepare
    const upload = uploadFrom((await createUpload()).uploadUrl, 'image/png', BODY);

    // Act
    const error = await storage.acceptUpload(upload).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([{ path: 'content-type', message: 'Expected application/pdf' }]);
    expect(await storage.exists('store-1', attachmentId)).toBe(false);
  });

  it('refuses to sign when the store or attachment id is not safe as a path', async () => {
    // Act & Assess
    await expect(
      storage.createUpload({
        storeId: '../etc',
        attachmentId,
        contentType: 'application/pdf',
        size: 1,
        fileName: 'evidence.pdf',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      storage.createUpload({
        storeId: 'store-1',
        attachmentId: 'att_../../x',
        contentType: 'application/pdf',
        size: 1,
        fileName: 'evidence.pdf',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await storage.exists('..', attachmentId)).toBe(false);
  });
});
