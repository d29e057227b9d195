import { describe, expect, it } from 'vitest';
import { parseGroups, staffRolesOf, staffUserFromClaims } from '../../../functions/http/staff-claims.js';

const claims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: 'u-1',
  email: 'agent1@store-a.example',
  name: 'Agent One',
  'cognito:groups': 'agent',
  'custom:storeId': 'store-a',
  'custom:agentId': 'agent1',
  ...overrides,
});

describe('Function: parseGroups', () => {
  it.each([
    ['a single name (REST API, one group)', 'agent', ['agent']],
    ['a comma list (REST API, several groups)', 'agent,supervisor', ['agent', 'supervisor']],
    ['a comma list with spaces', ' agent , supervisor ', ['agent', 'supervisor']],
    ['a bracketed space list (HTTP API style)', '[agent supervisor]', ['agent', 'supervisor']],
    ['a bracketed comma list', '[agent, admin]', ['agent', 'admin']],
    ['a JSON array string', '["agent","admin"]', ['agent', 'admin']],
    ['an array (the raw token)', ['supervisor', 'admin'], ['supervisor', 'admin']],
    ['an array with non-strings', ['agent', 7, null], ['agent']],
    ['an empty string', '', []],
    ['empty brackets', '[]', []],
    ['a number', 42, []],
    ['nothing', undefined, []],
  ])('returns the names from %s', (_label, value, expected) => {
    // Act
    const groups = parseGroups(value);

    // Assess
    expect(groups).toEqual(expected);
  });
});

describe('Function: staffRolesOf', () => {
  it.each([
    [['agent'], ['agent']],
    [
      ['admin', 'agent', 'admin'],
      ['agent', 'admin'],
    ],
    [['us-east-1_pool_Google', 'supervisor', 'Admin'], ['supervisor']],
    [['editors'], []],
  ])('keeps the staff roles of %j, each once, ignoring other groups', (groups, expected) => {
    // Act
    const roles = staffRolesOf(groups);

    // Assess
    expect(roles).toEqual(expected);
  });
});

describe('Function: staffUserFromClaims', () => {
  it('returns the staff user the claims describe', () => {
    // Act
    const user = staffUserFromClaims(claims());

    // Assess
    expect(user).toEqual({
      userId: 'u-1',
      email: 'agent1@store-a.example',
      name: 'Agent One',
      roles: ['agent'],
      storeId: 'store-a',
      agentId: 'agent1',
    });
  });

  it('uses the email as the name and leaves agentId out when the token has neither', () => {
    // Act
    const user = staffUserFromClaims(
      claims({ name: undefined, 'custom:agentId': '', 'cognito:groups': 'supervisor,admin' }),
    );

    // Assess
    expect(user).toEqual({
      userId: 'u-1',
      email: 'agent1@store-a.example',
      name: 'agent1@store-a.example',
      roles: ['supervisor', 'admin'],
      storeId: 'store-a',
    });
    expect(user).not.toHaveProperty('agentId');
  });

  it('returns a user with no roles when the token has no staff group', () => {
    // Act
    const user = staffUserFromClaims(claims({ 'cognito:groups': undefined }));

    // Assess
    expect(user?.roles).toEqual([]);
  });

  it.each([
    ['no claims', undefined],
    ['claims that are not an object', 'sub=u-1'],
    ['no sub', claims({ sub: undefined })],
    ['a blank sub', claims({ sub: '  ' })],
    ['no email', claims({ email: undefined })],
    ['no store', claims({ 'custom:storeId': undefined })],
    ['a store that is not a string', claims({ 'custom:storeId': ['store-a'] })],
  ])('returns undefined for %s', (_label, value) => {
    // Act
    const user = staffUserFromClaims(value);

    // Assess
    expect(user).toBeUndefined();
  });
});
