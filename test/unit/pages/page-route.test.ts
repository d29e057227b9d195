import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import { SURVEY_COMMENT_MAX_LENGTH } from '../../../functions/domain/aftercare/survey.js';
import { GoneError } from '../../../functions/domain/errors.js';
import { htmlResponse, pageRoute } from '../../../functions/http/page-route.js';
import { jsonResponse } from '../../../functions/http/responses.js';
import { PAGE_CSP } from '../../../functions/pages/page-layout.js';
import { PAGE_WORDS } from '../../../functions/pages/page-words.js';
import { proxyEvent, routeContext as context } from '../http/proxy-event.js';
import { providedPorts } from '../../support/provided-ports.js';

const FORM = 'application/x-www-form-urlencoded';

/** Echoes what the route handed over: the parsed fields and whether JSON was asked for. */
const echo = pageRoute(providedPorts, async ({ fields, wantsJson }) =>
  wantsJson ? jsonResponse(200, { fields }) : htmlResponse(200, `<p>${JSON.stringify(fields)}</p>`),
);

const event = (overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent =>
  proxyEvent({ path: '/survey/t', resource: '/survey/{token}', pathParameters: { token: 't' }, ...overrides });

const post = (contentType: string, body: string, headers: Record<string, string> = {}) =>
  event({ headers: { 'Content-Type': contentType, ...headers }, body });

afterEach(() => provideDependencies(undefined as unknown as Dependencies));

describe('Function: pageRoute', () => {
  it('hands over the fields of a browser form post, and of a JSON body', async () => {
    provideDependencies({} as Dependencies);
    const form = await echo(post(`${FORM}; charset=UTF-8`, 'overall=4&comment=%E5%BE%88%E5%A5%BD'), context);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('"overall":"4"');
    expect(form.body).toContain('很好');
    const json = await echo(post('application/json', '{"overall":4}', { Accept: 'application/json' }), context);
    expect(JSON.parse(json.body)).toEqual({ fields: { overall: 4 } });
  });

  it('answers with an HTML page carrying the strict CSP, noindex and the security headers', async () => {
    provideDependencies({} as Dependencies);
    const response = await echo(event({ httpMethod: 'GET' }), context);
    expect(response.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-robots-tag': expect.stringContaining('noindex'),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'x-request-id': 'req-1',
    });
  });

  it('takes the longest comment allowed, in Chinese, as a browser encodes it', async () => {
    provideDependencies({} as Dependencies);
    const body = new URLSearchParams({ overall: '5', comment: '很'.repeat(SURVEY_COMMENT_MAX_LENGTH) }).toString();
    const response = await echo(post(FORM, body), context);
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['a body far over the limit', post(FORM, `comment=${'x'.repeat(100_000)}`), 413, 'tooLargeTitle'],
    ['a body that is neither a form nor JSON', post('text/plain', 'overall=5'), 415, 'unsupportedTitle'],
    ['broken JSON', post('application/json', '{'), 400, 'unsupportedTitle'],
  ] as const)('answers %s with a localized error page', async (_label, request, status, title) => {
    provideDependencies({} as Dependencies);
    for (const [language, locale] of [
      ['en-US,en;q=0.9', 'en'],
      [undefined, 'zh-CN'],
    ] as const) {
      const headers = { ...request.headers, ...(language ? { 'Accept-Language': language } : {}) };
      const response = await echo({ ...request, headers }, context);
      expect(response.statusCode).toBe(status);
      expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain(`<html lang="${locale}">`);
      expect(response.body).toContain(PAGE_WORDS[locale][title]);
    }
  });

  it("answers a client that asks for JSON with the API's JSON error", async () => {
    provideDependencies({} as Dependencies);
    const response = await echo(post('text/plain', 'x', { Accept: 'application/json' }), context);
    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('answers a domain error of the handler with its status, and anything else with a 500 page without internals', async () => {
    provideDependencies({} as Dependencies);
    const gone = pageRoute(providedPorts, async () => {
      throw new GoneError('closed');
    });
    expect((await gone(event({ httpMethod: 'GET' }), context)).statusCode).toBe(410);
    const crash = pageRoute(providedPorts, async () => {
      throw new Error('table local-cases at 10.0.0.1 refused');
    });
    const page = await crash(event({ httpMethod: 'GET', headers: { 'Accept-Language': 'en' } }), context);
    expect(page.statusCode).toBe(500);
    expect(page.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(PAGE_WORDS.en.failedTitle);
    expect(page.body).not.toContain('refused');
    const json = await crash(event({ httpMethod: 'GET', headers: { Accept: 'application/json' } }), context);
    expect(JSON.parse(json.body)).toMatchObject({ error: { code: 'internal_error' } });
    expect(json.body).not.toContain('refused');
  });
});
