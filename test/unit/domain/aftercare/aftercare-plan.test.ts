import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planAftercare, type AftercarePolicy } from '../../../../functions/domain/aftercare/aftercare-plan.js';
import type { CaseSurvey } from '../../../../functions/domain/aftercare/survey.js';
import type { Case } from '../../../../functions/domain/case.js';

const ALWAYS_OPEN = { timezone: 'Asia/Shanghai', alwaysOpen: true };
const policy = (overrides: Partial<AftercarePolicy> = {}): AftercarePolicy => ({
  calendar: ALWAYS_OPEN,
  surveyDelay: 'PT0S',
  surveyReminderAfter: 'P3D',
  surveyExpiresAfter: 'P14D',
  revisitAfter: 'P7D',
  revisitAnswerWithin: 'P1D',
  ...overrides,
});
const resolvedAt = new Date('2026-12-01T00:00:00Z');
const at = (offsetSeconds: number) => new Date(resolvedAt.getTime() + offsetSeconds * 1000);
const DAY = 86_400;

type PlanInput = Parameters<typeof planAftercare>[0];
const resolved = (overrides: Partial<Case> = {}): PlanInput => ({
  status: 'resolved',
  resolution: {
    type: 'refund',
    rootCause: 'production_quality',
    summary: 'Refunded',
    resolvedAt: resolvedAt.toISOString(),
    resolvedBy: 'agent1',
  },
  ...overrides,
});
const sent = (overrides: Partial<CaseSurvey> = {}): CaseSurvey => ({
  round: 1,
  status: 'sent',
  tokenId: 'AAAAAAAAAAAAAAAAAAAAAA',
  sentAt: resolvedAt.toISOString(),
  expiresAt: at(14 * DAY).toISOString(),
  attribution: { resolvedBy: 'agent1', type: 'return', resolutionType: 'refund', rootCause: 'misuse', channel: 'web' },
  ...overrides,
});
const revisit = { round: 1, dueAt: at(7 * DAY).toISOString(), answerDueAt: at(8 * DAY).toISOString() };
const kinds = (input: PlanInput, now: Date, settings = policy()) =>
  planAftercare(input, settings, now).due.map((action) => action.kind);

