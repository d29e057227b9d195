/**
 * Seconds each of the slower test files took in one full run (files under 8 s left out), for the order
 * `longest-first-sequencer.ts` starts them in when the machine has no results cache yet (a fresh clone in CI). Only
 * the order matters: the figures come from `.ci/run` on a fresh clone on an idle 2-core machine (2026-12-07, 595 s), and a
 * missing or stale one costs some idle time at the end of a run, never a failure. The last run's durations (vitest's
 * cache) take precedence where there are any. The infra files are quick: they read the one synth, which runs beside.
 */
export const FILE_SECONDS: Readonly<Record<string, number>> = {
  'test/integration/kpi/kpi-dataset.test.ts': 93,
  'test/e2e/survey-acceptance.test.ts': 67,
  'test/e2e/kpi-acceptance.test.ts': 67,
  'test/integration/api/fuzz.test.ts': 57,
  'test/e2e/npm-start.test.ts': 53,
  'test/e2e/sla-acceptance.test.ts': 34,
  'test/workflow/intake-burst.test.ts': 25,
  'test/e2e/configuration-bounds.test.ts': 25,
  'test/workflow/aftercare.test.ts': 24,
  'test/workflow/sla-pause-and-policy.test.ts': 22,
  'test/integration/api/staff-access.test.ts': 20,
  'test/workflow/sla-escalation.test.ts': 19,
  'test/workflow/retry-policy.test.ts': 19,
  'test/integration/local/staff-auth.test.ts': 18,
  'test/integration/queue/work-queue-jobs.test.ts': 17,
  'test/integration/assignment/auto-assign.test.ts': 17,
  'test/integration/api/staff-actions.test.ts': 17,
  'test/integration/api/case-evidence.test.ts': 17,
  'test/e2e/agents-at-work.test.ts': 17,
  'test/workflow/sla-ladder.test.ts': 16,
  'test/workflow/awaiting-customer-limit.test.ts': 15,
  'test/integration/api/resolution-money.test.ts': 15,
  'test/infra/function-bundles.test.ts': 14,
  'test/integration/kpi/kpi-concurrency.test.ts': 12,
  'test/workflow/case-lifecycle.test.ts': 11,
  'test/integration/survey/survey-page.browser.test.ts': 11,
  'test/integration/api/customer-actions.test.ts': 10,
  'test/workflow/missing-evidence.test.ts': 8,
  'test/integration/api/message-idempotency.test.ts': 8,
  'test/integration/api/intake.test.ts': 8,
  'test/infra/nag.test.ts': 8,
};
