import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';

/**
 * CONTRACT (owned by the workflow helper): the customer's and supervisors' emails for the work stage, each localized
 * (zh-CN, en; HTML and text) from `functions/email/`, sent once per event and recorded on the timeline. A failed send
 * is logged and recorded as an internal `notification_failed` event, never thrown: the action it follows is done.
 */
export type MailDependencies = Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>;

/** To the customer: who is handling the case (the agent's display name). Once per assignment. */
export const notifyAssigned = async (_dependencies: MailDependencies, _value: Case): Promise<void> => {
  throw new Error('not implemented yet');
};

/** To the customer: a public reply's text. `replyEventId` makes it once per reply. */
export const notifyReply = async (
  _dependencies: MailDependencies,
  _value: Case,
  _reply: { replyEventId: string; body: string; authorName: string },
): Promise<void> => {
  throw new Error('not implemented yet');
};

/** To the customer: we need your answer (status `awaiting_customer`). `eventId` makes it once per change. */
export const notifyAwaitingCustomer = async (
  _dependencies: MailDependencies,
  _value: Case,
  _eventId: string,
): Promise<void> => {
  throw new Error('not implemented yet');
};

/** To the customer: resolved, with the outcome. Once. */
export const notifyResolved = async (_dependencies: MailDependencies, _value: Case): Promise<void> => {
  throw new Error('not implemented yet');
};

/** To the customer: cancelled. Once. */
export const notifyCancelled = async (_dependencies: MailDependencies, _value: Case): Promise<void> => {
  throw new Error('not implemented yet');
};

/** To the store's supervisors: an approved case waits with no eligible agent. Once per case. */
export const notifyUnassigned = async (_dependencies: MailDependencies, _value: Case): Promise<void> => {
  throw new Error('not implemented yet');
};
