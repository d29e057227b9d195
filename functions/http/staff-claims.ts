import { STAFF_ROLES, type StaffRole, type StaffUser } from '../domain/staff.js';

/**
 * The signed-in user from the claims API Gateway's Cognito authorizer passes in `requestContext.authorizer.claims`.
 * The REST API turns every claim into a string (an array becomes `a,b`; other gateways and tools write `[a b]` or a
 * JSON array), so values are read leniently; what they mean is checked strictly.
 */
export const STAFF_CLAIMS = {
  userId: 'sub',
  email: 'email',
  name: 'name',
  groups: 'cognito:groups',
  storeId: 'custom:storeId',
  agentId: 'custom:agentId',
} as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty, trimmed string claim; anything else counts as absent. */
const text = (claims: Record<string, unknown>, name: string): string | undefined => {
  const value = claims[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const fromJsonArray = (value: string): string[] | undefined => {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : undefined;
  } catch {
    return undefined;
  }
};

/** Group names from `["a","b"]`, `[a b]`, `[a, b]`, `a,b`, `a b`, or an array of strings. */
export const parseGroups = (value: unknown): string[] => {
  const names = Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? (fromJsonArray(value.trim()) ??
        value
          .trim()
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/))
      : [];
  return names.map((name) => name.trim()).filter((name) => name !== '');
};

/** The staff roles among the groups, each once, in `STAFF_ROLES` order; other groups are ignored. */
export const staffRolesOf = (groups: readonly string[]): StaffRole[] =>
  STAFF_ROLES.filter((role) => groups.includes(role));

/**
 * The staff user the claims describe, or undefined when they do not identify one: no claims, or no subject, email or
 * store. A user in none of the staff groups is still identified (with no roles): routes then answer 403, not 401.
 */
export const staffUserFromClaims = (claims: unknown): StaffUser | undefined => {
  if (!isRecord(claims)) return undefined;
  const userId = text(claims, STAFF_CLAIMS.userId);
  const email = text(claims, STAFF_CLAIMS.email);
  const storeId = text(claims, STAFF_CLAIMS.storeId);
  if (!userId || !email || !storeId) return undefined;
  const agentId = text(claims, STAFF_CLAIMS.agentId);
  return {
    userId,
    email,
    name: text(claims, STAFF_CLAIMS.name) ?? email,
    roles: staffRolesOf(parseGroups(claims[STAFF_CLAIMS.groups])),
    storeId,
    ...(agentId ? { agentId } : {}),
  };
};
