import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { StaffRole } from '../../../functions/domain/staff.js';
import { ROUTE_SCHEMAS } from '../../../functions/schemas/route-schemas.js';
import {
  surveyAnswerSchema,
  surveyPageQuerySchema,
  surveyPathSchema,
} from '../../../functions/schemas/survey-requests.js';
import { ROUTES, type RouteDeclaration } from '../../../functions/wiring/routes.js';
import { refundResolution } from '../../support/case-requests.js';
import { startTestStack, waitFor, type TestStack } from '../../support/local-stack.js';
import { arbitraryOf, jsonSchemaOf, NASTY_STRINGS } from '../../support/schema-arbitraries.js';
import { fileCase as fileStorefrontCase } from '../../support/storefront.js';
import { surveyEmailsTo } from '../../support/surveys.js';
import { changedItems, tableSnapshots, type TableSnapshot } from '../../support/table-snapshot.js';
import { parkedOn } from '../../support/workflow-waits.js';
import { caseAssignedTo, fileCase, newCustomer, signInAll, type Staff } from './staff-fixtures.js';

/**
 * Every route in `ROUTES` (a route added later is fuzzed too), called as each caller it allows, with bodies, queries
 * and path parameters generated from its zod schema and with mutations of them (wrong types, nulls, missing and extra
 * fields, huge and hostile strings, bad ids, other stores' ids, bad and tampered page tokens, broken JSON, bad
 * credentials). Only 2xx and 4xx may come back, every error in the API's shape, and a refused request writes nothing.
 *
 * FUZZ_SEED (fixed by default, so a failure replays) and FUZZ_RUNS (generated requests per route and caller, 3 by
 * default) run more: `FUZZ_RUNS=50 npx vitest run test/integration/api/fuzz.test.ts`; FUZZ_TRACE=1 logs each request
 * before it is sent (a request that gets no answer fails as a timeout).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

interface Schemas {
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  path?: z.ZodMiniType;
}

/** Routes whose schemas live outside `ROUTE_SCHEMAS` (the page routes); any other route is fuzzed without a schema. */
const PAGE_SCHEMAS: Record<string, Schemas> = {
  getSurvey: { path: surveyPathSchema, query: surveyPageQuerySchema },
  answerSurvey: { path: surveyPathSchema, body: surveyAnswerSchema },
};
const schemasOf = (route: RouteDeclaration): Schemas =>
  (ROUTE_SCHEMAS as Record<string, Schemas>)[route.name] ?? PAGE_SCHEMAS[route.name] ?? {};

interface Caller {
  label: string;
  headers: Record<string, string>;
  /** A caller of store B: store A's ids are not theirs. */
  otherStore?: boolean;
  /** A console caller's CSRF token, sent as the body's `csrf` field of a console post. */
  csrf?: string;
}

interface FuzzRequest {
  label: string;
  caller: Caller;
  /** The request is invalid by construction (its schema refuses it, no or wrong credentials, a bad id): a 4xx. */
  mustRefuse?: boolean;
  /** Path parameter values, already percent-encoded. */
  path: Record<string, string>;
  query?: Record<string, string>;
  /** The raw body; JSON unless `contentType` says otherwise. */
  body?: string;
  contentType?: string;
}

let stack: TestStack;
let staff: Staff;
let snapshots: ReturnType<typeof tableSnapshots>;

/** Store A's fixtures the valid requests aim at, and store B's for the cross-store ones. */
const fixtures = {
  caseIds: [] as string[],
  otherStoreCaseId: '',
  surveyToken: '',
  customerId: '',
  pageTokens: { own: '', otherStore: '', queue: '' },
};

const callersByRole: Record<StaffRole, string> = { agent: 'agent1', supervisor: 'supervisor1', admin: 'admin1' };
const otherStoreByRole: Record<StaffRole, string> = { agent: 'agent3', supervisor: 'supervisor3', admin: 'admin3' };

/** Console sessions by username (`signInToConsole`), signed in through the local stack's sign-in form. */
const consoleSessions = new Map<string, Caller>();

/**
 * A console session of a local user: the form post of the local sign-in (same origin), its `console_session` cookie,
 * and the CSRF token the queue page's sign-out form carries. Its requests come from the console's own origin.
 */
