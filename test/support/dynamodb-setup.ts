import type { TestProject } from 'vitest/node';
import { JavaNotFoundError, startDynamoDbLocal } from '../../local/dynamodb-local.js';
import { filesOfThisRun } from './run-files.js';
import { WAIT_CEILING_MS } from './wait-ceiling.js';

export interface SharedDynamoDb {
  endpoint: string;
  pid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One DynamoDB Local (in memory) per worker slot: test stacks and fixtures make their tables under a prefix. */
    dynamoDbs: SharedDynamoDb[];
  }
}

/**
 * One DynamoDB Local per worker for the whole run instead of one Java process per test file: a JVM start costs about
 * 2 s and a cold JVM serves its first requests slowly. One per worker, not one for all: DynamoDB Local serializes its
 * writes, so two workers on one process would wait on each other. Stopped (by pid, with its process tree) at the end.
 * Without Java, `npm test` stops here in its first seconds with one line saying what to install.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // No more than the run has files: one file named on the command line needs one.
  const files = (await filesOfThisRun(project))?.length ?? Number.POSITIVE_INFINITY;
  const workers = Math.max(1, Math.min(Number(project.config.maxWorkers) || 1, files));
  const started = await Promise.all(
    Array.from({ length: workers }, () => startDynamoDbLocal({ readyTimeoutMs: WAIT_CEILING_MS })),
  ).catch((error: unknown) => {
    if (error instanceof JavaNotFoundError) error.stack = error.message; // the line says what to install
    throw error;
  });
  project.provide(
    'dynamoDbs',
    started.map(({ endpoint, pid }) => ({ endpoint, pid })),
  );
  return async () => {
    await Promise.all(started.map((dynamoDb) => dynamoDb.stop()));
  };
}
