import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * An S3 client that presigns locally (static credentials and region, no network), and its mock for the calls that
 * do go out. Inside a `describe`: each test runs with `Date` frozen at `now` (presigned URLs carry it), and the mock
 * is reset after it.
 */
export const presigningS3 = (now: Date) => {
  const client = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
  const s3Mock = mockClient(client);
  beforeEach(() => {
    vi.useFakeTimers({ now, toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    s3Mock.reset();
  });
  return { client, s3Mock };
};
