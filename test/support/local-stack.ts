import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack.js';
import { WAIT_CEILING_MS } from './wait-ceiling.js';
import { uniqueTablePrefix, workerDynamoDb } from './table-prefix.js';

export type TestStack = LocalStack;

/**
 * The local stack for integration, workflow and e2e tests: a free port, tables of its own on its worker's DynamoDB Local
 * (in memory; a stack given a `dataDir` starts its own), a temporary folder for the outbox and uploads, 10 ms workflow
 * retries, only errors logged. Stop it in `afterAll`.
 */
export const startTestStack = (options: Omit<LocalStackOptions, 'port'> = {}): Promise<TestStack> =>
  startLocalStack({
    retryIntervalMs: 10,
    httpFunctionTimeoutMs: WAIT_CEILING_MS,
    quiet: true,
    sharedDynamoDb: { ...workerDynamoDb(), tablePrefix: uniqueTablePrefix() },
    ...options,
    port: 0,
  });

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. Loosely typed on purpose: tests assert on its shape. */

  json: any;
}

export interface RequestOptions {
  /** Sent as `x-api-key`; omitted when undefined. */
  apiKey?: string;
  headers?: Record<string, string>;
}

const toResponse = async (response: Response): Promise<ApiResponse> => {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
};

/** A storefront's view of the API: requests to the stack's URL, JSON in and out. */
export const api = (stack: Pick<LocalStack, 'url'>) => {
  const raw = async (
    method: string,
    path: string,
    body?: string | Uint8Array,
    { apiKey, headers = {} }: RequestOptions = {},
  ): Promise<ApiResponse> =>
    toResponse(
      await fetch(`${stack.url}${path}`, {
        method,
        headers: { ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }), ...headers },
        body,
      }),
    );
  const withJson =
    (method: string) =>
    (path: string, body: unknown, options: RequestOptions = {}) =>
      raw(method, path, JSON.stringify(body), {
        ...options,
        headers: { 'content-type': 'application/json', ...options.headers },
      });
  return {
    raw,
    get: (path: string, options: RequestOptions = {}) => raw('GET', path, undefined, options),
    post: withJson('POST'),
    put: withJson('PUT'),
    patch: withJson('PATCH'),
  };
};

/** Polling waits, bounded by the suite's one ceiling (`wait-ceiling.ts`). */
export { waitFor } from './wait-ceiling.js';
