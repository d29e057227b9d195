import { describe, expect, it } from 'vitest';
import { EVENT_METRICS, metricsOfChange, type MetricPoint } from '../../../functions/domain/operations-metrics.js';
import type { TimelineEvent, TimelineEventType } from '../../../functions/domain/timeline.js';

const event = (type: TimelineEventType, fields: Partial<TimelineEvent> = {}): TimelineEvent => ({
  caseId: 'cs_1',
  eventId: `ev_${type}`,
  at: '2026-12-01T10:00:00.000Z',
  type,
  actor: { kind: 'system', id: 'workflow' },
  visibility: 'internal',
  ...fields,
});

describe('Function: metricsOfChange', () => {
  it.each<[string, TimelineEvent[], MetricPoint[]]>([
    ['a submitted case', [event('case_submitted')], [{ name: 'CasesReceived', unit: 'Count', value: 1 }]],
    [
      'an automatic decision, by outcome',
      [event('decision_made', { to: 'manual_review' })],
      [{ name: 'Decisions', unit: 'Count', value: 1, outcome: 'manual_review' }],
    ],
    [
      'a manual approval with its status change (which counts nothing)',
      [event('decision_made', { from: 'manual_review', to: 'approved' }), event('status_changed', { to: 'open' })],
      [{ name: 'Decisions', unit: 'Count', value: 1, outcome: 'approved' }],
    ],
    [
      'a decision whose outcome is not one of the three (no dimension)',
      [event('decision_made', { to: 'something_else' })],
      [{ name: 'Decisions', unit: 'Count', value: 1 }],
    ],
    [
      'two breaches and an escalation in one SLA step',
      [event('sla_breached'), event('sla_breached'), event('escalated', { to: '2' })],
      [
        { name: 'SlaBreaches', unit: 'Count', value: 2 },
        { name: 'Escalations', unit: 'Count', value: 1 },
      ],
    ],
    ['a survey answer', [event('survey_answered')], [{ name: 'SurveyAnswers', unit: 'Count', value: 1 }]],
    ['a workflow failure', [event('workflow_failed')], [{ name: 'WorkflowFailures', unit: 'Count', value: 1 }]],
    [
      'two failed notifications',
      [event('notification_failed'), event('notification_failed')],
      [{ name: 'NotificationFailures', unit: 'Count', value: 2 }],
    ],
    ['a reply, a note and a warning', [event('reply_sent'), event('note_added'), event('sla_warning')], []],
    ['no events', [], []],
  ])('counts %s', (_name, events, expected) => {
    expect(metricsOfChange(events)).toEqual(expected);
  });

  it('maps exactly the seven business events', () => {
    expect(EVENT_METRICS).toEqual({
      case_submitted: 'CasesReceived',
      decision_made: 'Decisions',
      sla_breached: 'SlaBreaches',
      escalated: 'Escalations',
      survey_answered: 'SurveyAnswers',
      workflow_failed: 'WorkflowFailures',
      notification_failed: 'NotificationFailures',
    });
  });
});

describe('Function: metricsOfChange (SLA step lateness)', () => {
  const wakeAt = '2026-12-01T10:00:00.000Z';

  it.each<[string, TimelineEvent[], { wakeAt?: string } | undefined, number | undefined]>([
    [
      'a breach recorded 90 s after the wait was due to wake',
      [event('sla_breached', { at: '2026-12-01T10:01:30.000Z' })],
      { wakeAt },
      90,
    ],
    ['a warning on time', [event('sla_warning', { at: wakeAt })], { wakeAt }, 0],
    [
      'an escalation a second early (clock skew) counts as on time',
      [event('escalated', { at: '2026-12-01T09:59:59.000Z' })],
      { wakeAt },
      0,
    ],
    [
      'one value for a step with several events',
      [
        event('sla_breached', { at: '2026-12-01T10:00:10.000Z' }),
        event('escalated', { at: '2026-12-01T10:00:10.000Z' }),
      ],
      { wakeAt },
      10,
    ],
    ['a wait without a wake time', [event('sla_breached')], {}, undefined],
    ['a case not parked', [event('sla_breached')], undefined, undefined],
    [
      'a change that is not an SLA step',
      [event('reply_sent', { at: '2026-12-01T12:00:00.000Z' })],
      { wakeAt },
      undefined,
    ],
  ])('for %s', (_name, events, parkedWait, seconds) => {
    const lateness = metricsOfChange(events, parkedWait).filter((point) => point.name === 'SlaStepLateness');

    expect(lateness).toEqual(
      seconds === undefined ? [] : [{ name: 'SlaStepLateness', unit: 'Seconds', value: seconds }],
    );
  });
});
