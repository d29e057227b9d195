import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { parse, type core } from 'zod/mini';
import type { PortName } from '../capabilities/catalog.js';
import type { Ports, PortSource } from '../capabilities/declared-ports.js';
import { errorName, logger } from './logger.js';
import { flushMetrics } from './metrics.js';
// Task handlers declare their payload's schema inline: zod's messages (a failed task's Cause) in English here too.
import '../schemas/zod-locale.js';

/**
 * A workflow task function: validates the state's payload, runs one use case, returns its result as the task's
 * `Payload`. Errors keep their class name, which the state machine's Retry/Catch match (e.g. `TransientError`).
 * Metrics are flushed once the task returned or threw.
 */
export const taskHandler = <S extends core.$ZodType, R, P extends PortName>(
  name: string,
  schema: S,
  ports: PortSource<P>,
  run: (dependencies: Ports<P>, input: core.output<S>) => Promise<R>,
) => {
  const instrumented = middy(async (event: unknown): Promise<R> => {
    const input = parse(schema, event);
    logger.resetKeys();
    logger.appendKeys({ task: name, caseId: (input as { caseId?: string }).caseId });
    try {
      return await run(await ports.get(), input);
    } catch (error) {
      logger.warn('Task failed', { errorName: errorName(error) });
      throw error;
    }
  }).use(flushMetrics());
  // The local engine calls a task with its payload only; middy then runs without a Lambda context, as it allows.
  return (event: unknown, context?: Context): Promise<R> => instrumented(event, context ?? ({} as Context));
};
