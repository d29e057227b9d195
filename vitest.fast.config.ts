import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The edit-test loop: unit tests only (pure domain, schemas, emails, pages, adapters against aws-sdk-client-mock, the
 * lint rules), no DynamoDB Local, no browser, no synth: `npm run test:fast`. `npm test` runs these and everything else.
 */
export default defineConfig({
  test: { ...base.test, include: ['test/unit/**/*.test.ts'], globalSetup: [] },
});
