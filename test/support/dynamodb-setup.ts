import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one DynamoDB Local (in memory): each test stack and fixture makes its tables under a prefix of its own. */
    dynamoDb: { endpoint: string; pid: number };
  }
}

/**
 * One DynamoDB Local for the whole run instead of one Java process per test file: a JVM start costs about 2 s and a
 * cold JVM serves its first requests slowly. Stopped (by pid, with its process tree) when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamoDb = await startDynamoDbLocal();
  project.provide('dynamoDb', { endpoint: dynamoDb.endpoint, pid: dynamoDb.pid });
  return () => dynamoDb.stop();
}
