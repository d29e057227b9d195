import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import { StateConflictError } from '../../../functions/domain/errors.js';
import type { Store } from '../../../functions/domain/store.js';
import { jsonResponse } from '../../../functions/http/responses.js';
import { publicRoute, storefrontRoute } from '../../../functions/http/route.js';
import { proxyEvent, routeContext as context } from './proxy-event.js';
import { providedPorts } from '../../support/provided-ports.js';

const store: Store = {
  storeId: 'store-a',
  name: 'A',
  timezone: 'Asia/Shanghai',
  defaultLocale: 'zh-CN',
  supervisorEmails: [],
  caseNumberPrefix: 'AS',
  reviewReminderAfter: 'P1D',
};

const event = (overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent =>
  proxyEvent({
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'good-key' },
    body: '{"name":"x"}',
    ...overrides,
  });

const echo = storefrontRoute(
  { body: z.strictObject({ name: z.string().min(1) }) },
  providedPorts,
  async ({ body, store: current }) => jsonResponse(200, { name: body.name, storeId: current.storeId }),
);

afterEach(() => provideDependencies(undefined as unknown as Dependencies));

describe('Function: storefrontRoute', () => {
  it('decides the store from the API key and passes the validated body', async () => {
    provideDependencies({
      stores: { findStoreByApiKey: async (key: string) => (key === 'good-key' ? store : undefined) },
    } as unknown as Dependencies);
    const response = await echo(event(), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ name: 'x', storeId: 'store-a' });
    expect(response.headers).toMatchObject({ 'x-request-id': 'req-1', 'x-content-type-options': 'nosniff' });
  });

  it.each([
    ['no API key', { headers: { 'Content-Type': 'application/json' } }, 401, 'unauthenticated'],
    [
      'an unknown API key',
      { headers: { 'Content-Type': 'application/json', 'x-api-key': 'bad' } },
      401,
      'unauthenticated',
    ],
    [
      'a text body',
      { headers: { 'Content-Type': 'text/plain', 'x-api-key': 'good-key' } },
      415,
      'unsupported_media_type',
    ],
    ['broken JSON', { body: '{' }, 400, 'malformed_json'],
    ['an invalid field', { body: '{"name":""}' }, 400, 'validation_failed'],
    ['an unknown field', { body: '{"name":"x","storeId":"store-b"}' }, 400, 'validation_failed'],
    ['a body over 64 KB', { body: JSON.stringify({ name: 'x'.repeat(70_000) }) }, 413, 'payload_too_large'],
  ])('answers %s with %d', async (_label, overrides, status, code) => {
    provideDependencies({
      stores: { findStoreByApiKey: async (key: string) => (key === 'good-key' ? store : undefined) },
    } as unknown as Dependencies);
    const response = await echo(event(overrides), context);
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body).error.code).toBe(code);
    expect(response.headers?.['x-request-id']).toBe('req-1');
  });
});

describe('Function: publicRoute', () => {
  it('maps a domain error to its status and anything else to a generic 500', async () => {
    provideDependencies({} as Dependencies);
    const conflict = publicRoute({}, providedPorts, async () => {
      throw new StateConflictError('Already resolved');
    });
    const crash = publicRoute({}, providedPorts, async () => {
      throw new Error('connection string postgres://secret@db');
    });

    const conflictResponse = await conflict(event({ body: null }), context);
    const crashResponse = await crash(event({ body: null }), context);

    expect(conflictResponse.statusCode).toBe(409);
    expect(JSON.parse(conflictResponse.body)).toEqual({
      error: { code: 'state_conflict', message: 'Already resolved' },
    });
    expect(crashResponse.statusCode).toBe(500);
    expect(crashResponse.body).not.toContain('secret');
    expect(JSON.parse(crashResponse.body).error.code).toBe('internal_error');
  });
});
