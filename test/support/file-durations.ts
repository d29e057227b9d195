/**
 * Seconds each of the slower test files took in one full run (files under 8 s left out), for the order
 * `longest-first-sequencer.ts` starts them in when the machine has no results cache yet (a fresh clone in CI). Only
 * the order matters: the figures come from `.ci/run` on a fresh clone on an idle 2-core machine (2026-12-07), and a
 * missing or stale one costs some idle time at the end of a run, never a failure. The last run's durations (vitest's
 * cache) take precedence where there are any. The infra files are quick: they read the one synth, which runs beside.
 */
export const FILE_SECONDS: Readonly<Record<string, number>> = {
  'test/e2e/survey-acceptance.test.ts': 52,
  'test/e2e/kpi-acceptance.test.ts': 51,
  'test/integration/kpi/kpi-dataset.test.ts': 48,
  'test/e2e/npm-start.test.ts': 39,
  'test/integration/api/fuzz.test.ts': 35,
  'test/e2e/sla-acceptance.test.ts': 29,
  'test/workflow/aftercare.test.ts': 23,
  'test/e2e/configuration-bounds.test.ts': 19,
  'test/workflow/sla-pause-and-policy.test.ts': 18,
  'test/workflow/retry-policy.test.ts': 18,
  'test/workflow/sla-escalation.test.ts': 17,
  'test/workflow/awaiting-customer-limit.test.ts': 17,
  'test/integration/assignment/auto-assign.test.ts': 16,
  'test/workflow/sla-ladder.test.ts': 15,
  'test/integration/local/staff-auth.test.ts': 12,
  'test/infra/function-bundles.test.ts': 12,
  'test/integration/survey/survey-page.browser.test.ts': 10,
  'test/workflow/case-lifecycle.test.ts': 9,
  'test/integration/kpi/kpi-concurrency.test.ts': 9,
  'test/e2e/agents-at-work.test.ts': 9,
  'test/workflow/intake-burst.test.ts': 8,
  'test/integration/queue/work-queue-jobs.test.ts': 8,
  'test/integration/api/staff-actions.test.ts': 8,
  'test/integration/api/staff-access.test.ts': 8,
};
