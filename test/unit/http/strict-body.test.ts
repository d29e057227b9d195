import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import { htmlResponse, pageRoute } from '../../../functions/http/page-route.js';
import { jsonResponse } from '../../../functions/http/responses.js';
import { publicRoute } from '../../../functions/http/route.js';
import { proxyEvent, routeContext as context } from './proxy-event.js';
import { providedPorts } from '../../support/provided-ports.js';

const echo = publicRoute({ body: z.looseObject({}) }, providedPorts, async ({ body }) => jsonResponse(200, { body }));
const page = pageRoute(providedPorts, async ({ fields, wantsJson }) =>
  wantsJson ? jsonResponse(200, { fields }) : htmlResponse(200, `<p>${JSON.stringify(fields)}</p>`),
);

const post = (contentType: string, body: string): APIGatewayProxyEvent =>
  proxyEvent({ headers: { 'Content-Type': contentType, Accept: 'application/json' }, body });

const errorOf = (response: { body: string }) =>
  JSON.parse(response.body).error as { code: string; details?: Array<{ path: string; message: string }> };

afterEach(() => provideDependencies(undefined as unknown as Dependencies));

describe('Function: publicRoute and pageRoute, the body charset', () => {
  it.each([
    'application/json; charset=iso-8859-1',
    'application/json;charset=ISO-8859-1',
    'application/json; charset="windows-1252"',
    'application/json; charset=utf-16',
    'application/json; charset=',
  ])('answers %s with a 415 naming content-type', async (contentType) => {
    provideDependencies({} as Dependencies);
    for (const route of [echo, page]) {
      const response = await route(post(contentType, '{"name":"M\u00fcller"}'), context);
      expect(response.statusCode, contentType).toBe(415);
      expect(errorOf(response).code).toBe('unsupported_media_type');
      expect(errorOf(response).details?.[0]?.path).toBe('content-type');
      expect(errorOf(response).details?.[0]?.message).toMatch(/UTF-8/);
    }
  });

  it('answers a form post declared in another charset with a 415', async () => {
    provideDependencies({} as Dependencies);
    const response = await page(post('application/x-www-form-urlencoded; charset=iso-8859-1', 'overall=5'), context);
    expect(response.statusCode).toBe(415);
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=UTF-8',
    'application/json; charset="utf-8"',
    'application/json; charset=utf8',
    'Application/JSON ; Charset = UTF-8',
  ])('takes %s', async (contentType) => {
    provideDependencies({} as Dependencies);
    const response = await echo(post(contentType, '{"name":"M\u00fcller"}'), context);
    expect(response.statusCode, response.body).toBe(200);
    expect(JSON.parse(response.body).body).toEqual({ name: 'M\u00fcller' });
  });
});

describe('Function: publicRoute and pageRoute, duplicate keys', () => {
  it.each([
    ['{"type":"return","type":"usage_question"}', 'type'],
    ['{"customer":{"name":"Li","name":"Lei"}}', 'customer.name'],
    ['{"items":[{"sku":"A","sku":"B"}]}', 'items.0.sku'],
  ])('answers %s with a 400 naming the key', async (body, path) => {
    provideDependencies({} as Dependencies);
    for (const route of [echo, page]) {
      const response = await route(post('application/json', body), context);
      expect(response.statusCode, body).toBe(400);
      expect(errorOf(response).code).toBe('malformed_json');
      expect(errorOf(response).details).toEqual([{ path, message: expect.stringMatching(/more than once/) }]);
    }
  });

  it('answers a form post naming a field twice with a 400 naming it', async () => {
    provideDependencies({} as Dependencies);
    const response = await page(post('application/x-www-form-urlencoded', 'overall=5&comment=x&overall=1'), context);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual([{ path: 'overall', message: expect.stringMatching(/more than once/) }]);
  });

  it('shows a browser the page for answers it cannot read, not a failure on our side', async () => {
    provideDependencies({} as Dependencies);
    const response = await page(
      proxyEvent({
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', 'Accept-Language': 'en' },
        body: 'overall=5&overall=1',
      }),
      context,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Could not read the answers');
  });
});
