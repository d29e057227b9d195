import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { RouteDeclaration } from '../functions/wiring/routes.js';

/**
 * Translation between a local HTTP request and API Gateway REST's Lambda proxy integration (payload format 1.0),
 * so handlers run locally on exactly the event shape they get in AWS.
 */

export interface ProxyRequest {
  method: string;
  url: URL;
  /** Node's `rawHeaders`: names as the client sent them, repeated headers kept. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  requestId: string;
  receivedAt: Date;
}

export const LOCAL_STAGE = 'local';
/** The functions' timeout in AWS (infra: 10 s for HTTP functions); middy reads the remaining time from the context. */
export const HTTP_FUNCTION_TIMEOUT_MS = 10_000;

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)\b|application\/[\w.+-]+\+(json|xml)\b)/i;

/** Text bodies arrive as UTF-8 strings; anything else base64 with `isBase64Encoded`, as with binary media types. */
export const isTextBody = (contentType: string | undefined): boolean =>
  contentType === undefined || contentType.trim() === '' || TEXT_TYPES.test(contentType.trim());

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number): string => String(value).padStart(2, '0');

/** `$context.requestTime`: `22/Nov/2026:08:00:00 +0000`. */
const requestTime = (at: Date): string =>
  `${two(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:` +
  `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;

/** `headers` keeps the last value of a repeated header, `multiValueHeaders` all of them; null when there are none. */
const headerMaps = (rawHeaders: string[]) => {
  // A Map, not an object literal: a name such as `__proto__` is a header (or parameter) like any other.
  const multi = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const existing = [...multi.keys()].find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
    multi.set(existing, [...(multi.get(existing) ?? []), rawHeaders[i + 1] as string]);
  }
  return singleAndMulti(multi);
};

/** The proxy event's two maps: the last value of each name, and all of them (own properties, whatever the name). */
const singleAndMulti = (multi: Map<string, string[]>) => ({
  single: Object.fromEntries([...multi].map(([name, values]) => [name, values.at(-1) as string])),
  multi: Object.fromEntries(multi),
});

const headerValue = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

const queryMaps = (url: URL) => {
  const multi = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) multi.set(name, [...(multi.get(name) ?? []), value]);
  return multi.size === 0 ? { single: null, multi: null } : singleAndMulti(multi);
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** How the Cognito authorizer writes `exp` and `iat`: `Sun Nov 22 08:00:00 UTC 2026`. */
const claimTime = (at: Date): string =>
  `${DAYS[at.getUTCDay()]} ${MONTHS[at.getUTCMonth()]} ${two(at.getUTCDate())} ` +
  `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} UTC ${at.getUTCFullYear()}`;

const TIME_CLAIMS = new Set(['exp', 'iat']);

const claimText = (name: string, value: unknown): string => {
  if (typeof value === 'string') return value;
  if (TIME_CLAIMS.has(name) && typeof value === 'number') return claimTime(new Date(value * 1000));
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
};

/**
 * `requestContext.authorizer.claims` as the REST API's Cognito authorizer passes a verified token's payload: every
 * value a string (`cognito:groups` comma-separated, `exp`/`iat` as dates), so handlers meet the shape they get in AWS.
 */
export const authorizerClaims = (payload: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, claimText(name, value)]),
  );

/** `claims`: the authorizer's output for a `staff` route (see `authorizerClaims`); absent elsewhere. */
export const toProxyEvent = (
  route: RouteDeclaration,
  pathParameters: Record<string, string>,
  request: ProxyRequest,
  claims?: Record<string, string>,
): APIGatewayProxyEvent => {
  const headers = headerMaps(request.rawHeaders);
  const query = queryMaps(request.url);
  const contentType = headerValue(headers.single, 'content-type');
  const text = isTextBody(contentType);
  const hasBody = request.body.length > 0;
  return {
    resource: route.path,
    path: request.url.pathname,
    httpMethod: request.method,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: Object.keys(pathParameters).length === 0 ? null : pathParameters,
    stageVariables: null,
    body: hasBody ? request.body.toString(text ? 'utf8' : 'base64') : null,
    isBase64Encoded: hasBody && !text,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: claims ? { claims } : null,
      domainName: headerValue(headers.single, 'host') ?? request.url.host,
      domainPrefix: 'local',
      extendedRequestId: request.requestId,
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: headerValue(headers.single, 'x-api-key') ?? null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: null,
        userAgent: headerValue(headers.single, 'user-agent') ?? null,
        userArn: null,
      },
      path: `/${LOCAL_STAGE}${request.url.pathname}`,
      protocol: 'HTTP/1.1',
      requestId: request.requestId,
      requestTime: requestTime(request.receivedAt),
      requestTimeEpoch: request.receivedAt.getTime(),
      resourceId: route.name,
      resourcePath: route.path,
      stage: LOCAL_STAGE,
    },
  };
};

const notInLambda = (): never => {
  throw new Error('Callback-style completion is not supported; return a promise');
};

/** A Lambda context for one invocation of the route's function, with its AWS timeout. */
export const lambdaContext = (
  route: RouteDeclaration,
  now: () => number = Date.now,
  timeoutMs: number = HTTP_FUNCTION_TIMEOUT_MS,
): Context => {
  const deadline = now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: route.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${route.name}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${route.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: notInLambda,
    fail: notInLambda,
    succeed: notInLambda,
  };
};

export interface HttpResponse {
  statusCode: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * The HTTP response API Gateway makes of a proxy result: `multiValueHeaders` and `headers` merged (a name in both
 * keeps the multi values), a base64 body decoded. Undefined when the result is malformed, which AWS answers with a 5xx.
 */
export const fromProxyResult = (result: unknown): HttpResponse | undefined => {
  if (!isRecord(result)) return undefined;
  const {
    statusCode,
    headers = {},
    multiValueHeaders = {},
    body,
    isBase64Encoded,
  } = result as Partial<APIGatewayProxyResult>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599)
    return undefined;
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  if (!isRecord(headers) || !isRecord(multiValueHeaders)) return undefined;
  const merged: Array<[string, string]> = [];
  const multiNames = new Set<string>();
  for (const [name, values] of Object.entries(multiValueHeaders)) {
    if (!Array.isArray(values) || !values.every(isScalar)) return undefined;
    multiNames.add(name.toLowerCase());
    for (const value of values) merged.push([name, String(value)]);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!isScalar(value)) return undefined;
    if (!multiNames.has(name.toLowerCase())) merged.push([name, String(value)]);
  }
  const text = body ?? '';
  return { statusCode, headers: merged, body: Buffer.from(text, isBase64Encoded ? 'base64' : 'utf8') };
};
