import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors.js';
import { hasRole, type StaffRole, type StaffUser } from '../../domain/staff.js';
import { staffUserFromClaims } from '../staff-claims.js';

/** Set on the event, which is the request's own (a context object may be shared by concurrent local calls). */
export interface SignedInStaff {
  staffUser?: StaffUser;
}

/**
 * Who is calling and whether they may call this route. API Gateway's Cognito authorizer has already verified the
 * token in AWS (the local gateway emulates it); this reads its claims, so a route deployed without the authorizer
 * still refuses everyone (401), and a user outside the route's groups gets 403.
 */
export const staffAuth = (
  roles: readonly StaffRole[],
): MiddlewareObj<APIGatewayProxyEvent & SignedInStaff, APIGatewayProxyResult> => ({
  before: (request: Request<APIGatewayProxyEvent & SignedInStaff, APIGatewayProxyResult>) => {
    const user = staffUserFromClaims(request.event.requestContext?.authorizer?.claims);
    if (!user) throw new UnauthenticatedError('Sign in as a staff user');
    if (!hasRole(user, ...roles)) {
      throw new ForbiddenError(`This action needs the role ${roles.join(' or ')}`);
    }
    request.event.staffUser = user;
  },
});
