import type { StaffUser } from '../../domain/staff.js';
import type { Actor } from '../../domain/timeline.js';

/** The staff user as the actor of a timeline event: the stable user id, and the display name for readers. */
export const staffActor = (user: Pick<StaffUser, 'userId' | 'name'>): Actor & { id: string } => ({
  kind: 'staff',
  id: user.userId,
  name: user.name,
});
