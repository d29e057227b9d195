import type { Dependencies } from '../../commons/dependencies.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyCaseAction } from '../apply-case-action.js';
import type { StaffMessage } from './reply-to-case.js';
import { staffActor } from './staff-actor.js';

/**
 * An internal note (`POST /v1/staff/cases/{caseId}/notes`): an `internal` `note_added` event, in any status (a note on
 * a closed case still documents it). Never emailed, never shown to the customer, and it changes no wait of the workflow.
 * Returns the note's event.
 */
export const addCaseNote = async (
  dependencies: Pick<Dependencies, 'cases' | 'clock'>,
  note: StaffMessage,
): Promise<TimelineEvent> => {
  const { event } = await applyCaseAction(dependencies, note.caseId, (current) => {
    assertCaseAccess(note.user, current);
    const now = dependencies.clock.now();
    return {
      event: timelineEvent(current.caseId, now, 'note_added', staffActor(note.user), {
        visibility: 'internal',
        details: { body: note.body },
      }),
      set: { updatedAt: now.toISOString() },
    };
  });
  return event;
};
