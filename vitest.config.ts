import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/longest-first-sequencer.js';
import { TEST_CEILING_MS, WAIT_CEILING_MS } from './test/support/wait-ceiling.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Tests wait on events under one ceiling (test/support/wait-ceiling.ts); these only stop a test that hangs.
    testTimeout: TEST_CEILING_MS,
    hookTimeout: TEST_CEILING_MS,
    expect: { poll: { timeout: WAIT_CEILING_MS } },
    // Three test files at a time on two cores: many files wait on real time (an SLA step, a survey reminder, a child
    // process), and with two workers the CPU stood idle a quarter of the run (443 s); with three it is busy (409 s).
    // More than three only adds a worker's module load and DynamoDB Local per worker to a CPU already full.
    maxWorkers: 3,
    // A worker's test files share its module cache: the AWS SDK and the product load once per worker, not once per
    // file (about a fifth of the suite's CPU). The setup file resets the one process-wide slot a file may leave set.
    isolate: false,
    sequence: { sequencer: LongestFirstSequencer },
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/dynamodb-setup.ts', 'test/support/browser-setup.ts', 'test/support/cdk-synth-setup.ts'],
  },
});
