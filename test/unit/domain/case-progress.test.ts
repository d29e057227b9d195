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
    ['a closed case (its follow-up may still be running)', shape('closed'), 'closed'],
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
    ['aftercare', shape('resolved'), undefined],
    ['aftercare', shape('closed'), undefined],
    ['aftercare', shape('in_progress', { firstRespondedAt: at }), 'responded'],
    ['aftercare', shape('open'), 'approved'],
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
  const now = new Date('2026-11-24T08:00:00.000Z');
  const inSeconds = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);

  it.each<[string, { signalRecheckAfter?: string }, Date | undefined, number]>([
    ['the store recheck period when nothing falls due', { signalRecheckAfter: 'PT90S' }, undefined, 90],
    ['the one-day default recheck when the store sets none and nothing falls due', {}, undefined, 86_400],
    ['the seconds until the next SLA step when it comes before the recheck', {}, inSeconds(30), 30],
    ['whole seconds rounded up, so the wait never ends before the step', {}, inSeconds(30.2), 31],
    ['the recheck period when the next SLA step is further away', { signalRecheckAfter: 'PT90S' }, inSeconds(600), 90],
    [
      'the recheck period when the next SLA step falls due exactly then',
      { signalRecheckAfter: 'PT90S' },
      inSeconds(90),
      90,
    ],
    ['one second when the next SLA step is due now', {}, now, 1],
    ['one second when the next SLA step is already overdue', {}, inSeconds(-3600), 1],
    ['one second when the store recheck period is zero', { signalRecheckAfter: 'PT0S' }, undefined, 1],
    [
      'one second when the store recheck period is zero and a step is further away',
      { signalRecheckAfter: 'PT0S' },
      inSeconds(30),
      1,
    ],
  ])('returns a wait of %s', (_name, store, wakeAt, waitSeconds) => {
    // Act
    const step = workflowStep(shape('assigned'), { store, now, ...(wakeAt ? { wakeAt } : {}) });

    // Assess
    expect(step).toEqual({ outcome: 'assigned', waitSeconds });
  });

  it.each<[string, Shape, string]>([
    ['`pending` for a case still in review', shape('pending_review', { decision: undefined }), 'pending'],
    ['`approved` for an unassigned case', shape('open'), 'approved'],
    ['`responded` for a case awaiting the customer', shape('awaiting_customer', { firstRespondedAt: at }), 'responded'],
    ['`resolved` for a resolved case', shape('resolved'), 'resolved'],
  ])('returns the outcome %s', (_name, value, outcome) => {
    // Act
    const step = workflowStep(value, { store: {}, now, wakeAt: inSeconds(30) });

    // Assess
    expect(step.outcome).toBe(outcome);
  });
});
