import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { WAIT_CEILING_MS } from '../../support/wait-ceiling.js';

const run = promisify(execFile);

/** Runs the operator script; every AWS call would go to a closed local port, so nothing leaves the machine. */
const createStore = async (args: string[]): Promise<{ code: number; stderr: string }> => {
  try {
    await run('npx', ['tsx', 'scripts/create-store.ts', ...args], {
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_MAX_ATTEMPTS: '1',
      },
      timeout: WAIT_CEILING_MS,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
};

const VALID = [
  '--store-id',
  'A',
  '--name',
  'Store A',
  '--supervisor-email',
  'lead@shop.example',
  '--admin-email',
  'owner@shop.example',
  '--usage-plan-id',
  'plan',
  '--stores-table',
  'stores',
];

describe('Script: create-store --case-number-prefix', () => {
  it.each([
    ['absent', [], '--case-number-prefix is required'],
    ['lowercase', ['--case-number-prefix', 'as'], '--case-number-prefix: 2 to 6 uppercase letters or digits'],
  ])(
    'refuses a prefix %s with the usage (exit 2) before any AWS call',
    async (_label, prefix, message) => {
      const result = await createStore([...VALID, ...prefix]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    },
    60_000,
  );
});
