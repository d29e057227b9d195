import * as z from 'zod';
import { escapeHtml } from '../functions/email/render.js';
import { DomainError, MalformedJsonError, NotFoundError, PayloadTooLargeError } from '../functions/domain/errors.js';
import { validate } from '../functions/http/validation.js';
import { GATEWAY_MESSAGES } from '../functions/wiring/gateway-messages.js';
import { ROUTES } from '../functions/wiring/routes.js';
import type { LocalAttachmentStorage } from './local-attachment-storage.js';
import type { LocalJwtIssuer } from './local-jwt.js';
import type { OutboxMailer } from './outbox-mailer.js';
import { OUTBOX_EMAIL_HEADERS, renderOutboxPage } from './outbox-page.js';
import type { LocalResponse, LocalRoute, ServerLogger } from './server.js';
import { findStaffAccount, idTokenClaims } from './staff-users.js';

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): LocalResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

const html = (body: string): LocalResponse => ({
  statusCode: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

/** Uploads come from customers' browsers on storefront pages (as to S3 presigned URLs), so any origin may PUT locally. */
const UPLOAD_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'PUT',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

/** `GET /_local/outbox`: every email sent, newest first, as JSON. */
const outboxJson = (outbox: OutboxMailer): LocalRoute => ({
  method: 'GET',
  path: '/_local/outbox',
  handle: async () =>
    json(
      200,
      (await outbox.list()).map(({ id, to, subject, text, html: body, tags, sentAt }) => ({
        id,
        to,
        subject,
        text,
        html: body,
        tags,
        sentAt,
      })),
    ),
});

/** `GET /_local/outbox.html`: the same as a page. */
const outboxPage = (outbox: OutboxMailer): LocalRoute => ({
  method: 'GET',
  path: '/_local/outbox.html',
  handle: async () => html(renderOutboxPage(await outbox.list())),
});

/** `GET /_local/outbox/{id}.html`: one email's HTML on its own, as the outbox page frames it; 404 for an unknown id. */
const outboxEmailHtml = (outbox: OutboxMailer): LocalRoute => ({
  method: 'GET',
  path: '/_local/outbox/{file}',
  handle: async ({ params }) => {
    const id = /^(.+)\.html$/.exec(params.file ?? '')?.[1];
    const email = id === undefined ? undefined : await outbox.find(id);
    if (!email) return json(404, new NotFoundError('No such email in the outbox').toJSON());
    return { ...html(email.html), headers: { ...html('').headers, ...OUTBOX_EMAIL_HEADERS } };
  },
});

/** A failed upload or download: a DomainError answers as the API's do; anything else is logged and a generic 500. */
const fileErrorResponse = (
  error: unknown,
  message: string,
  { logger, requestId }: { logger: ServerLogger; requestId: string },
  headers: Record<string, string> = {},
): LocalResponse => {
  if (error instanceof DomainError) return json(error.statusCode, error.toJSON(), headers);
  logger.error(message, { requestId, error });
  return json(500, { error: { code: 'internal_error', message: GATEWAY_MESSAGES.internal } }, headers);
};

const UPLOAD_PATH = '/_local/uploads/{storeId}/{attachmentId}';

/**
 * `PUT /_local/uploads/{storeId}/{attachmentId}?expires=&signature=`: the target of local upload URLs, checked like a
 * presigned S3 PUT. At most the signed size plus one byte is read, so a larger file is refused without being kept.
 */
const upload = (attachments: LocalAttachmentStorage, logger: ServerLogger): LocalRoute => ({
  method: 'PUT',
  path: UPLOAD_PATH,
  bodyLimit: async ({ params }) =>
    ((await attachments.signedSize(params.storeId ?? '', params.attachmentId ?? '')) ?? 0) + 1,
  handle: async ({ params, url, headers, body, requestId }) => {
    try {
      await attachments.acceptUpload({
        storeId: params.storeId ?? '',
        attachmentId: params.attachmentId ?? '',
        expires: url.searchParams.get('expires') ?? '',
        signature: url.searchParams.get('signature') ?? '',
        contentType: headers['content-type'] ?? '',
        body,
      });
      return { statusCode: 200, headers: UPLOAD_CORS };
    } catch (error) {
      return fileErrorResponse(error, 'Local upload failed', { logger, requestId }, UPLOAD_CORS);
    }
  },
});

const uploadPreflight: LocalRoute = {
  method: 'OPTIONS',
  path: UPLOAD_PATH,
  handle: async () => ({ statusCode: 204, headers: UPLOAD_CORS }),
};

/**
 * `GET /_local/downloads/{storeId}/{attachmentId}?expires=&signature=`: the target of local staff download URLs,
 * checked like a presigned S3 GET (403 bad signature, 410 expired, 404 never uploaded), served as a download.
 */
const download = (attachments: LocalAttachmentStorage, logger: ServerLogger): LocalRoute => ({
  method: 'GET',
  path: '/_local/downloads/{storeId}/{attachmentId}',
  handle: async ({ params, url, requestId }) => {
    try {
      const attachmentId = params.attachmentId ?? '';
      const file = await attachments.readDownload({
        storeId: params.storeId ?? '',
        attachmentId,
        expires: url.searchParams.get('expires') ?? '',
        signature: url.searchParams.get('signature') ?? '',
      });
      return {
        statusCode: 200,
        headers: {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${attachmentId}"`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
        body: file.body,
      };
    } catch (error) {
      return fileErrorResponse(error, 'Local download failed', { logger, requestId });
    }
  },
});

const LOGIN_BODY_BYTES = 4 * 1024;
const loginBodySchema = z.strictObject({ username: z.string().trim().min(1).max(128) });

const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (cause) {
    throw new MalformedJsonError('The body is not valid JSON', { cause });
  }
};

/**
 * `POST /_local/login {"username"}`: the local user pool's sign-in, without a password (seeded users only). Answers
 * an ID token for `Authorization: Bearer`, when it expires and who it is for.
 */
const login = (tokens: LocalJwtIssuer): LocalRoute => ({
  method: 'POST',
  path: '/_local/login',
  bodyLimit: async () => LOGIN_BODY_BYTES + 1,
  handle: async ({ body, bodyTruncated }) => {
    try {
      if (bodyTruncated) throw new PayloadTooLargeError(`The body is larger than ${LOGIN_BODY_BYTES} bytes`);
      const { username } = validate(loginBodySchema, body.length === 0 ? undefined : parseJson(body), 'body');
      const user = findStaffAccount(username);
      if (!user) throw new NotFoundError(`No seeded staff user ${username}`);
      const { token, expiresAt } = await tokens.issue(idTokenClaims(user), new Date());
      const { storeId, agentId } = user;
      return json(200, {
        token,
        expiresAt,
        user: { username: user.username, roles: user.groups, storeId, ...(agentId ? { agentId } : {}) },
      });
    } catch (error) {
      if (error instanceof DomainError) return json(error.statusCode, error.toJSON());
      throw error;
    }
  },
});

/** `GET /`: where everything is, as JSON, or as a page for a browser. */
const index = (baseUrl: string): LocalRoute => ({
  method: 'GET',
  path: '/',
  handle: async ({ headers }) => {
    const links = {
      openApi: `${baseUrl}/v1/openapi.json`,
      outbox: `${baseUrl}/_local/outbox`,
      outboxPage: `${baseUrl}/_local/outbox.html`,
    };
    const routes = ROUTES.map(({ method, path, auth, summary }) => ({
      method,
      url: `${baseUrl}${path}`,
      auth,
      summary,
    }));
    if (!(headers.accept ?? '').includes('text/html'))
      return json(200, { service: 'after-sales (local)', ...links, routes });
    const item = (text: string): string => `<li>${text}</li>`;
    return html(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>After-sales service (local)</title></head>
<body><h1>After-sales service (local)</h1>
<ul>${Object.entries(links)
      .map(([name, link]) => item(`${escapeHtml(name)}: <a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`))
      .join('')}</ul>
<h2>API</h2>
<ul>${routes.map((route) => item(`<code>${escapeHtml(`${route.method} ${route.url}`)}</code> (${escapeHtml(route.auth)}): ${escapeHtml(route.summary)}`)).join('')}</ul>
</body></html>
`);
  },
});

export interface LocalRoutesOptions {
  baseUrl: string;
  staffTokens: LocalJwtIssuer;
  outbox: OutboxMailer;
  attachments: LocalAttachmentStorage;
  logger: ServerLogger;
}

/** The routes that exist only in the local stack, never in the deployed API. */
export const localRoutes = (options: LocalRoutesOptions): LocalRoute[] => [
  index(options.baseUrl),
  login(options.staffTokens),
  outboxJson(options.outbox),
  outboxPage(options.outbox),
  outboxEmailHtml(options.outbox),
  upload(options.attachments, options.logger),
  uploadPreflight,
  download(options.attachments, options.logger),
];
