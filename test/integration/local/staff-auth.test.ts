import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RouteDeclaration } from '../../../functions/wiring/routes.js';
import { LocalJwtIssuer } from '../../../local/local-jwt.js';
import { GATEWAY_MESSAGES, startLocalServer, type LocalServer } from '../../../local/server.js';
import { findStaffAccount, idTokenClaims } from '../../../local/staff-users.js';
import { api, startTestStack, type TestStack } from '../../support/local-stack.js';
import { staffApi } from '../../support/staff-api.js';

const UNAUTHORIZED = { error: { code: 'unauthenticated', message: GATEWAY_MESSAGES.unauthorized } };
const HOURS = 60 * 60 * 1000;

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

const account = (username: string) => {
  const user = findStaffAccount(username);
  if (!user) throw new Error(`No seeded staff user ${username}`);
  return user;
};

describe('Local stack: staff sign-in and the Cognito authorizer', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());

  it.each([
    ['agent1', ['agent'], 'store-a', 'agent1'],
    ['agent2', ['agent'], 'store-a', 'agent2'],
    ['supervisor1', ['supervisor'], 'store-a', undefined],
    ['admin1', ['admin'], 'store-a', undefined],
    ['agent3', ['agent'], 'store-b', 'agent3'],
    ['supervisor3', ['supervisor'], 'store-b', undefined],
    ['admin3', ['admin'], 'store-b', undefined],
  ])('returns a 12-hour ID token for the seeded user %s', async (username, roles, storeId, agentId) => {
    // Act
    const response = await api(stack).post('/_local/login', { username });

    // Assess
    expect(response.status).toBe(200);
    expect(response.json.user).toEqual({ username, roles, storeId, ...(agentId ? { agentId } : {}) });
    const claims = decodeJwt(response.json.token);
    expect(claims).toMatchObject({
      sub: `local-${username}`,
      email: `${username}@${storeId}.example`,
      'cognito:groups': roles,
      'custom:storeId': storeId,
      token_use: 'id',
    });
    expect(claims['custom:agentId']).toBe(agentId);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(12 * 60 * 60);
    expect(new Date(response.json.expiresAt).getTime()).toBe((claims.exp ?? 0) * 1000);
  });

  it.each([
    ['an unknown user', { username: 'agent9' }, 404, 'not_found', undefined],
    ['no username', {}, 400, 'validation_failed', 'username'],
    ['a blank username', { username: ' ' }, 400, 'validation_failed', 'username'],
    ['an unknown field', { username: 'agent1', password: 'x' }, 400, 'validation_failed', ''],
  ])('refuses a login with %s', async (_label, body, status, code, path) => {
    // Act
    const response = await api(stack).post('/_local/login', body);

    // Assess
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    if (path !== undefined) expect(response.json.error.details[0].path).toBe(path || 'body');
  });

  it('refuses a login whose body is not JSON with 400 malformed_json', async () => {
    // Act
    const response = await api(stack).raw('POST', '/_local/login', 'username=agent1', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('malformed_json');
  });

  it('seeds each demo store with its agents, able to take every type, category and language', async () => {
    // Act
    const storeA = await stack.dependencies.agents.list('store-a');
    const storeB = await stack.dependencies.agents.list('store-b');

    // Assess
    expect(storeA.map((agent) => agent.agentId).sort()).toEqual(['agent1', 'agent2']);
    expect(storeB.map((agent) => agent.agentId)).toEqual(['agent3']);
    expect(storeA.find((agent) => agent.agentId === 'agent1')).toMatchObject({
      name: account('agent1').name,
      email: 'agent1@store-a.example',
      skills: { categories: ['*'], locales: ['zh-CN', 'en'] },
      maxOpenCases: 10,
      available: true,
      supervisorId: account('supervisor1').userId,
      openCases: 0,
    });
    expect(storeA[0]?.skills.types).toHaveLength(9);
  });

  it('lets a supervisor with a valid token through to the handler', async () => {
    // Prepare
    const supervisor = await staffApi(stack, 'supervisor1');

    // Act
    const response = await supervisor.get('/v1/admin/agents');

    // Assess
    expect(response.status).toBe(200);
    expect(response.json.items.map((agent: { agentId: string }) => agent.agentId).sort()).toEqual(['agent1', 'agent2']);
  });

  it('returns 403 forbidden to an agent on a supervisors-and-admins route', async () => {
    // Prepare
    const agent = await staffApi(stack, 'agent1');

    // Act
    const response = await agent.get('/v1/admin/agents');

    // Assess
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('forbidden');
  });

  it('returns 401 with the gateway body without a token, or with a malformed, foreign or expired one', async () => {
    // Prepare
    const agent1 = account('agent1');
    const expired = await stack.staffTokens.issue(idTokenClaims(agent1), new Date(Date.now() - 13 * HOURS));
    const foreign = await (await LocalJwtIssuer.open(undefined)).issue(idTokenClaims(agent1), new Date());
    const valid = (await api(stack).post('/_local/login', { username: 'agent1' })).json.token as string;
    const [header, , signature] = valid.split('.');
    const promoted = Buffer.from(JSON.stringify({ ...decodeJwt(valid), 'cognito:groups': ['admin'] }));
    const tampered = `${header}.${promoted.toString('base64url')}.${signature}`;

    // Act
    const responses = await Promise.all([
      api(stack).get('/v1/admin/agents'),
      api(stack).get('/v1/admin/agents', bearer('not-a-jwt')),
      api(stack).get('/v1/admin/agents', bearer(expired.token)),
      api(stack).get('/v1/admin/agents', bearer(foreign.token)),
      api(stack).get('/v1/admin/agents', bearer(tampered)),
      api(stack).get('/v1/admin/agents', { headers: { authorization: 'Bearer' } }),
      api(stack).get('/v1/admin/agents', { apiKey: stack.apiKeys.storeA }),
    ]);

    // Assess
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response.json).toEqual(UNAUTHORIZED);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('accepts the token without the Bearer scheme, as the Cognito authorizer does', async () => {
    // Prepare
    const { token } = await staffApi(stack, 'admin1');

    // Act
    const response = await api(stack).get('/v1/admin/agents', { headers: { authorization: token } });

    // Assess
    expect(response.status).toBe(200);
  });

  it('keeps storefront routes on the API key: a staff token is no key', async () => {
    // Prepare
    const { token } = await staffApi(stack, 'admin1');

    // Act
    const response = await api(stack).get('/v1/cases?customerId=c-1', bearer(token));

    // Assess
    expect(response.status).toBe(401);
    expect(response.json.error.message).toBe(GATEWAY_MESSAGES.unauthenticated);
  });

  it('never lists /_local routes in the OpenAPI document, and marks staff routes with the bearer scheme', async () => {
    // Act
    const document = (await api(stack).get('/v1/openapi.json')).json;

    // Assess
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/_local'))).toEqual([]);
    expect(document.components.securitySchemes.staffBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/v1/admin/agents'].get.security).toEqual([{ staffBearer: [] }]);
    expect(document.paths['/v1/cases'].post.security).toEqual([{ storeApiKey: [] }]);
  });
});

describe('Local stack: staff tokens across a restart', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'after-sales-staff-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('still accepts a token issued before the restart, and does not seed the agents twice', async () => {
    // Prepare
    const first = await startTestStack({ dataDir });
    const token = (await api(first).post('/_local/login', { username: 'supervisor1' })).json.token as string;
    await first.stop();

    // Act
    const second = await startTestStack({ dataDir });
    try {
      const response = await api(second).get('/v1/admin/agents', bearer(token));

      // Assess
      expect(response.status).toBe(200);
      expect(response.json.items).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });
});

