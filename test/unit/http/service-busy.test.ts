import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import { toCaseItem } from '../../../functions/adapters/dynamodb/case-items.js';
import { DynamoCaseStore } from '../../../functions/adapters/dynamodb/dynamo-case-store.js';
import type { Case } from '../../../functions/domain/case.js';
import { TransientError } from '../../../functions/domain/errors.js';
import { timelineEvent } from '../../../functions/domain/timeline-events.js';
import { pageRoute } from '../../../functions/http/page-route.js';
import { jsonResponse } from '../../../functions/http/responses.js';
import { publicRoute } from '../../../functions/http/route.js';
import { applyCaseAction } from '../../../functions/use-cases/apply-case-action.js';
import { returnRequest } from '../../support/case-requests.js';
import { proxyEvent, routeContext as context } from './proxy-event.js';
import { providedPorts } from '../../support/provided-ports.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamoMock = mockClient(client);
const cases = new DynamoCaseStore(client, { cases: 'cases' });

const at = '2026-11-24T08:00:00.000Z';
const assigned: Case = {
  ...returnRequest(),
  attachments: [],
  channel: 'web',
  caseId: 'cs_01KAVJ5ZP2M7B4WQ3E8D6H9C1N',
  caseNumber: 'AS-20261124-0001',
  storeId: 'store-a',
  status: 'assigned',
  createdAt: at,
  updatedAt: at,
  decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: at, decidedBy: 'policy' },
  assignee: { agentId: 'agent1', name: 'Wang Fang', assignedAt: at, assignedBy: 'assignment' },
};

/** A note on the case through the real DynamoDB adapter and the real retry loop of every case action. */
const addNote = publicRoute({}, providedPorts, async () => {
  const { event } = await applyCaseAction({ cases }, assigned.caseId, (current) => ({
    event: timelineEvent(current.caseId, new Date(), 'note_added', { kind: 'staff', id: 'agent1' }, {}),
    set: { updatedAt: new Date().toISOString() },
  }));
  return jsonResponse(201, { eventId: event.eventId });
});

const conflict = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
  });

const throttled = () =>
  new ProvisionedThroughputExceededException({
    message: 'The level of configured provisioned throughput for the table was exceeded',
    $metadata: { httpStatusCode: 400 },
  });

const expectBusy = (response: { statusCode: number; headers?: Record<string, unknown>; body: string }) => {
  expect(response.statusCode).toBe(503);
  expect(response.headers?.['retry-after']).toBe('1');
  expect(JSON.parse(response.body)).toEqual({
    error: { code: 'service_busy', message: expect.stringContaining('retry') },
  });
};

beforeEach(() => {
  provideDependencies({} as Dependencies);
  dynamoMock.reset();
  dynamoMock.on(GetCommand).resolves({ Item: toCaseItem(assigned) });
});
afterEach(() => provideDependencies(undefined as unknown as Dependencies));

describe('Function: errorResponses (busy)', () => {
  it('answers 503 with Retry-After when a contended case write lost every retry', async () => {
    // Prepare
    dynamoMock.on(TransactWriteCommand).rejects(conflict());

    // Act
    const response = await addNote(proxyEvent(), context);

    // Assess
    expectBusy(response);
    expect(dynamoMock.commandCalls(TransactWriteCommand).length).toBeGreaterThan(1);
  });

  it('answers 503 with Retry-After when DynamoDB throttles a read', async () => {
    // Prepare
    dynamoMock.on(GetCommand).rejects(throttled());

    // Act
    const response = await addNote(proxyEvent(), context);

    // Assess
    expectBusy(response);
  });

  it.each([
    [
      'an unwrapped AWS throttling error',
      () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }),
    ],
    ['an unwrapped AWS 5xx', () => Object.assign(new Error('Internal'), { $metadata: { httpStatusCode: 500 } })],
    ['our TransientError', () => new TransientError('Step Functions SendTaskSuccess failed transiently')],
  ])('answers 503 with Retry-After for %s that reaches the handler', async (_label, makeError) => {
    // Prepare
    const route = publicRoute({}, providedPorts, async () => {
      throw makeError();
    });

    // Act
    const response = await route(proxyEvent(), context);

    // Assess
    expectBusy(response);
  });

  it('still answers a real fault with a generic 500 and no Retry-After', async () => {
    // Prepare
    const route = publicRoute({}, providedPorts, async () => {
      throw new TypeError('x is undefined');
    });

    // Act
    const response = await route(proxyEvent(), context);

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.headers?.['retry-after']).toBeUndefined();
    expect(JSON.parse(response.body).error.code).toBe('internal_error');
  });
});

describe('Function: pageRoute (busy)', () => {
  const page = pageRoute(providedPorts, async () => {
    throw new TransientError('DynamoDB: transaction conflict');
  });

  it.each([
    ['JSON', { accept: 'application/json' }, 'application/json'],
    ['a page', { accept: 'text/html' }, 'text/html'],
  ])('answers a busy %s with 503 and Retry-After', async (_label, headers, contentType) => {
    // Act
    const response = await page(proxyEvent({ httpMethod: 'GET', headers }), context);

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(String(response.headers?.['content-type'])).toContain(contentType);
  });
});
