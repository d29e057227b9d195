import { describe, expect, it } from 'vitest';
import { toProxyEvent } from '../../../local/api-gateway-event.js';
import { ROUTES } from '../../../functions/wiring/routes.js';

const route = ROUTES.find((candidate) => candidate.name === 'getSurvey');
if (!route) throw new Error('getSurvey is not declared');

const eventFor = (query: string, rawHeaders: string[] = []) =>
  toProxyEvent(
    route,
    { token: 't' },
    {
      method: 'GET',
      url: new URL(`http://127.0.0.1/survey/t${query}`),
      rawHeaders,
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      requestId: 'req-1',
      receivedAt: new Date('2026-12-03T07:00:00Z'),
    },
  );

describe('Function: toProxyEvent', () => {
  it('carries a query parameter named __proto__ like any other (found by the API fuzz: the request got no answer)', () => {
    // Act
    const event = eventFor('?__proto__=x&overall=4&overall=5');

    // Assess
    expect(Object.getOwnPropertyDescriptor(event.queryStringParameters, '__proto__')?.value).toBe('x');
    expect(event.queryStringParameters?.overall).toBe('5');
    expect(event.multiValueQueryStringParameters?.overall).toEqual(['4', '5']);
    expect(Object.getPrototypeOf(event.queryStringParameters)).toBe(Object.prototype);
  });

  it('carries a header named __proto__ like any other, and merges repeated headers whatever their case', () => {
    // Act
    const event = eventFor('', ['__proto__', 'x', 'Accept', 'text/html', 'accept', 'application/json']);

    // Assess
    expect(Object.getOwnPropertyDescriptor(event.headers, '__proto__')?.value).toBe('x');
    expect(event.headers.Accept).toBe('application/json');
    expect(event.multiValueHeaders.Accept).toEqual(['text/html', 'application/json']);
  });

  it('has no query maps without a query', () => {
    expect(eventFor('').queryStringParameters).toBeNull();
  });
});
