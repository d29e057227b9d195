import { newSortableId } from './ids.js';
import type { Actor, TimelineEvent, TimelineEventType } from './timeline.js';

/** A new timeline event; events sort by `at`, then by their time-ordered id. */
export const timelineEvent = (
  caseId: string,
  at: Date,
  type: TimelineEventType,
  actor: Actor,
  fields: Partial<Pick<TimelineEvent, 'visibility' | 'from' | 'to' | 'details'>> = {},
): TimelineEvent => ({
  caseId,
  eventId: newSortableId('ev', at),
  at: at.toISOString(),
  type,
  actor,
  visibility: fields.visibility ?? 'public',
  ...(fields.from !== undefined ? { from: fields.from } : {}),
  ...(fields.to !== undefined ? { to: fields.to } : {}),
  ...(fields.details !== undefined ? { details: fields.details } : {}),
});
