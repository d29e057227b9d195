import { PRIORITIES } from '../case.js';
import { durationParts, durationToSeconds, isIsoDuration } from '../duration.js';
import type { ErrorDetail } from '../errors.js';
import { calendarProblems } from './calendar-problems.js';
import { MAX_ESCALATION_LEVEL, SLA_MILESTONES, type SlaPolicy } from './sla-policy.js';

type DurationKind = 'business' | 'elapsed';

/** What is wrong with a configured duration, or undefined. Business durations count working days, so no weeks. */
const durationProblem = (value: string, kind: DurationKind, { zeroAllowed = false } = {}): string | undefined => {
  if (!isIsoDuration(value)) return `${value} is not an ISO 8601 duration such as PT4H or P2D`;
  if (kind === 'business' && durationParts(value).weeks > 0)
    return `${value} is in weeks: write working days instead (e.g. P5D)`;
  if (!zeroAllowed && durationToSeconds(value) === 0) return 'must be longer than zero';
  return undefined;
};

const problemAt = (path: string, message: string | undefined): ErrorDetail[] => (message ? [{ path, message }] : []);

/**
 * Every problem with an SLA policy, each with its path (`targets.P2.resolution`), for the API layer to report at once;
 * the calendar's under `calendar.`. Shape (types) is the schema's job.
 */
export const slaPolicyProblems = (policy: SlaPolicy): ErrorDetail[] => {
  const { escalation } = policy;
  return [
    ...calendarProblems(policy.calendar).map(({ path, message }) => ({ path: `calendar.${path}`, message })),
    ...PRIORITIES.flatMap((priority) =>
      SLA_MILESTONES.flatMap((milestone) =>
        problemAt(`targets.${priority}.${milestone}`, durationProblem(policy.targets[priority][milestone], 'business')),
      ),
    ),
    ...problemAt('escalation.repeatEvery', durationProblem(escalation.repeatEvery, 'business')),
    ...problemAt(
      'escalation.maxLevel',
      Number.isInteger(escalation.maxLevel) && escalation.maxLevel >= 1 && escalation.maxLevel <= MAX_ESCALATION_LEVEL
        ? undefined
        : `must be a whole number from 1 to ${MAX_ESCALATION_LEVEL}`,
    ),
    ...problemAt(
      'escalation.warnAt',
      escalation.warnAt === undefined || (escalation.warnAt > 0 && escalation.warnAt < 1)
        ? undefined
        : 'must be a share of the target between 0 and 1 (e.g. 0.75)',
    ),
    ...problemAt('surveyDelay', durationProblem(policy.surveyDelay, 'elapsed', { zeroAllowed: true })),
    // Zero: no reminder.
    ...problemAt('surveyReminderAfter', durationProblem(policy.surveyReminderAfter, 'elapsed', { zeroAllowed: true })),
    ...problemAt(
      'surveyExpiresAfter',
      durationProblem(policy.surveyExpiresAfter, 'elapsed') ?? surveyOrderProblem(policy),
    ),
    // Zero turns revisits off (the case closes when the survey window ends).
    ...problemAt('revisitAfter', durationProblem(policy.revisitAfter, 'business', { zeroAllowed: true })),
    ...problemAt('revisitAnswerWithin', durationProblem(policy.revisitAnswerWithin, 'business')),
  ];
};

/** The reminder must go out while the link still works. */
const surveyOrderProblem = (policy: SlaPolicy): string | undefined =>
  isIsoDuration(policy.surveyReminderAfter) &&
  durationToSeconds(policy.surveyReminderAfter) >= durationToSeconds(policy.surveyExpiresAfter)
    ? `must be longer than surveyReminderAfter (${policy.surveyReminderAfter})`
    : undefined;
