import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // DynamoDB Local and the local stack are real processes; two cores run two test files at a time.
    maxWorkers: 2,
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/dynamodb-setup.ts', 'test/support/browser-setup.ts', 'test/support/cdk-synth-setup.ts'],
  },
});
