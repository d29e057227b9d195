import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnRequest } from '../../support/case-requests.js';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('API: order and delivery times in the future', () => {
  it.each(['/v1/cases', '/v1/eligibility'])(
    '%s refuses a delivery tomorrow with 400 naming deliveredAt',
    async (path) => {
      // Act
      const response = await api(stack).post(path, returnRequest({ orderedAt: inDays(-2), deliveredAt: inDays(1) }), {
        apiKey: stack.apiKeys.storeA,
      });

      // Assess
      expect(response.status).toBe(400);
      expect(response.json.error.details).toEqual([{ path: 'deliveredAt', message: expect.any(String) }]);
    },
  );

  it('refuses an order placed next week (orderedAt), nothing filed', async () => {
    // Act
    const response = await api(stack).post(
      '/v1/cases',
      returnRequest({ orderedAt: inDays(7), deliveredAt: inDays(8) }),
      { apiKey: stack.apiKeys.storeA },
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'orderedAt',
      'deliveredAt',
    ]);
    const listed = await api(stack).get('/v1/cases?customerId=c-42', { apiKey: stack.apiKeys.storeA });
    expect(listed.json.items).toEqual([]);
  });

  it('accepts a delivery a minute ahead of our clock (a storefront clock running fast)', async () => {
    const response = await api(stack).post(
      '/v1/cases',
      returnRequest({ orderedAt: inDays(-2), deliveredAt: new Date(Date.now() + 60_000).toISOString() }),
      { apiKey: stack.apiKeys.storeA },
    );

    expect(response.status).toBe(201);
  });
});