const signInToConsole = async (username: string): Promise<Caller> => {
  const signedIn = await fetch(`${stack.url}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username }).toString(),
  });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie, `console session of ${username}`).toMatch(/^console_session=v1\./);
  const queue = await (await fetch(`${stack.url}/console`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(queue)?.[1];
  expect(csrf, `CSRF token of ${username}`).toBeTruthy();
  return { label: `${username}'s console session`, headers: { cookie, origin: stack.url }, csrf };
};
const consoleCaller = (username: string): Caller => {
  const caller = consoleSessions.get(username);
  if (!caller) throw new Error(`No console session of ${username}`);
  return caller;
};

/** A console post's body: the caller's CSRF token, as the console's forms send it. */
const consoleBody = (route: RouteDeclaration, caller: Caller): Record<string, string> =>
  route.auth === 'console' && caller.csrf ? { csrf: caller.csrf } : {};

/**
 * A mutated body the route must refuse: one its schema refuses, or for a console post (no schema: the handler reads
 * its fields) one that no longer carries the caller's CSRF token. A route with neither refuses every mutation.
 */
const bodyRefused = (route: RouteDeclaration, schemas: Schemas, body: string, caller: Caller): boolean => {
  if (route.auth === 'console') {
    try {
      return (JSON.parse(body) as { csrf?: unknown } | null)?.csrf !== caller.csrf;
    } catch {
      return true;
    }
  }
  return !schemas.body || refusedBy(schemas.body, body);
};

const staffCaller = (username: string): Caller => ({
  label: username,
  headers: { authorization: `Bearer ${staff[username as keyof Staff].token}` },
});

/** The callers a route allows, in store A. */
const allowedCallers = (route: RouteDeclaration): Caller[] => {
  if (route.auth === 'apiKey') return [{ label: 'storefront A', headers: { 'x-api-key': stack.apiKeys.storeA } }];
  if (route.auth === 'staff') return (route.roles ?? []).map((role) => staffCaller(callersByRole[role]));
  // Console routes enforce roles in their use cases, as the API does: every role signs in.
  if (route.auth === 'console') return Object.values(callersByRole).map(consoleCaller);
  return [{ label: 'anyone', headers: {} }];
};

/** Callers the route must refuse (401, 403) or who must not see store A's data (another store's, a 404). */
const refusedCallers = (route: RouteDeclaration): Caller[] => {
  if (route.auth === 'apiKey') {
    return [
      { label: 'no API key', headers: {} },
      { label: 'an unknown API key', headers: { 'x-api-key': 'not-a-key' } },
      { label: "store B's storefront", headers: { 'x-api-key': stack.apiKeys.storeB }, otherStore: true },
    ];
  }
  if (route.auth === 'staff') {
    const roles = route.roles ?? [];
    return [
      { label: 'no token', headers: {} },
      { label: 'a forged token', headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' } },
      { label: 'a non-bearer header', headers: { authorization: 'Basic YWdlbnQxOng=' } },
      ...(['agent', 'supervisor', 'admin'] as const)
        .filter((role) => !roles.includes(role))
        .map((role) => staffCaller(callersByRole[role])),
      ...roles.map((role) => ({ ...staffCaller(otherStoreByRole[role]), otherStore: true })),
    ];
  }
  if (route.auth === 'console') {
    // The base request carries agent1's CSRF token: with any other session, or from elsewhere, it is refused.
    const agent = consoleCaller('agent1');
    const cookie = agent.headers.cookie ?? '';
    const [name, value] = cookie.split('=') as [string, string];
    const [version, payload] = value.split('.');
    return [
      { label: 'no session', headers: {} },
      { label: 'a tampered session', headers: { ...agent.headers, cookie: `${name}=${version}.${payload}.AAAA` } },
      { label: 'a bearer token instead of a session', headers: staffCaller('agent1').headers },
      ...(route.method === 'GET'
        ? []
        : [
            { label: 'a foreign origin', headers: { ...agent.headers, origin: 'https://evil.example' } },
            { label: 'no origin', headers: { cookie } },
            { ...consoleCaller('supervisor1'), label: "another session with agent1's CSRF token" },
          ]),
    ];
  }
  return [];
};

const paramNames = (route: RouteDeclaration): string[] =>
  [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);

/** Real values of store A for a path parameter (valid requests pick one). */
const validValues = (param: string): string[] => {
  if (param === 'caseId') return fixtures.caseIds;
  if (param === 'agentId') return ['agent2', 'agent1'];
  if (param === 'token') return [fixtures.surveyToken];
  return ['x'];
};

/** Bad values for a path parameter: malformed, unknown, another store's, hostile; percent-encoded as sent. */
const badValues = (param: string): string[] => [
  ...(param === 'caseId' ? [fixtures.otherStoreCaseId, 'cs_01ZZZZZZZZZZZZZZZZZZZZZZZZ'] : []),
  ...(param === 'agentId' ? ['agent3', 'nobody'] : []),
  ...(param === 'token' ? [`${fixtures.surveyToken}x`, fixtures.surveyToken.split('').reverse().join('')] : []),
  'nope',
  '%ED%A0%80', // a lone surrogate's UTF-8 bytes
  '%FF%FE', // not UTF-8 at all
  '%00',
  'x'.repeat(3_000),
  ...NASTY_STRINGS.slice(0, 4).map((value) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '?'))),
];

