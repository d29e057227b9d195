import { describe, expect, it } from 'vitest';
import type { Case, CaseStatus, WaitSignal } from '../../../functions/domain/case.js';
import { progressOf, WAIT_RULES, waitOutcome, workflowStep } from '../../../functions/domain/case-progress.js';

const approved = { outcome: 'approved' } as Case['decision'];
const at = '2026-11-24T08:00:00.000Z';

type Shape = Pick<Case, 'status' | 'firstRespondedAt' | 'decision'>;
const shape = (status: CaseStatus, extra: Partial<Shape> = {}): Shape => ({ status, decision: approved, ...extra });

describe('Function: progressOf', () => {
  it.each<[string, Shape, string | undefined]>([
    ['a submitted case', shape('submitted', { decision: undefined }), undefined],
    ['a case in review', shape('pending_review', { decision: undefined }), undefined],
    ['a rejected case', shape('rejected'), 'rejected'],
    ['an approved unassigned case', shape('open'), 'approved'],
    ['an unassigned case a supervisor answered', shape('open', { firstRespondedAt: at }), 'responded'],
    ['an assigned case', shape('assigned'), 'assigned'],
    ['an assigned case already answered', shape('assigned', { firstRespondedAt: at }), 'responded'],
    ['a case in progress', shape('in_progress', { firstRespondedAt: at }), 'responded'],
    ['a case awaiting the customer', shape('awaiting_customer', { firstRespondedAt: at }), 'responded'],
    ['a resolved case', shape('resolved'), 'resolved'],
    ['a closed case', shape('closed'), 'resolved'],
    ['a cancelled case', shape('cancelled'), 'cancelled'],
  ])('returns the progress of %s', (_name, value, expected) => {
    expect(progressOf(value)).toBe(expected);
  });
});

describe('Function: waitOutcome', () => {
  it.each<[WaitSignal, Shape, string | undefined]>([
    ['review', shape('pending_review', { decision: undefined }), undefined],
    ['review', shape('open'), 'approved'],
    ['review', shape('rejected'), 'rejected'],
    ['review', shape('cancelled'), 'cancelled'],
    ['assignment', shape('open'), undefined],
    ['assignment', shape('assigned'), 'assigned'],
    ['assignment', shape('in_progress', { firstRespondedAt: at }), 'responded'],
    ['assignment', shape('cancelled'), 'cancelled'],
    ['firstResponse', shape('assigned'), undefined],
    ['firstResponse', shape('in_progress', { firstRespondedAt: at }), 'responded'],
    ['firstResponse', shape('resolved'), 'resolved'],
    ['firstResponse', shape('cancelled'), 'cancelled'],
    ['resolution', shape('in_progress', { firstRespondedAt: at }), undefined],
    ['resolution', shape('awaiting_customer', { firstRespondedAt: at }), undefined],
    ['resolution', shape('resolved'), 'resolved'],
    ['resolution', shape('cancelled'), 'cancelled'],
  ])('ends the %s wait of a %o with %s', (signal, value, expected) => {
    expect(waitOutcome(signal, value)?.outcome).toBe(expected);
  });

  it('parks each wait only in statuses where its event has not happened yet', () => {
    for (const [signal, rule] of Object.entries(WAIT_RULES) as Array<[WaitSignal, (typeof WAIT_RULES)[WaitSignal]]>) {
      for (const status of rule.waitingIn) {
        expect(waitOutcome(signal, shape(status, signal === 'review' ? { decision: undefined } : {}))).toBeUndefined();
      }
    }
  });
});

describe('Function: workflowStep', () => {
  it('returns the progress and the store recheck interval in seconds', () => {
    expect(workflowStep(shape('assigned'), { signalRecheckAfter: 'PT90S' })).toEqual({
      outcome: 'assigned',
      waitSeconds: 90,
    });
  });

  it('returns the 6-hour default recheck and `pending` for a case still in review', () => {
    expect(workflowStep(shape('pending_review', { decision: undefined }), {})).toEqual({
      outcome: 'pending',
      waitSeconds: 6 * 3600,
    });
  });

  it('never returns a wait shorter than one second', () => {
    expect(workflowStep(shape('open'), { signalRecheckAfter: 'PT0S' }).waitSeconds).toBe(1);
  });
});
