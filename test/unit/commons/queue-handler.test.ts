import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import { queueHandler } from '../../../functions/commons/queue-handler.js';
import { workJobSchema } from '../../../functions/schemas/work-jobs.js';
import type { WorkJob } from '../../../functions/ports/work-queue.js';
import { providedPorts } from '../../support/provided-ports.js';

const record = (messageId: string, body: string): SQSRecord =>
  ({ messageId, body, attributes: { ApproximateReceiveCount: '1' } }) as SQSRecord;

const eventOf = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

describe('Function: queueHandler', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('runs each valid job and reports only the failed or malformed messages in batchItemFailures', async () => {
    // Prepare
    provideDependencies({} as Dependencies);
    const run = vi.fn(async (_dependencies: Dependencies, job: WorkJob) => {
      if ('storeId' in job && job.storeId === 'store-down') throw new Error('down');
      return { outcome: 'offered', assigned: [] };
    });
    const handler = queueHandler('work', workJobSchema, providedPorts, run);

    // Act
    const response = await handler(
      eventOf(
        record('m-ok', JSON.stringify({ kind: 'offerCapacity', storeId: 'store-a' })),
        record('m-throws', JSON.stringify({ kind: 'offerCapacity', storeId: 'store-down' })),
        record('m-unknown-kind', JSON.stringify({ kind: 'deleteEverything', storeId: 'store-a' })),
        record('m-no-version', JSON.stringify({ kind: 'retimeOpenCases', storeId: 'store-a' })),
        record('m-not-json', '{'),
      ),
    );

    // Assess
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([
      'm-throws',
      'm-unknown-kind',
      'm-no-version',
      'm-not-json',
    ]);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