const url = (route: RouteDeclaration, request: FuzzRequest): string => {
  const path = route.path.replace(/\{([^}]+)\}/g, (_all, name: string) => request.path[name] ?? 'x');
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  return `${stack.url}${path}${query}`;
};

const send = async (route: RouteDeclaration, request: FuzzRequest) => {
  const hasBody = request.body !== undefined && route.method !== 'GET';
  const response = await fetch(url(route, request), {
    method: route.method,
    // A console route's refusal of a missing session is a redirect to the sign-in page: seen, not followed.
    redirect: route.auth === 'console' ? 'manual' : 'follow',
    headers: {
      accept: 'application/json',
      // A fresh connection each time: a kept-alive one may be closed by the server while the tables settle.
      connection: 'close',
      ...request.caller.headers,
      ...(hasBody ? { 'content-type': request.contentType ?? 'application/json' } : {}),
    },
    ...(hasBody ? { body: request.body } : {}),
  }).catch((error: unknown) => {
    throw new Error(`${describeRequest(route, request)}: no answer`, { cause: error });
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
};

const describeRequest = (route: RouteDeclaration, request: FuzzRequest): string =>
  `${route.method} ${route.path} [${request.label}] as ${request.caller.label}: ${url(route, request).slice(0, 300)} ` +
  `body ${String(request.body).slice(0, 300)}`;

/** The API's error body: `{ error: { code, message, details? } }` and nothing else (or a page route's HTML page). */
const expectErrorShape = (route: RouteDeclaration, response: { text: string; headers: Headers }, context: string) => {
  const { text } = response;
  if (route.kind === 'page' && response.headers.get('content-type')?.startsWith('text/html')) {
    expect(text, context).toMatch(/^<!DOCTYPE html>/i);
    return;
  }
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  expect(Object.keys(body), context).toEqual(['error']);
  expect(typeof body.error?.code, context).toBe('string');
  expect(typeof body.error?.message, context).toBe('string');
  if (body.error?.details !== undefined) {
    expect(Array.isArray(body.error.details), context).toBe(true);
    for (const detail of body.error.details as Array<{ path?: unknown; message?: unknown }>) {
      expect(typeof detail.path, context).toBe('string');
      expect(typeof detail.message, context).toBe('string');
    }
  }
};

let baseline: TableSnapshot;
let outboxSize = 0;

/**
 * After an accepted request its workflow and emails go on for a moment: the baseline is taken once the tables and the
 * outbox stop changing.
 */
const settle = async (): Promise<void> => {
  let previous = await snapshots.take();
  for (let round = 0; round < 40; round += 1) {
    await new Promise((done) => setTimeout(done, 100));
    const current = await snapshots.take();
    if (changedItems(previous, current).length === 0) break;
    previous = current;
  }
  baseline = previous;
  outboxSize = (await stack.outbox.list()).length;
};

/** A console route's 401: no session is a `303` to the sign-in page (a browser follows it). */
const SIGN_IN_REDIRECT = 401;

/**
 * Sends one request and checks the answer: never a 5xx, and errors in the API's shape with a request id. The status
 * is the response's, but a console route's redirect to the sign-in page counts as the refusal it is (401).
 */
const answer = async (route: RouteDeclaration, request: FuzzRequest) => {
  const context = describeRequest(route, request);
  // A request that never gets an answer shows as a test timeout: FUZZ_TRACE=1 names each request before it is sent.
  if (process.env.FUZZ_TRACE) console.log(`sending ${context.slice(0, 600)}`);
  const response = await send(route, request);
  // A sign-out's redirect clears the session cookie; the refusal of a missing session sets nothing.
  if (route.auth === 'console' && response.status === 303 && !response.headers.get('set-cookie')) {
    const location = response.headers.get('location') ?? '';
    if (/^\/console\/sign-in(\?|$)/.test(location)) {
      expect(response.headers.get('x-request-id'), context).toBeTruthy();
      return SIGN_IN_REDIRECT;
    }
  }
  expect(response.status, `${context}\n-> ${response.text.slice(0, 300)}`).toBeLessThan(500);
  expect(response.status, context).toBeGreaterThanOrEqual(200);
  // A console page refuses a caller without a session (the fuzz's callers carry none) with a 303 to its sign-in page.
  const sentToSignIn =
    route.auth === 'console' && response.status === 303 && response.headers.get('location') === '/console/sign-in';
  if (request.mustRefuse && !sentToSignIn) {
    expect(response.status, `${context} was accepted`).toBeGreaterThanOrEqual(400);
  }
  expect(response.headers.get('x-request-id'), context).toBeTruthy();
  if (response.status >= 400) expectErrorShape(route, response, `${context}\n-> ${response.text.slice(0, 300)}`);
  return response.status;
};

/** Fails when a table item or the outbox differs from the baseline; `after` says after which requests. */
const expectNothingWritten = async (after: string): Promise<void> => {
  const current = await snapshots.take();
  expect(changedItems(baseline, current).join('\n'), `written after the refusal of ${after}`).toBe('');
  expect((await stack.outbox.list()).length, `emailed after the refusal of ${after}`).toBe(outboxSize);
};

/** Requests between two reads of every table: the tables are read once per group, not once per request. */
const GROUP = 12;

/**
 * Sends requests that should mostly be refused and checks that the refused ones wrote nothing. The tables are compared
 * after each group; a group with an accepted request (which writes, and whose workflow goes on for a moment) is
 * settled and its refused requests are sent again one by one, each checked on its own.
 */
const checkRefusals = async (route: RouteDeclaration, requests: FuzzRequest[]): Promise<void> => {
  for (let start = 0; start < requests.length; start += GROUP) {
    const group = requests.slice(start, start + GROUP);
    const statuses: number[] = [];
    for (const request of group) statuses.push(await answer(route, request));
    const refused = group.filter((_request, index) => (statuses[index] as number) >= 400);
    if (refused.length === group.length) {
      await expectNothingWritten(refused.map((request) => describeRequest(route, request)).join('\n'));
      continue;
    }
    await settle();
    for (const request of refused) {
      if ((await answer(route, request)) < 400) {
        await settle();
        continue;
      }
      await expectNothingWritten(describeRequest(route, request));
    }
  }
};

const sample = <T>(arbitrary: fc.Arbitrary<T>, runs: number, salt: number): T[] =>
  fc.sample(arbitrary, { seed: SEED + salt, numRuns: runs });

/** Query values as a URL carries them. */
const asQuery = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((value ?? {}) as Record<string, unknown>).map(([name, inner]) => [
      name,
      typeof inner === 'string' ? inner : JSON.stringify(inner),
    ]),
  );

const validQuery = (route: RouteDeclaration, schemas: Schemas): Record<string, string> | undefined => {
  if (!schemas.query) return undefined;
  if (route.name === 'listCases') return { customerId: fixtures.customerId };
  return {};
};

/** Where a value's leaves are, up to a few levels deep: the places a mutation changes. */
const leafPaths = (value: unknown, prefix: string[] = [], depth = 0): string[][] => {
  if (depth > 3 || value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value)
    ? value.map((inner, index) => [String(index), inner] as const)
    : Object.entries(value);
  return [
    ...(prefix.length ? [prefix] : []),
    ...entries.flatMap(([key, inner]) => leafPaths(inner, [...prefix, key], depth + 1)),
  ];
};

const withAt = (value: unknown, path: string[], replace: (current: unknown) => unknown): unknown => {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value))
    return value.map((inner, index) => (String(index) === head ? withAt(inner, rest, replace) : inner));
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replace === REMOVE) delete copy[head];
  else copy[head] = withAt(copy[head], rest, replace);
  return copy;
};
const REMOVE = (): undefined => undefined;

