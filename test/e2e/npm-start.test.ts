import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import { findFreePort } from '../../local/free-port.js';
import { returnRequest } from '../support/case-requests.js';
import { api, waitFor } from '../support/local-stack.js';
import { staffApi } from '../support/staff-api.js';
import { settles } from '../support/wait-ceiling.js';
import { isRunning, startLocalProcess, type LocalProcess } from './support/local-process.js';

/** The agent a case is assigned to, as a supervisor sees it. */
const assigneeOf = async (url: string, caseId: string): Promise<string> =>
  (await (await staffApi({ url }, 'supervisor1')).get(`/v1/staff/cases/${caseId}`)).json.assignee.agentId as string;

/** The local stack started as a user starts it, in a child process, and stopped as a user stops it. */
describe('npm start', () => {
  let dataDir: string;
  let started: LocalProcess[] = [];
  let javaPids: number[] = [];

  const start = (options: Omit<Parameters<typeof startLocalProcess>[0], 'dataDir'>) => {
    const child = startLocalProcess({ dataDir, ...options });
    started.push(child);
    return child;
  };

  const ready = async (child: LocalProcess) => {
    const urls = await child.ready();
    javaPids.push(urls.dynamoDbPid);
    return urls;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'after-sales-e2e-'));
  });

  afterEach(async () => {
    // A failed test must not leave processes behind: the group, then Java by pid.
    for (const child of started) child.kill();
    for (const pid of javaPids.filter(isRunning)) process.kill(pid, 'SIGKILL');
    await Promise.all(started.map((child) => settles(child.exit, 'exit').catch(() => undefined)));
    started = [];
    javaPids = [];
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the API and the outbox, and stops cleanly on Ctrl-C with no Java process left', async () => {
    // Prepare
    const child = start({ command: 'npm start', port: await findFreePort() });
    const { url, dynamoDbPid } = await ready(child);

    // Act
    const outbox = await api({ url }).get('/_local/outbox');
    const openApi = await api({ url }).get('/v1/openapi.json');
    // Linux shows a process's environment: DynamoDB Local runs with its telemetry off (it has nothing to tell AWS).
    const javaEnvironment = (await readFile(`/proc/${dynamoDbPid}/environ`, 'utf8')).split('\0');
    child.interrupt();
    await settles(child.exit, 'Exit after Ctrl-C');
    // npm and its `sh -c` die of the SIGINT at once (npm reports the signal); the stack's own process finishes its stop.
    await waitFor(() => child.output().includes('Stopped.'));

    // Assess
    expect(outbox.status).toBe(200);
    expect(outbox.json).toEqual([]);
    expect(openApi.status).toBe(200);
    expect(openApi.json.openapi).toMatch(/^3\./);
    expect(isRunning(dynamoDbPid)).toBe(false);
    expect(javaEnvironment).toContain('DDB_LOCAL_TELEMETRY=0');
  });

  // One start less: the restarted stack's Ctrl-C is the check that `node --import tsx local/start.ts` (what `npm start` runs,
  // so its own exit code is seen) exits 0 on Ctrl-C with its Java process gone.
  it('keeps cases and emails across a restart on the same DATA_DIR, without seeding twice; exits 0 on Ctrl-C', async () => {
    // Prepare: a case filed and assigned (its workflow parked on the first response) in a first run, stopped with
    // SIGTERM (the stack's own clean stop).
    const first = start({ command: 'node', port: await findFreePort() });
    const firstUrls = await ready(first);
    const created = await api({ url: firstUrls.url }).post('/v1/cases', returnRequest(), {
      apiKey: 'local-store-a-key',
    });
    expect(created.status).toBe(201);
    await waitFor(
      async () =>
        (await api({ url: firstUrls.url }).get(`/v1/cases/${created.json.caseId}`, { apiKey: 'local-store-a-key' }))
          .json.status === 'assigned',
    );
    first.child.kill('SIGTERM');
    expect(await settles(first.exit, 'Exit after SIGTERM')).toEqual({ code: 0, signal: null });
    expect(isRunning(firstUrls.dynamoDbPid)).toBe(false);

    // Act
    const second = start({ command: 'node', port: await findFreePort() });
    const { url, dynamoDbEndpoint } = await ready(second);
    const read = await api({ url }).get(`/v1/cases/${created.json.caseId}`, { apiKey: 'local-store-a-key' });
    const outbox = await api({ url }).get('/_local/outbox');
    const client = createDocumentClient({ endpoint: dynamoDbEndpoint });
    const stores = await client.send(new ScanCommand({ TableName: 'local-stores' }));
    client.destroy();
    const another = await api({ url }).post('/v1/cases', returnRequest(), { apiKey: 'local-store-b-key' });

    // Assess
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ caseId: created.json.caseId, status: 'assigned' });
    expect(outbox.json.map((email: { subject: string }) => email.subject).join('\n')).toContain(
      created.json.caseNumber,
    );
    const seeded = (stores.Items ?? []).filter((item) => ['PROFILE', 'POLICY', 'APIKEY'].includes(item.sk as string));
    expect(seeded).toHaveLength(6);
    expect(another.status).toBe(201);
    expect(another.json.caseNumber).toMatch(/^BS-/);
    // The resumed workflow parks on the first response again, so the assignee's reply moves it on to the resolution.
    const agent = await staffApi({ url }, await assigneeOf(url, created.json.caseId));
    expect((await agent.post(`/v1/staff/cases/${created.json.caseId}/replies`, { body: 'Back online.' })).status).toBe(
      201,
    );
    await waitFor(
      async () =>
        (await agent.get(`/v1/staff/cases/${created.json.caseId}`)).json.workflowWait?.signal === 'resolution',
    );

    // Act: Ctrl-C on the second run
    second.interrupt();
    const exit = await settles(second.exit, 'Exit after Ctrl-C');

    // Assess
    expect(exit).toEqual({ code: 0, signal: null });
    expect(second.output()).toContain('Stopped.');
    expect(isRunning(javaPids.at(-1) as number)).toBe(false);
  });

  describe('when it cannot start', () => {
    let blocker: Server | undefined;
    afterEach(async () => {
      await new Promise((done) => (blocker ? blocker.close(done) : done(undefined)));
      blocker = undefined;
    });

    it('exits 1 naming the port when the port is taken', async () => {
      // Prepare
      const port = await findFreePort();
      blocker = createServer();
      await new Promise<void>((done) => blocker?.listen(port, '127.0.0.1', done));

      // Act
      const child = start({ command: 'node', port });
      const exit = await settles(child.exit, 'Exit');

      // Assess
      expect(exit.code).toBe(1);
      expect(child.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    });

    it('exits 1 saying how to install Java when java is not on the PATH', async () => {
      // Act: PATH holds only node_modules/.bin (Node 22, tsx), no java.
      const child = start({ command: 'node', port: await findFreePort(), path: '' });
      const exit = await settles(child.exit, 'Exit');

      // Assess
      expect(exit.code).toBe(1);
      expect(child.output()).toContain('apt-get install -y openjdk-17-jre-headless');
    });
  });
});
