import type { StaffRole } from '../functions/domain/staff.js';

/**
 * The local stand-in of the Cognito user pool: the demo stores' staff, who sign in with `POST /_local/login` and no
 * password. In AWS the user pool holds them, with the store and agent id as custom attributes and roles as groups.
 */
export interface StaffAccount {
  username: string;
  /** The ID token's `sub`: fixed, so timelines written before a restart still name the same person. */
  userId: string;
  name: string;
  email: string;
  groups: readonly StaffRole[];
  storeId: string;
  /** Set for agents: their entry in the store's agent directory (seeded with the same id). */
  agentId?: string;
}

const account = (username: string, name: string, storeId: string, group: StaffRole): StaffAccount => ({
  username,
  userId: `local-${username}`,
  name,
  email: `${username}@${storeId}.example`,
  groups: [group],
  storeId,
  ...(group === 'agent' ? { agentId: username } : {}),
});

export const SEEDED_STAFF_USERS: readonly StaffAccount[] = [
  account('agent1', 'Wang Fang', 'store-a', 'agent'),
  account('agent2', 'Emily Carter', 'store-a', 'agent'),
  account('supervisor1', 'Chen Jing', 'store-a', 'supervisor'),
  account('admin1', 'Li Na', 'store-a', 'admin'),
  account('agent3', 'Liu Yang', 'store-b', 'agent'),
  account('supervisor3', 'Sarah Miller', 'store-b', 'supervisor'),
  account('admin3', 'Zhao Lei', 'store-b', 'admin'),
];

export const findStaffAccount = (username: string): StaffAccount | undefined =>
  SEEDED_STAFF_USERS.find((candidate) => candidate.username === username);

/** The user claims of the account's ID token, named as Cognito names them. */
export const idTokenClaims = (user: StaffAccount): Record<string, unknown> => ({
  sub: user.userId,
  'cognito:username': user.username,
  'cognito:groups': [...user.groups],
  email: user.email,
  email_verified: true,
  name: user.name,
  'custom:storeId': user.storeId,
  ...(user.agentId ? { 'custom:agentId': user.agentId } : {}),
});
