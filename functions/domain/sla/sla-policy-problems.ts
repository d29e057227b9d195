import { PRIORITIES } from '../case.js';
import { durationProblem as boundedDurationProblem, durationToSeconds, isIsoDuration } from '../duration.js';
import { BusinessTimeHorizonError, type ErrorDetail } from '../errors.js';
import { addBusinessDuration } from './business-duration.js';
import { calendarProblems } from './calendar-problems.js';
import { MAX_ESCALATION_LEVEL, SLA_MILESTONES, type SlaPolicy } from './sla-policy.js';

type DurationKind = 'business' | 'elapsed';

/** What is wrong with a configured duration, or undefined: PT1S (PT0S where allowed) to P366D, whole seconds. */
const durationProblem = (value: string, kind: DurationKind, { zeroAllowed = false } = {}): string | undefined =>
  boundedDurationProblem(value, { kind, minSeconds: zeroAllowed ? 0 : 1 });

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

/**
 * The business durations that do not end within the horizon of business-time arithmetic (two years) on the policy's
 * own calendar, counted from `now`: with one working hour a week even PT200H does not, and every case would then fail
 * its step. Only for a policy with no other problem (its calendar must be valid to count on).
 */
export const slaHorizonProblems = (policy: SlaPolicy, now: Date): ErrorDetail[] => {
  const durations: Array<[string, string]> = [
    ...PRIORITIES.flatMap((priority) =>
      SLA_MILESTONES.map((milestone): [string, string] => [
        `targets.${priority}.${milestone}`,
        policy.targets[priority][milestone],
      ]),
    ),
    ['escalation.repeatEvery', policy.escalation.repeatEvery],
    ['revisitAfter', policy.revisitAfter],
    ['revisitAnswerWithin', policy.revisitAnswerWithin],
  ];
  return durations.flatMap(([path, duration]) => {
    try {
      addBusinessDuration(policy.calendar, now, duration);
      return [];
    } catch (error) {
      if (!(error instanceof BusinessTimeHorizonError)) throw error;
      return [{ path, message: `${duration} does not end within two years of this calendar's working time` }];
    }
  });
};
