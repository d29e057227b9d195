import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Loses the answers of TransactWriteItems calls that committed, as a dropped socket does after the request was sent:
 * installed inside the SDK's retry loop (deserialize runs per attempt), so the SDK resends the very same command.
 * `drop(n)` loses the next n answers; `attempts` counts every attempt sent.
 */
export interface DroppedAnswers {
  drop(count: number): void;
  readonly attempts: number;
  reset(): void;
}

export const dropTransactionAnswers = (client: DynamoDBDocumentClient): DroppedAnswers => {
  let toDrop = 0;
  let attempts = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName !== 'TransactWriteItemsCommand') return result;
      attempts += 1;
      if (toDrop === 0) return result;
      toDrop -= 1;
      throw Object.assign(new Error('socket hang up after the request was sent'), {
        name: 'TimeoutError',
        code: 'ECONNRESET',
        $metadata: {},
      });
    },
    { step: 'deserialize', name: 'dropTransactionAnswer', priority: 'high' },
  );
  return {
    drop: (count) => {
      toDrop = count;
    },
    get attempts() {
      return attempts;
    },
    reset: () => {
      toDrop = 0;
      attempts = 0;
    },
  };
};