describe('Function: planAftercare', () => {
  it('schedules the revisit and sends the survey at once after a resolution with no survey delay', () => {
    const plan = planAftercare(resolved(), policy(), resolvedAt);
    expect(plan.due.map((action) => action.kind)).toEqual(['schedule_revisit', 'send_survey']);
    expect(plan.due[0]).toMatchObject({ revisit: { dueAt: revisit.dueAt, answerDueAt: revisit.answerDueAt } });
    expect(plan.due[1]).toMatchObject({ expiresAt: at(14 * DAY) });
    expect(plan.finished).toBe(false);
  });

  it('waits for the survey delay, then sends', () => {
    const plan = planAftercare(resolved({ revisit }), policy({ surveyDelay: 'PT1H' }), at(60));
    expect(plan.due).toEqual([]);
    expect(plan.wakeAt).toEqual(at(3600));
    expect(kinds(resolved({ revisit }), at(3600), policy({ surveyDelay: 'PT1H' }))).toEqual(['send_survey']);
  });

  it('reminds once, after surveyReminderAfter, only while unanswered', () => {
    expect(planAftercare(resolved({ revisit, survey: sent() }), policy(), at(DAY)).wakeAt).toEqual(at(3 * DAY));
    expect(kinds(resolved({ revisit, survey: sent() }), at(3 * DAY))).toEqual(['remind_survey']);
    const reminded = sent({ reminderSentAt: at(3 * DAY).toISOString() });
    expect(kinds(resolved({ revisit, survey: reminded }), at(4 * DAY))).toEqual([]);
    const answered = sent({ status: 'answered', answeredAt: at(DAY).toISOString() });
    expect(kinds(resolved({ revisit, survey: answered }), at(4 * DAY))).toEqual([]);
  });

  it('sends no reminder when turned off or not before the link expires', () => {
    expect(kinds(resolved({ revisit, survey: sent() }), at(3 * DAY), policy({ surveyReminderAfter: 'PT0S' }))).toEqual(
      [],
    );
    const short = sent({ expiresAt: at(2 * DAY).toISOString() });
    expect(kinds(resolved({ revisit, survey: short }), at(DAY))).toEqual([]);
  });

  it('expires an unanswered survey at its expiry', () => {
    expect(
      kinds(
        resolved({
          revisit: { ...revisit, openedAt: revisit.dueAt, escalatedAt: revisit.answerDueAt },
          survey: sent(),
        }),
        at(14 * DAY),
      ),
    ).toEqual(['expire_survey']);
  });

  it('opens the revisit task at its due time, and escalates it once when unanswered', () => {
    const answered = sent({ status: 'answered' });
    expect(kinds(resolved({ revisit, survey: answered }), at(7 * DAY))).toEqual(['open_revisit']);
    const opened = { ...revisit, openedAt: revisit.dueAt };
    expect(planAftercare(resolved({ revisit: opened, survey: answered }), policy(), at(7 * DAY)).wakeAt).toEqual(
      at(8 * DAY),
    );
    expect(kinds(resolved({ revisit: opened, survey: answered }), at(8 * DAY))).toEqual(['escalate_revisit']);
    const escalated = { ...opened, escalatedAt: revisit.answerDueAt };
    const plan = planAftercare(resolved({ revisit: escalated, survey: answered }), policy(), at(9 * DAY));
    expect(plan).toEqual({ due: [], finished: false });
  });

  it('without revisits, closes once the survey is answered or expired', () => {
    const off = policy({ revisitAfter: 'PT0S' });
    expect(kinds(resolved(), resolvedAt, off)).toEqual(['send_survey']);
    expect(kinds(resolved({ survey: sent() }), at(DAY), off)).toEqual([]);
    expect(planAftercare(resolved({ survey: sent() }), off, at(4 * DAY)).wakeAt).toEqual(at(14 * DAY));
    expect(kinds(resolved({ survey: sent({ status: 'answered' }) }), at(DAY), off)).toEqual(['close']);
    expect(kinds(resolved({ survey: sent() }), at(14 * DAY), off)).toEqual(['expire_survey', 'close']);
  });

  it('keeps a closed case until its survey and reminder are sent, then finishes', () => {
    const closed = (survey?: CaseSurvey): PlanInput => ({
      ...resolved({ revisit }),
      status: 'closed',
      ...(survey ? { survey } : {}),
    });
    expect(planAftercare(closed(sent()), policy(), at(DAY))).toEqual({ due: [], wakeAt: at(3 * DAY), finished: false });
    expect(kinds(closed(sent()), at(3 * DAY))).toEqual(['remind_survey']);
    expect(
      planAftercare(closed(sent({ reminderSentAt: at(3 * DAY).toISOString() })), policy(), at(3 * DAY)).finished,
    ).toBe(true);
    expect(planAftercare(closed(sent({ status: 'answered' })), policy(), at(DAY)).finished).toBe(true);
    expect(kinds(closed(), at(DAY), policy({ surveyDelay: 'PT1H' }))).toEqual(['send_survey']);
  });

  it('plans nothing for a case not resolved', () => {
    expect(planAftercare({ status: 'in_progress' }, policy(), resolvedAt)).toEqual({ due: [], finished: false });
  });

  it('never plans an action twice over the life of a round, and always reaches the end (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          delay: fc.integer({ min: 0, max: 3 * DAY }),
          reminder: fc.integer({ min: 0, max: 20 * DAY }),
          expires: fc.integer({ min: 60, max: 30 * DAY }),
          revisitDays: fc.integer({ min: 0, max: 10 }),
          answerAfter: fc.option(fc.integer({ min: 0, max: 40 * DAY }), { nil: undefined }),
          revisitOkAfter: fc.option(fc.integer({ min: 0, max: 40 * DAY }), { nil: undefined }),
        }),
        ({ delay, reminder, expires, revisitDays, answerAfter, revisitOkAfter }) => {
          const settings = policy({
            surveyDelay: `PT${delay}S`,
            surveyReminderAfter: `PT${reminder}S`,
            surveyExpiresAfter: `PT${expires}S`,
            revisitAfter: revisitDays === 0 ? 'PT0S' : `P${revisitDays}D`,
          });
          let value: PlanInput = resolved();
          const taken: string[] = [];
          let now = resolvedAt;
          for (let turn = 0; turn < 40; turn += 1) {
            if (answerAfter !== undefined && value.survey?.status === 'sent' && now >= at(answerAfter)) {
              value = { ...value, survey: { ...value.survey, status: 'answered' } };
            }
            if (
              revisitOkAfter !== undefined &&
              value.status === 'resolved' &&
              value.revisit?.openedAt &&
              now >= at(revisitOkAfter)
            ) {
              value = { ...value, status: 'closed', revisit: { ...value.revisit, outcome: 'ok' } };
            }
            const plan = planAftercare(value, settings, now);
            if (plan.finished) return;
            for (const action of plan.due) {
              taken.push(action.kind);
              value = applied(value, action, now);
            }
            if (plan.due.length === 0) {
              if (!plan.wakeAt) return; // waits for a person (the revisit's answer)
              expect(plan.wakeAt.getTime()).toBeGreaterThan(now.getTime());
              now = plan.wakeAt;
            }
          }
          const counts = new Map<string, number>();
          for (const kind of taken) counts.set(kind, (counts.get(kind) ?? 0) + 1);
          for (const count of counts.values()) expect(count).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const applied = (value: PlanInput, action: ReturnType<typeof planAftercare>['due'][number], now: Date): PlanInput => {
  switch (action.kind) {
    case 'schedule_revisit':
      return { ...value, revisit: action.revisit };
    case 'send_survey':
      return { ...value, survey: sent({ sentAt: now.toISOString(), expiresAt: action.expiresAt.toISOString() }) };
    case 'remind_survey':
      return { ...value, survey: { ...(value.survey as CaseSurvey), reminderSentAt: now.toISOString() } };
    case 'expire_survey':
      return { ...value, survey: { ...(value.survey as CaseSurvey), status: 'expired' } };
    case 'open_revisit':
      return { ...value, revisit: { ...(value.revisit as NonNullable<Case['revisit']>), openedAt: now.toISOString() } };
    case 'escalate_revisit':
      return {
        ...value,
        revisit: { ...(value.revisit as NonNullable<Case['revisit']>), escalatedAt: now.toISOString() },
      };
    case 'close':
      return { ...value, status: 'closed' };
  }
};
