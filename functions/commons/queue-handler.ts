import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parse, type core } from 'zod/mini';
import type { PortName } from '../capabilities/catalog.js';
import type { Ports, PortSource } from '../capabilities/declared-ports.js';
import { errorName, logger } from './logger.js';
import { flushMetrics } from './metrics.js';

/**
 * A queue consumer: each message's body is parsed as JSON and validated, then run by one use case. A message that
 * fails (malformed, or its job threw) is reported in `batchItemFailures` (the event source maps with
 * `ReportBatchItemFailures`), so only it is delivered again, and after the queue's `maxReceiveCount` deliveries moves to
 * the dead-letter queue; the other messages of the batch are done.
 */
export const queueHandler = <S extends core.$ZodType, P extends PortName>(
  name: string,
  schema: S,
  ports: PortSource<P>,
  run: (dependencies: Ports<P>, job: core.output<S>) => Promise<unknown>,
) => {
  // Metrics of the whole batch are flushed once, after its last message.
  const instrumented = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failed: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      logger.resetKeys();
      logger.appendKeys({ queue: name, messageId: record.messageId });
      try {
        const job = parse(schema, JSON.parse(record.body));
        const result = await run(await ports.get(), job);
        logger.info('Job done', { job: (job as { kind?: string }).kind, result: summary(result) });
      } catch (error) {
        logger.warn('Job failed; it will be delivered again', {
          errorName: errorName(error),
          receiveCount: record.attributes.ApproximateReceiveCount,
        });
        failed.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failed };
  }).use(flushMetrics());
  // The local queue calls a consumer with the event only; middy then runs without a Lambda context, as it allows.
  return (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> =>
    instrumented(event, context ?? ({} as Context));
};

/** What a result says in the log: its outcome and counts, never the ids of the cases (those go to each case's log). */
const summary = (result: unknown): Record<string, unknown> | undefined => {
  if (typeof result !== 'object' || result === null) return undefined;
  return Object.fromEntries(
    Object.entries(result).map(([key, value]) => [key, Array.isArray(value) ? value.length : value]),
  );
};