describe('Local server: the Cognito authorizer emulation', () => {
  let server: LocalServer;
  let issuer: LocalJwtIssuer;

  const route: RouteDeclaration = {
    name: 'whoAmI',
    method: 'GET',
    path: '/v1/staff/me',
    auth: 'staff',
    roles: ['agent'],
    handler: 'who-am-i',
    summary: 'Echoes the authorizer context',
    capabilities: {},
  };

  beforeAll(async () => {
    issuer = await LocalJwtIssuer.open(undefined);
    server = await startLocalServer({ host: '127.0.0.1', port: 0, logger: { info: vi.fn(), error: vi.fn() } });
    server.mount({
      api: [
        {
          ...route,
          invoke: async (event: APIGatewayProxyEvent) => ({
            statusCode: 200,
            body: JSON.stringify(event.requestContext.authorizer),
          }),
        },
      ],
      local: [],
      verifyStaffToken: (token) => issuer.verify(token),
    });
  });
  afterAll(async () => server?.close());

  it('passes the claims in requestContext.authorizer.claims, every value a string as API Gateway REST does', async () => {
    // Prepare
    const { token } = await issuer.issue(
      { ...idTokenClaims(account('agent1')), 'cognito:groups': ['agent', 'supervisor'] },
      new Date(),
    );
    const old = await issuer.issue(idTokenClaims(account('agent1')), new Date(Date.now() - 13 * HOURS));

    // Act
    const response = await fetch(`${server.url}/v1/staff/me`, { headers: { authorization: `Bearer ${token}` } });
    const expired = await fetch(`${server.url}/v1/staff/me`, { headers: { authorization: `Bearer ${old.token}` } });
    const authorizer = (await response.json()) as { claims: Record<string, unknown> };

    // Assess
    expect(response.status).toBe(200);
    expect(authorizer.claims).toMatchObject({
      sub: 'local-agent1',
      email: 'agent1@store-a.example',
      email_verified: 'true',
      'cognito:groups': 'agent,supervisor',
      'cognito:username': 'agent1',
      'custom:storeId': 'store-a',
      'custom:agentId': 'agent1',
      token_use: 'id',
    });
    expect(Object.values(authorizer.claims).every((value) => typeof value === 'string')).toBe(true);
    expect(authorizer.claims.exp).toMatch(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
    expect(expired.status).toBe(401);
  });
});
