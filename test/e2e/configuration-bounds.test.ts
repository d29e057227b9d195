import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import { findFreePort } from '../../local/free-port.js';
import { DEMO_API_KEYS } from '../../local/seed.js';
import { TABLE_PREFIX } from '../../local/stack.js';
import { returnRequest } from '../support/case-requests.js';
import { api, waitFor } from '../support/local-stack.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { settles, WAIT_CEILING_MS } from '../support/wait-ceiling.js';
import { isRunning, startLocalProcess, type LocalProcess } from './support/local-process.js';

/**
 * One store's SLA configuration cannot stall the service for the others. The stack runs in a child process (as
 * `npm start` does), so a frozen event loop there shows here as requests that never answer, instead of freezing the
 * test. How much work a duration may cost is counted, not timed, in
 * test/unit/domain/sla/business-time-cost.property.test.ts (days and weeks looked at, whatever the input).
 */
const HUGE = 'PT99999999999999999999H';

let child: LocalProcess;
let dataDir: string;
let javaPid: number | undefined;
let url: string;
let dynamoDbEndpoint: string;
let admin3: StaffApi;
let storeACase: string;

/** A request that gives up at the wait ceiling: a frozen server is a failure (status 0), not a hang. */
const request = async (path: string, init: RequestInit = {}) => {
  try {
    const response = await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(WAIT_CEILING_MS) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: String(error) };
  }
};

const readStoreACase = () => request(`/v1/cases/${storeACase}`, { headers: { 'x-api-key': DEMO_API_KEYS.storeA } });

/** Store A's case read again and again for `ms`, one read at a time, while something else happens. */
const keepReadingStoreA = async (ms: number) => {
  const reads: Array<{ status: number }> = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const read = await readStoreACase();
    reads.push({ status: read.status });
    await new Promise((done) => setTimeout(done, 50));
  }
  return reads;
};

const fileCaseOf = async (apiKey: string): Promise<string> => {
  const filed = await api({ url }).post('/v1/cases', returnRequest(), { apiKey });
  expect(filed.status, filed.text).toBe(201);
  return filed.json.caseId as string;
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'after-sales-bounds-'));
  child = startLocalProcess({ command: 'node', port: await findFreePort(), dataDir });
  const ready = await child.ready();
  ({ url, dynamoDbEndpoint } = ready);
  javaPid = ready.dynamoDbPid;
  admin3 = await staffApi({ url }, 'admin3');
  // Open cases in both stores, their SLA clocks running, so a policy save has work to re-time.
  storeACase = await fileCaseOf(DEMO_API_KEYS.storeA);
  const storeBCase = await fileCaseOf(DEMO_API_KEYS.storeB);
  await waitFor(
    async () =>
      (await api({ url }).get(`/v1/cases/${storeBCase}`, { apiKey: DEMO_API_KEYS.storeB })).json?.status === 'assigned',
  );
});

afterAll(async () => {
  child?.kill();
  await settles(child.exit, 'exit').catch(() => undefined);
  if (javaPid !== undefined && isRunning(javaPid)) process.kill(javaPid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('Acceptance: bounded SLA durations', () => {
  it.each([HUGE, 'P10000D'])(
    "refuses store B's resolution target %s naming the fields, while store A keeps answering",
    async (duration) => {
      // Prepare
      const { version: _version, ...policy } = (await admin3.get('/v1/admin/sla')).json;
      for (const priority of ['P1', 'P2', 'P3', 'P4']) policy.targets[priority].resolution = duration;

      // Act: the save, and store A's reads during it and for a few seconds after (the re-timing runs then).
      const [saved, reads] = await Promise.all([
        request('/v1/admin/sla', {
          method: 'PUT',
          headers: { authorization: `Bearer ${admin3.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(policy),
        }),
        keepReadingStoreA(4_000),
      ]);

      // Assess
      expect(saved.status, saved.text).toBe(400);
      const paths = JSON.parse(saved.text).error.details.map((detail: { path: string }) => detail.path);
      expect(paths).toEqual(expect.arrayContaining(['P1', 'P2', 'P3', 'P4'].map((p) => `targets.${p}.resolution`)));
      expect(reads.length).toBeGreaterThan(3);
      expect(reads.filter((read) => read.status !== 200)).toEqual([]);
    },
  );

  it("fails only the case's step when a stored policy is out of bounds, and every route still answers", async () => {
    // Prepare: a valid save, then the value a save can no longer make, written into the table as an old release could.
    const { version: _version, ...policy } = (await admin3.get('/v1/admin/sla')).json;
    expect((await admin3.put('/v1/admin/sla', policy)).status).toBe(200);
    const client = createDocumentClient({ endpoint: dynamoDbEndpoint });
    try {
      await client.send(
        new UpdateCommand({
          TableName: `${TABLE_PREFIX}stores`,
          Key: { pk: 'STORE#store-b', sk: 'SLA' },
          UpdateExpression:
            'SET targets.P1.resolution = :huge, targets.P2.resolution = :huge, ' +
            'targets.P3.resolution = :huge, targets.P4.resolution = :huge',
          ExpressionAttributeValues: { ':huge': HUGE },
        }),
      );
    } finally {
      client.destroy();
    }
    await new Promise((done) => setTimeout(done, 1_500)); // the stack's store cache keeps a policy for a second

    // Act: store B files a case (its workflow times it by the stored policy), store A keeps reading its own.
    const [storeBCase, reads] = await Promise.all([fileCaseOf(DEMO_API_KEYS.storeB), keepReadingStoreA(4_000)]);
    const supervisor3 = await staffApi({ url }, 'supervisor3');
    const failed = await waitFor(async () => {
      const listed = await supervisor3.get('/v1/staff/cases?failed=true');
      return listed.json.items.find((line: { caseId: string }) => line.caseId === storeBCase);
    });
    const storeBRead = await request(`/v1/cases/${storeBCase}`, { headers: { 'x-api-key': DEMO_API_KEYS.storeB } });
    const staffRead = await request(`/v1/staff/cases/${storeBCase}`, {
      headers: { authorization: `Bearer ${supervisor3.token}` },
    });

    // Assess
    expect(failed.workflowFailure).toMatchObject({ error: 'BusinessTimeHorizonError' });
    expect(reads.filter((read) => read.status !== 200)).toEqual([]);
    for (const read of [storeBRead, staffRead]) {
      expect(read.status, read.text).toBe(409);
      expect(JSON.parse(read.text).error.code).toBe('sla_out_of_range');
    }
    expect((await readStoreACase()).status).toBe(200);
  });
});