const wrongType = (current: unknown): unknown => {
  if (typeof current === 'string') return 12_345;
  if (typeof current === 'number') return String(current);
  if (typeof current === 'boolean') return String(current);
  if (Array.isArray(current)) return { 0: current[0] };
  if (current && typeof current === 'object') return [current];
  return {};
};

/** Whether a value is refused by the schema itself, or is no JSON at all. */
const refusedBy = (schema: z.ZodMiniType, value: string | Record<string, string>): boolean => {
  try {
    // An empty body reaches the schema as no body at all (json-body.ts): a schema with a default accepts it.
    const parsed = typeof value === 'string' ? (value === '' ? undefined : JSON.parse(value)) : value;
    return !schema.safeParse(parsed).success;
  } catch {
    return true;
  }
};

/** Text a schema must refuse in a field a person types: each shape of `functions/domain/text-rules.ts`. */
const HOSTILE_TEXT: Array<[string, string]> = [
  ['a control character', 'Li\u0000Lei\u0007'],
  ['CRLF', 'Li\r\nBcc: evil@x.com\r\nSubject: pwned'],
  ['only invisible characters', '\u200b\u200d\ufeff \u3164'],
  ['a lone surrogate', 'Li\ud800'],
  ['a bidi override', 'Li\u202egnp.exe'],
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON of `value` with the first key of the object at `path` written twice (same value): JSON.parse and so the
 * schema see nothing wrong, the API must refuse it.
 */
const withDuplicateKey = (value: unknown, path: string[]): string => {
  if (path.length === 0 && isObject(value)) {
    const [name, inner] = Object.entries(value).find(([, first]) => first !== undefined) as [string, unknown];
    return `{${JSON.stringify(name)}:${JSON.stringify(inner)},${JSON.stringify(value).slice(1)}`;
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    const items = value.map((inner, index) =>
      String(index) === head ? withDuplicateKey(inner, rest) : (JSON.stringify(inner) ?? 'null'),
    );
    return `[${items.join(',')}]`;
  }
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .map(([name, inner]) => {
      const json = name === head ? withDuplicateKey(inner, rest) : JSON.stringify(inner);
      return `${JSON.stringify(name)}:${json}`;
    });
  return `{${members.join(',')}}`;
};

/** Raw bodies JSON.parse takes but the API must refuse: a key repeated at the top and in the first nested objects. */
const duplicateKeyBodies = (valid: unknown): Array<[string, string]> => {
  if (!isObject(valid) || !Object.values(valid).some((first) => first !== undefined)) return [];
  const nested = leafPaths(valid)
    .filter((path) => {
      const inner = path.reduce<unknown>((at, name) => (at as Record<string, unknown>)[name], valid);
      return isObject(inner) && Object.values(inner).some((first) => first !== undefined);
    })
    .slice(0, 2);
  return [[], ...nested].map((path) => [
    `a duplicate key at ${path.join('.') || 'the top'}`,
    withDuplicateKey(valid, path),
  ]);
};

/** Mutations of a valid body: each leaf nulled, mistyped, made huge or removed; unknown and hostile extra fields. */
const bodyMutations = (valid: unknown): Array<[string, string]> => {
  const mutations: Array<[string, string]> = [
    ['broken JSON', '{"a":'],
    ['an empty body', ''],
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"x"'],
    ['a number', '1e400'],
    ['deep nesting', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
    ['a body over 64 KB', JSON.stringify({ ...(valid as object), pad: 'x'.repeat(70_000) })],
  ];
  if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
    const json = JSON.stringify(valid);
    mutations.push(
      ['an unknown field', JSON.stringify({ ...valid, storeId: 'B', unexpected: true })],
      ['__proto__', `{"__proto__":{"isAdmin":true},${json.slice(1)}`],
      ['constructor', JSON.stringify({ ...valid, constructor: { prototype: { x: 1 } } })],
    );
    for (const path of leafPaths(valid).slice(0, 12)) {
      const at = path.join('.');
      mutations.push(
        [`${at} null`, JSON.stringify(withAt(valid, path, () => null))],
        [`${at} mistyped`, JSON.stringify(withAt(valid, path, wrongType))],
        [`${at} huge`, JSON.stringify(withAt(valid, path, () => 'x'.repeat(6_000)))],
        [`${at} removed`, JSON.stringify(withAt(valid, path, REMOVE))],
      );
    }
    // Hostile text in the string leaves: every shape in the first, one shape each (in turn) in the others.
    const strings = leafPaths(valid).filter(
      (path) => typeof path.reduce<unknown>((at, name) => (at as Record<string, unknown>)[name], valid) === 'string',
    );
    strings.slice(0, 12).forEach((path, index) => {
      const shapes = index === 0 ? HOSTILE_TEXT : [HOSTILE_TEXT[index % HOSTILE_TEXT.length] as [string, string]];
      for (const [label, text] of shapes) {
        mutations.push([`${path.join('.')} with ${label}`, JSON.stringify(withAt(valid, path, () => text))]);
      }
    });
  }
  return mutations;
};

/** Numbers at the edges of what JSON, JavaScript and DynamoDB hold, written as JSON text (`-0` survives only so). */
const EDGE_NUMBERS = ['1e-300', '5e-324', '1e308', '-1e308', '-0', '123456789012345678901234567890', '0.1234567'];
/** Durations whose count would never end, or that are zeros in disguise. */
const EDGE_DURATIONS = ['PT99999999999999999999H', 'P10000D', 'P400D', 'PT0.0001S', 'PT0.001S', `P${'9'.repeat(30)}D`];
const ISO_DURATION = /^P(?:\d+[WD])?(?:T.*)?$/;
const PLACEHOLDER = '__edge_value__';

/**
 * Each numeric leaf set to an edge number and each duration leaf to an edge duration: refused with a 4xx or taken,
 * never a 5xx (1e-300 reached DynamoDB as a 500; a huge duration froze the process). Not filtered by the schema, as
 * the shapes it accepts (-0) matter as much as those it refuses.
 */
const edgeValueMutations = (valid: unknown): Array<[string, string]> => {
  const leaves = leafPaths(valid).map((path) => {
    let current: unknown;
    withAt(valid, path, (value) => (current = value));
    return { path, current };
  });
  const edges = ({ current }: { current: unknown }): string[] =>
    typeof current === 'number'
      ? EDGE_NUMBERS
      : typeof current === 'string' && ISO_DURATION.test(current)
        ? EDGE_DURATIONS.map((duration) => JSON.stringify(duration))
        : [];
  return leaves
    .filter((leaf) => edges(leaf).length > 0)
    .slice(0, 12)
    .flatMap((leaf) =>
      edges(leaf).map((edge): [string, string] => [
        `${leaf.path.join('.')} = ${edge.slice(0, 24)}`,
        JSON.stringify(withAt(valid, leaf.path, () => PLACEHOLDER)).replace(`"${PLACEHOLDER}"`, edge),
      ]),
    );
};

/** A page token as this service makes them: base64url JSON of a key. */
const tokenOf = (key: unknown): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const keyOf = (token: string): Record<string, string> =>
  JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, string>;

const tamper = (token: string): string =>
  tokenOf(Object.fromEntries(Object.entries(keyOf(token)).map(([name, value]) => [name, `${value}x`])));

/**
 * Hand-made keys that keep a real token's partition (so they pass a partition check) but are not keys the listing
 * returned: the partition alone, a missing or empty attribute, another item, oversized or ill-formed strings.
 */
const forgedFrom = (token: string): string[] => {
  const key = keyOf(token);
  const [partition, sort] = Object.keys(key).filter((name) => name !== 'pk' && name !== 'sk') as [string, string];
  const caseId = String(key.pk).slice('CASE#'.length);
  return [
    { [partition]: key[partition] },
    { ...key, sk: undefined },
    { ...key, [sort]: '' },
    { ...key, pk: 'STORE#store-a', sk: 'PROFILE' },
    { ...key, sk: 'EVENT#2026' },
    { ...key, [sort]: `${'9'.repeat(1_100)}#${caseId}` },
    { ...key, [sort]: `\ud800#${caseId}` },
    { ...key, [sort]: 7 },
    { ...key, extra: 'x' },
  ].map(tokenOf);
};

/** Bad `nextToken`s: garbage, hand-made keys, real tokens of another listing, store or customer, tampered ones. */
const badPageTokens = (): string[] => [
  'not-a-token',
  '%%%',
  'x'.repeat(2_048),
  tokenOf({}),
  tokenOf(null),
  tokenOf([1]),
  ...forgedFrom(fixtures.pageTokens.own),
  ...forgedFrom(fixtures.pageTokens.queue),
  fixtures.pageTokens.otherStore,
  fixtures.pageTokens.queue,
  fixtures.pageTokens.own,
  tamper(fixtures.pageTokens.own),
  tamper(fixtures.pageTokens.queue),
  `${fixtures.pageTokens.own}AA`,
];

const queryMutations = (schemas: Schemas, valid: Record<string, string>): Array<[string, Record<string, string>]> => {
  const properties = schemas.query ? (jsonSchemaOf(schemas.query).properties ?? {}) : {};
  const mutations: Array<[string, Record<string, string>]> = [
    ['an unknown parameter', { ...valid, storeId: 'B' }],
    ['a parameter with a lone surrogate', { ...valid, x: '\ud800' }],
    // An own property named __proto__ (an object literal would set the prototype instead).
    ['a parameter named __proto__', Object.fromEntries([...Object.entries(valid), ['__proto__', '{"a":1}']])],
  ];
  for (const name of Object.keys(properties)) {
    for (const value of [
      '',
      'x'.repeat(3_000),
      'null',
      '-1',
      '1e9',
      '1.5',
      'NaN',
      'bogus',
      '\u202Eme',
      'ME',
      'a\r\nb',
      '\u200b\u200d',
    ]) {
      mutations.push([`${name}=${value.slice(0, 12)}`, { ...valid, [name]: value }]);
    }
    if (name === 'nextToken') {
      badPageTokens().forEach((token, index) =>
        mutations.push([`nextToken #${index}`, { ...valid, nextToken: token }]),
      );
    }
  }
  return mutations;
};

/** Each fixture's workflow parked on its wait: from then on nothing runs in the background for hours. */
const waitForQuiet = async (caseIds: string[]): Promise<void> => {
  for (const caseId of caseIds) {
    await waitFor(async () => (await stack.dependencies.cases.get(caseId))?.workflowWait);
  }
};

beforeAll(async () => {
  stack = await startTestStack();
  snapshots = tableSnapshots(stack);
  staff = await signInAll(stack);
  for (const username of Object.values(callersByRole)) consoleSessions.set(username, await signInToConsole(username));
  const customer = newCustomer();
  fixtures.customerId = customer.id;
  const storeB = newCustomer();
  const storeBKey = { apiKey: stack.apiKeys.storeB };
  const resolvedCase = async (): Promise<string> => {
    const caseId = await caseAssignedTo(stack, staff, 'agent1', { customer: newCustomer() });
    await parkedOn(stack, caseId, 'firstResponse');
    await staff.agent1.post(`/v1/staff/cases/${caseId}/replies`, { body: 'On it.' });
    expect((await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution)).status).toBe(200);
    const [link] = await surveyEmailsTo(stack, (await stack.dependencies.cases.get(caseId))?.customer.email as string);
    fixtures.surveyToken = (link as string).split('/survey/')[1] as string;
    await parkedOn(stack, caseId, 'aftercare');
    return caseId;
  };
  const [assigned, second, resolved, review, otherStoreCase, secondOtherStoreCase] = await Promise.all([
    caseAssignedTo(stack, staff, 'agent1', { customer }),
    caseAssignedTo(stack, staff, 'agent1', { customer }),
    resolvedCase(),
    fileCase(stack, {
      items: [{ sku: 'TV-1', name: 'Television', category: 'electronics', quantity: 1, unitPrice: 4999 }],
    }),
    fileStorefrontCase(stack, { customer: storeB }, storeBKey),
    fileStorefrontCase(stack, { customer: storeB }, storeBKey),
  ]);
  fixtures.caseIds = [assigned, second, review, resolved];
  fixtures.otherStoreCaseId = otherStoreCase;

  const page = (path: string, headers: Record<string, string>) =>
    fetch(`${stack.url}${path}`, { headers }).then(
      async (response) => ((await response.json()) as { nextToken: string }).nextToken,
    );
  fixtures.pageTokens.own = await page(`/v1/cases?customerId=${customer.id}&limit=1`, {
    'x-api-key': stack.apiKeys.storeA,
  });
  fixtures.pageTokens.otherStore = await page(`/v1/cases?customerId=${storeB.id}&limit=1`, {
    'x-api-key': stack.apiKeys.storeB,
  });
  fixtures.pageTokens.queue = await page('/v1/staff/cases?assignee=agent1&limit=1', staffCaller('supervisor1').headers);
  expect(Object.values(fixtures.pageTokens).every(Boolean)).toBe(true);

  await waitForQuiet([assigned, second, review, resolved, otherStoreCase, secondOtherStoreCase]);
  baseline = await snapshots.take();
  outboxSize = (await stack.outbox.list()).length;
});

