import { api, type ApiResponse, type RequestOptions } from './local-stack.js';

/**
 * A signed-in staff user's view of the API: logs in through the local stack's `POST /_local/login` (the local stand-in of
 * the Cognito user pool) and sends every request with `Authorization: Bearer <token>`.
 */
export const staffApi = async (stack: { url: string }, username: string) => {
  const login = await api(stack).post('/_local/login', { username });
  if (login.status !== 200) throw new Error(`Login of ${username} failed with ${login.status}: ${login.text}`);
  const token = login.json.token as string;
  const withToken = (options: RequestOptions = {}): RequestOptions => ({
    ...options,
    headers: { authorization: `Bearer ${token}`, ...options.headers },
  });
  const client = api(stack);
  return {
    token,
    get: (path: string, options?: RequestOptions): Promise<ApiResponse> => client.get(path, withToken(options)),
    post: (path: string, body: unknown, options?: RequestOptions): Promise<ApiResponse> =>
      client.post(path, body, withToken(options)),
    put: (path: string, body: unknown, options?: RequestOptions): Promise<ApiResponse> =>
      client.put(path, body, withToken(options)),
    patch: (path: string, body: unknown, options?: RequestOptions): Promise<ApiResponse> =>
      client.patch(path, body, withToken(options)),
    delete: (path: string, options?: RequestOptions): Promise<ApiResponse> =>
      client.raw('DELETE', path, undefined, withToken(options)),
  };
};

export type StaffApi = Awaited<ReturnType<typeof staffApi>>;
