import { intakeBody } from './intake.js';

/** The request bodies the bench sends besides the plain in-window return (`intakeBody`). */

/** A return whose order line is above the default auto-approve limit (2000): it waits for a supervisor. */
export const overLimitBody = () =>
  intakeBody({ items: [{ sku: 'TV-1', name: 'TV', category: 'electronics', quantity: 1, unitPrice: 4999 }] });

/** A return delivered 35 days ago, past the 7-day window: rejected by policy. */
export const lateReturnBody = () => intakeBody({}, 35);

export const REPLY = { body: 'A courier will collect the kettle tomorrow.' };

export const RESOLUTION = {
  resolution: { type: 'refund', amount: 199 },
  rootCause: 'production_quality',
  summary: 'Refunded once the kettle came back.',
};

export const REVIEW_APPROVAL = { decision: 'approve', reason: 'Receipt checked' };

export const CANCELLATION = { reason: 'Bought a new one in a shop.' };
