import { expect } from 'vitest';
import { api, type TestStack } from './local-stack.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 4, 5, 6, 7]);

/** `POST /v1/attachments`, then the PUT to its upload URL, as a customer's browser does; returns the attachment id. */
export const uploadFile = async (
  stack: Pick<TestStack, 'url'>,
  apiKey: string,
  body: Buffer = PNG,
): Promise<string> => {
  const ticket = await api(stack).post(
    '/v1/attachments',
    { fileName: 'photo.png', contentType: 'image/png', size: body.length },
    { apiKey },
  );
  expect(ticket.status, ticket.text).toBe(201);
  const put = await fetch(ticket.json.uploadUrl as string, {
    method: 'PUT',
    headers: ticket.json.uploadHeaders as Record<string, string>,
    body,
  });
  expect(put.status).toBe(200);
  return ticket.json.attachmentId as string;
};
