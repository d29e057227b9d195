import { expect } from 'vitest';
import { returnRequest } from './case-requests.js';
import { api, type TestStack } from './local-stack.js';

/** A running API: a test stack, or one started with `npm start` (its demo keys). */
export type Storefront = Pick<TestStack, 'url' | 'apiKeys'>;

/** Files a return through a storefront (store A's unless told) and returns its case id. */
export const fileCase = async (
  on: Storefront,
  overrides: Parameters<typeof returnRequest>[0] = {},
  { deliveredDaysAgo = 2, apiKey = on.apiKeys.storeA }: { deliveredDaysAgo?: number; apiKey?: string } = {},
): Promise<string> => {
  const response = await api(on).post('/v1/cases', returnRequest(overrides, deliveredDaysAgo), { apiKey });
  expect(response.status, response.text).toBe(201);
  return response.json.caseId as string;
};

/** The case as store A's storefront reads it (`GET /v1/cases/{caseId}`). */
export const customerView = async (on: Storefront, caseId: string) =>
  (await api(on).get(`/v1/cases/${caseId}`, { apiKey: on.apiKeys.storeA })).json;
