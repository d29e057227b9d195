import { z } from 'zod';

/** One HTTP call the bench made, as the storefront or a staff member would. */
export interface ApiCall {
  caller: string;
  method: string;
  path: string;
  status: number;
  /** Client-side latency, ms (includes the local HTTP hop). */
  ms: number;
}

/** A response the bench did not expect: the request, the answer and the case, exactly, for the report. */
export class UnexpectedResponseError extends Error {
  constructor(call: ApiCall, body: string) {
    super(`${call.caller}: ${call.method} ${call.path} answered ${call.status}: ${body.slice(0, 500)}`);
    this.name = 'UnexpectedResponseError';
  }
}

/**
 * The local API as its callers use it, recording every call (method, path, status, latency) so that a path's HTTP
 * calls are counted, not assumed. Every call must answer 2xx; anything else throws with the full request and answer.
 */
export class BenchApi {
  readonly calls: ApiCall[] = [];

  constructor(private readonly baseUrl: string) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`Expected a 127.0.0.1 URL, got ${baseUrl}`);
  }

  async send(
    caller: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<unknown> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const call = { caller, method, path, status: response.status, ms: performance.now() - started };
    this.calls.push(call);
    if (response.status < 200 || response.status >= 300) throw new UnexpectedResponseError(call, text);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }
}

/** A caller bound to its credentials. */
export interface Caller {
  name: string;
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<unknown>;
  put(path: string, body: unknown): Promise<unknown>;
}

const caller = (api: BenchApi, name: string, credentials: Record<string, string>): Caller => ({
  name,
  get: (path) => api.send(name, 'GET', path, credentials),
  post: (path, body, headers = {}) => api.send(name, 'POST', path, { ...credentials, ...headers }, body),
  put: (path, body) => api.send(name, 'PUT', path, credentials, body),
});

/** The store's storefront backend: `x-api-key`. */
export const storefront = (api: BenchApi, apiKey: string): Caller => caller(api, 'storefront', { 'x-api-key': apiKey });

const loginSchema = z.object({ token: z.string().min(1) });

/** A seeded staff user, signed in through the local stack's stand-in of the user pool (`POST /_local/login`). */
export const signIn = async (api: BenchApi, username: string): Promise<Caller> => {
  const { token } = loginSchema.parse(await api.send(username, 'POST', '/_local/login', {}, { username }));
  return caller(api, username, { authorization: `Bearer ${token}` });
};

const createdCaseSchema = z.object({ caseId: z.string().min(1) });

/** Files a case as the storefront; returns its id. */
export const fileCase = async (store: Caller, body: unknown, idempotencyKey?: string): Promise<string> =>
  createdCaseSchema.parse(
    await store.post('/v1/cases', body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  ).caseId;