afterAll(async () => {
  snapshots?.close();
  await stack?.stop();
});

describe('Fuzz: every route, refusals', () => {
  beforeEach(settle);

  it('covers every declared route', () => {
    expect(ROUTES.length).toBeGreaterThan(0);
  });

  it.each(ROUTES.map((route) => [route.name, route] as const))(
    '%s refuses bad input, bad ids, bad tokens and bad credentials with a 4xx and writes nothing',
    async (_name, route) => {
      const schemas = schemasOf(route);
      const [caller] = allowedCallers(route) as [Caller];
      const path = Object.fromEntries(
        paramNames(route).map((param) => [param, encodeURIComponent(validValues(param)[0] as string)]),
      );
      const query = validQuery(route, schemas);
      const [validBody] = schemas.body ? sample(arbitraryOf(schemas.body), 1, 0) : [consoleBody(route, caller)];
      const base: FuzzRequest = {
        label: 'valid',
        caller,
        path,
        ...(query ? { query } : {}),
        ...(route.method === 'GET' ? {} : { body: JSON.stringify(validBody) }),
      };
      const requests: FuzzRequest[] = [
        ...refusedCallers(route).map((refused) => ({
          ...base,
          label: 'credentials',
          caller: refused,
          // Another store's caller is refused only what is store A's (its path ids).
          mustRefuse: !refused.otherStore || paramNames(route).length > 0,
        })),
        ...paramNames(route).flatMap((param) =>
          badValues(param).map((value) => ({
            mustRefuse: true,
            ...base,
            label: `${param} ${value.slice(0, 20)}`,
            path: { ...path, [param]: value },
          })),
        ),
        ...(route.method === 'GET' || query
          ? queryMutations(schemas, query ?? {}).map(([label, mutated]) => ({
              ...base,
              label,
              query: mutated,
              mustRefuse: schemas.query !== undefined && refusedBy(schemas.query, mutated),
            }))
          : []),
        ...(route.method === 'GET'
          ? []
          : [
              // A mutation the schema still accepts (an optional field removed) is a valid request: the generated
              // requests cover those. The others must be refused.
              ...bodyMutations(validBody)
                .map(([label, body]) => ({
                  ...base,
                  label,
                  body,
                  mustRefuse: bodyRefused(route, schemas, body, caller),
                }))
                .filter((request) => !schemas.body || request.mustRefuse || request.label === 'a body over 64 KB')
                .map((request) => (request.label === 'a body over 64 KB' ? { ...request, mustRefuse: true } : request)),
              // Valid JSON the schema would take, refused for what JSON.parse hides: repeated keys.
              ...duplicateKeyBodies(validBody).map(([label, body]) => ({ ...base, label, body, mustRefuse: true })),
              ...edgeValueMutations(validBody).map(([label, body]) => ({
                ...base,
                label,
                body,
                mustRefuse: bodyRefused(route, schemas, body, caller),
              })),
              { ...base, label: 'text/plain', contentType: 'text/plain' },
              { ...base, label: 'a form post', contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=%FF' },
              {
                ...base,
                label: 'a form post naming a field twice',
                contentType: 'application/x-www-form-urlencoded',
                body: 'overall=5&comment=x&overall=1',
                mustRefuse: true,
              },
              {
                ...base,
                label: 'JSON declared in ISO-8859-1',
                contentType: 'application/json; charset=iso-8859-1',
                mustRefuse: true,
              },
              {
                ...base,
                label: 'a form declared in ISO-8859-1',
                contentType: 'application/x-www-form-urlencoded; charset=iso-8859-1',
                body: 'overall=5',
                mustRefuse: true,
              },
            ]),
      ];
      await checkRefusals(route, requests);
    },
  );
});

describe('Fuzz: every route, generated requests', () => {
  it.each(ROUTES.map((route) => [route.name, route] as const))(
    '%s answers generated valid requests with a 2xx or a 4xx, never a 5xx',
    async (_name, route) => {
      const schemas = schemasOf(route);
      const params = paramNames(route);
      const requestArbitrary = fc.record({
        caller: fc.constantFrom(...allowedCallers(route)),
        path: fc.record(Object.fromEntries(params.map((param) => [param, fc.constantFrom(...validValues(param))]))),
        body: schemas.body ? arbitraryOf(schemas.body) : fc.constant({}),
        query: schemas.query ? arbitraryOf(schemas.query) : fc.constant(undefined),
      });
      const generated = sample(requestArbitrary, RUNS * allowedCallers(route).length, ROUTES.indexOf(route) + 1);
      for (const [index, { caller, path, body, query }] of generated.entries()) {
        const fixedQuery = { ...asQuery(query), ...validQuery(route, schemas) };
        // Every other listing follows a real page token, so paging is exercised too.
        if (fixedQuery.nextToken !== undefined && index % 2 === 0) fixedQuery.nextToken = fixtures.pageTokens.own;
        await answer(route, {
          label: `generated #${index}`,
          caller,
          path: Object.fromEntries(Object.entries(path).map(([name, value]) => [name, encodeURIComponent(value)])),
          ...(schemas.query || route.method === 'GET' ? { query: fixedQuery } : {}),
          ...(route.method === 'GET'
            ? {}
            : { body: JSON.stringify(route.auth === 'console' ? consoleBody(route, caller) : body) }),
        });
      }
    },
  );
});
