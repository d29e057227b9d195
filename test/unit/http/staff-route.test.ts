import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import type { StaffUser } from '../../../functions/domain/staff.js';
import { jsonResponse } from '../../../functions/http/responses.js';
import { staffRoute } from '../../../functions/http/route.js';
import { ROUTE_SCHEMAS } from '../../../functions/schemas/route-schemas.js';
import { ROUTE_ROLES } from '../../../functions/wiring/route-roles.js';
import { ROUTES } from '../../../functions/wiring/routes.js';
import { proxyEvent, routeContext as context } from './proxy-event.js';
import { providedPorts } from '../../support/provided-ports.js';

/** The claims API Gateway's Cognito authorizer passes for a REST API: every value a string. */
const claimsOf = (groups: string, overrides: Record<string, string | undefined> = {}) => ({
  sub: 'u-sup-1',
  email: 'supervisor1@store-a.example',
  email_verified: 'true',
  'cognito:groups': groups,
  'cognito:username': 'supervisor1',
  'custom:storeId': 'store-a',
  token_use: 'id',
  exp: 'Sun Nov 22 20:00:00 UTC 2026',
  ...overrides,
});

const event = (
  claims: Record<string, string | undefined> | undefined,
  overrides: Partial<APIGatewayProxyEvent> = {},
): APIGatewayProxyEvent =>
  proxyEvent({
    path: '/v1/staff/cases/cs_1/assign',
    resource: '/v1/staff/cases/{caseId}/assign',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer x.y.z' },
    pathParameters: { caseId: 'cs_1' },
    body: '{"agentId":"agent2"}',
    requestContext: {
      requestId: 'req-1',
      authorizer: claims ? { claims } : null,
    } as APIGatewayProxyEvent['requestContext'],
    ...overrides,
  });

let seen: Array<{ user: StaffUser; caseId: string; agentId: string }>;
/** `assignCase` allows supervisors and admins only. */
const assign = staffRoute('assignCase', ROUTE_SCHEMAS.assignCase, providedPorts, async ({ user, path, body }) => {
  seen.push({ user, caseId: path.caseId, agentId: body.agentId });
  return jsonResponse(200, { assigned: body.agentId });
});

beforeEach(() => {
  seen = [];
  provideDependencies({} as Dependencies);
});
afterEach(() => provideDependencies(undefined as unknown as Dependencies));

describe('Function: staffRoute', () => {
  it('passes the signed-in user and the validated path and body when the role is allowed', async () => {
    // Act
    const response = await assign(event(claimsOf('supervisor')), context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(seen).toEqual([
      {
        user: {
          userId: 'u-sup-1',
          email: 'supervisor1@store-a.example',
          name: 'supervisor1@store-a.example',
          roles: ['supervisor'],
          storeId: 'store-a',
        },
        caseId: 'cs_1',
        agentId: 'agent2',
      },
    ]);
    expect(response.headers).toMatchObject({ 'x-request-id': 'req-1', 'x-content-type-options': 'nosniff' });
  });

  it.each([
    ['supervisor', 200],
    ['admin', 200],
    ['agent,admin', 200],
    ['[agent supervisor]', 200],
    ['agent', 403],
    ['editors', 403],
    ['', 403],
  ])('answers groups %j with %d on a supervisors-and-admins route', async (groups, status) => {
    // Act
    const response = await assign(event(claimsOf(groups)), context);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(seen).toHaveLength(status === 200 ? 1 : 0);
    if (status === 403) expect(JSON.parse(response.body).error.code).toBe('forbidden');
  });

  it.each([
    ['no authorizer claims', undefined],
    ['no sub', claimsOf('admin', { sub: undefined })],
    ['no store', claimsOf('admin', { 'custom:storeId': undefined })],
    ['no email', claimsOf('admin', { email: undefined })],
  ])('answers %s with 401 unauthenticated without calling the handler', async (_label, claims) => {
    // Act
    const response = await assign(event(claims), context);

    // Assess
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe('unauthenticated');
    expect(response.headers?.['x-request-id']).toBe('req-1');
    expect(seen).toEqual([]);
  });

  it('checks who calls before what they sent', async () => {
    // Act
    const anonymous = await assign(event(undefined, { body: '{' }), context);
    const agent = await assign(event(claimsOf('agent'), { body: '{' }), context);

    // Assess
    expect(anonymous.statusCode).toBe(401);
    expect(agent.statusCode).toBe(403);
  });

  it.each([
    ['broken JSON', { body: '{' }, 400, 'malformed_json'],
    ['an invalid agentId', { body: '{"agentId":"Agent Two"}' }, 400, 'validation_failed'],
    ['an unknown field', { body: '{"agentId":"agent2","storeId":"store-b"}' }, 400, 'validation_failed'],
    ['a text body', { headers: { 'Content-Type': 'text/plain' } }, 415, 'unsupported_media_type'],
  ])('validates the request of an allowed user: %s is %d', async (_label, overrides, status, code) => {
    // Act
    const response = await assign(event(claimsOf('admin'), overrides), context);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body).error.code).toBe(code);
    expect(seen).toEqual([]);
  });

  it('lets every staff role call a route open to all staff, with its query validated', async () => {
    // Prepare
    const queue = staffRoute('listStaffCases', ROUTE_SCHEMAS.listStaffCases, providedPorts, async ({ user, query }) =>
      jsonResponse(200, { roles: user.roles, agentId: user.agentId, limit: query.limit }),
    );
    const get = (groups: string, queryStringParameters: Record<string, string> | null = null) =>
      queue(
        event(claimsOf(groups, { 'custom:agentId': 'agent1' }), {
          httpMethod: 'GET',
          body: null,
          pathParameters: null,
          queryStringParameters,
        }),
        context,
      );

    // Act
    const responses = await Promise.all(['agent', 'supervisor', 'admin'].map((groups) => get(groups)));
    const invalid = await get('agent', { limit: '1000' });

    // Assess
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect(JSON.parse(responses[0]?.body ?? '')).toEqual({ roles: ['agent'], agentId: 'agent1', limit: 20 });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.parse(invalid.body).error.details[0].path).toBe('limit');
  });

  it('refuses at cold start to serve a route that is not a staff route', () => {
    // Act
    const build = () =>
      staffRoute('createCase', ROUTE_SCHEMAS.createCase, providedPorts, async () => jsonResponse(200, {}));

    // Assess
    expect(build).toThrow(/createCase is not a staff route/);
  });

  it("reads each staff route's roles from ROUTE_ROLES, which names exactly the staff routes of ROUTES", () => {
    // Prepare
    const staffRoutes = ROUTES.filter((route) => route.auth === 'staff');

    // Assess
    expect(Object.keys(ROUTE_ROLES).sort()).toEqual(staffRoutes.map((route) => route.name).sort());
    for (const route of staffRoutes) {
      expect(route.roles, route.name).toBe(ROUTE_ROLES[route.name as keyof typeof ROUTE_ROLES]);
      expect(route.roles?.length, route.name).toBeGreaterThan(0);
    }
  });
});
