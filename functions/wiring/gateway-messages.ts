/**
 * The messages of API Gateway's own rejections (no function runs for them): the deployed API's gateway responses
 * (infra/constructs/api.ts, `GATEWAY_ERRORS`) and the local API Gateway (local/server.ts) answer with these.
 */
export const GATEWAY_MESSAGES = {
  /** No or an unknown `x-api-key` on a storefront route. */
  unauthenticated: 'Missing or invalid API key.',
  /** The Cognito authorizer's refusal (UNAUTHORIZED) of a missing, malformed, foreign or expired token. */
  unauthorized: 'Missing or invalid staff token.',
  payloadTooLarge: 'Request body too large.',
  internal: 'Internal error.',
} as const;
