/** Signed-in staff: who they are, which store they work for, and what they may do there. */
export const STAFF_ROLES = ['agent', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  /** The identity provider's subject (`sub`): stable, recorded as the actor of every change. */
  userId: string;
  email: string;
  /** Display name for timeline events; the email when the token has none. */
  name: string;
  roles: StaffRole[];
  /** The one store this user works for (`custom:storeId`). */
  storeId: string;
  /** Their entry in the store's agent directory (`custom:agentId`), when cases can be assigned to them. */
  agentId?: string;
}

export const hasRole = (user: Pick<StaffUser, 'roles'>, ...roles: StaffRole[]): boolean =>
  roles.some((role) => user.roles.includes(role));

/** Supervisors and admins act on every case of their store; agents only on their own. */
export const isSupervising = (user: Pick<StaffUser, 'roles'>): boolean => hasRole(user, 'supervisor', 'admin');
