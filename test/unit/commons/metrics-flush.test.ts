import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, Context, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { PowertoolsCaseMetrics } from '../../../functions/adapters/metrics/powertools-case-metrics.js';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import { metrics } from '../../../functions/commons/metrics.js';
import { queueHandler } from '../../../functions/commons/queue-handler.js';
import { taskHandler } from '../../../functions/commons/task-handler.js';
import { pageRoute } from '../../../functions/http/page-route.js';
import { publicRoute } from '../../../functions/http/route.js';
import { providedPorts } from '../../support/provided-ports.js';

interface EmfLine {
  _aws: {
    CloudWatchMetrics: Array<{
      Namespace: string;
      Dimensions: string[][];
      Metrics: Array<{ Name: string; Unit: string }>;
    }>;
  };
  [key: string]: unknown;
}

/** The CloudWatch EMF lines written to stdout while `act` runs. */
const emfWrittenBy = async (act: () => Promise<unknown>): Promise<EmfLine[]> => {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await act().catch(() => undefined);
  } finally {
    write.mockRestore();
  }
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Class: PowertoolsCaseMetrics', () => {
  it('writes counts in the AfterSales namespace with the service dimension, and a decision with its outcome', async () => {
    // Prepare
    const buffer = new Metrics({ namespace: 'AfterSales', serviceName: 'after-sales' });
    const caseMetrics = new PowertoolsCaseMetrics(buffer);

    // Act
    const lines = await emfWrittenBy(async () => {
      caseMetrics.record([
        { name: 'CasesReceived', unit: 'Count', value: 1 },
        { name: 'Decisions', unit: 'Count', value: 1, outcome: 'rejected' },
        { name: 'SlaStepLateness', unit: 'Seconds', value: 42 },
      ]);
      buffer.publishStoredMetrics();
    });

    // Assess
    expect(lines).toHaveLength(2);
    const [decision, buffered] = lines;
    expect(decision).toMatchObject({ service: 'after-sales', outcome: 'rejected', Decisions: 1 });
    expect(decision?._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'AfterSales',
      Dimensions: [['service', 'outcome']],
    });
    expect(buffered).toMatchObject({ service: 'after-sales', CasesReceived: 1, SlaStepLateness: 42 });
    expect(buffered?._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'AfterSales',
      Dimensions: [['service']],
      Metrics: [
        { Name: 'CasesReceived', Unit: 'Count' },
        { Name: 'SlaStepLateness', Unit: 'Seconds' },
      ],
    });
  });
});

describe('Function: flushMetrics in the shared handler builders', () => {
  const recordOne = () => metrics.addMetric('CasesReceived', 'Count', 1);

  it.each([
    [
      'a workflow task that returns',
      () => taskHandler('test', z.object({}), providedPorts, async () => recordOne())({}),
    ],
    [
      'a workflow task that throws',
      () =>
        taskHandler('test', z.object({}), providedPorts, async () => {
          recordOne();
          throw new Error('boom');
        })({}),
    ],
    [
      'a queue consumer',
      () =>
        queueHandler('work', z.object({}), providedPorts, async () => recordOne())({
          Records: [{ messageId: 'm1', body: '{}', attributes: { ApproximateReceiveCount: '1' } }],
        } as SQSEvent),
    ],
    [
      'an HTTP route',
      () =>
        publicRoute({}, providedPorts, async () => {
          recordOne();
          return { statusCode: 204, body: '' };
        })(
          { headers: {}, requestContext: { requestId: 'r1' } } as unknown as APIGatewayProxyEvent,
          {
            awsRequestId: 'r1',
          } as Context,
        ),
    ],
    [
      'a page route',
      () =>
        pageRoute(providedPorts, async () => {
          recordOne();
          return { statusCode: 200, body: '<p>ok</p>' };
        })(
          {
            httpMethod: 'GET',
            path: '/survey/t',
            headers: {},
            requestContext: { requestId: 'r1' },
          } as unknown as APIGatewayProxyEvent,
          {
            awsRequestId: 'r1',
          } as Context,
        ),
    ],
    [
      'the stranded-workflows schedule',
      async () => {
        const { handler } = await import('../../../functions/handlers/schedules/start-stranded-workflows.js');
        provideDependencies({
          cases: { listAwaitingWorkflow: async () => (recordOne(), []) },
          clock: { now: () => new Date() },
        } as unknown as Dependencies);
        return handler({}, {} as Context);
      },
    ],
  ])('flushes what %s recorded, once', async (_name, invoke) => {
    provideDependencies({} as Dependencies);

    const lines = await emfWrittenBy(invoke);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: 'after-sales', CasesReceived: 1 });
    expect(metrics.hasStoredMetrics()).toBe(false);
  });

  it('writes nothing for an invocation that recorded nothing (no warning either)', async () => {
    provideDependencies({} as Dependencies);
    const written: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }

    await taskHandler('test', z.object({}), providedPorts, async () => 'done')({});

    expect(written).toEqual([]);
  });
});
