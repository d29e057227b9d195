import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CachedStoreDirectory } from '../functions/adapters/cached-store-directory.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { DynamoAgentDirectory } from '../functions/adapters/dynamodb/dynamo-agent-directory.js';
import { DynamoKpiStore } from '../functions/adapters/dynamodb/dynamo-kpi-store.js';
import { countedCaseStore } from '../functions/use-cases/kpi/kpi-counting-case-store.js';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/dynamo-case-store.js';
import { DynamoStoreDirectory } from '../functions/adapters/dynamodb/dynamo-store-directory.js';
import type { Dependencies } from '../functions/commons/dependencies.js';
import { logger } from '../functions/commons/logger.js';
import { isIsoDuration } from '../functions/domain/duration.js';
import type { CaseMetrics } from '../functions/ports/case-metrics.js';
import type { CaseStore } from '../functions/ports/case-store.js';
import type { CaseWorkflow } from '../functions/ports/case-workflow.js';
import { systemClock, type Clock } from '../functions/ports/clock.js';
import { TABLES, type TableName } from '../functions/wiring/tables.js';
import type { Capabilities } from '../functions/wiring/capabilities.js';
import { STATE_MACHINE_FILE, WORKFLOW_TASKS } from '../functions/wiring/tasks.js';
import { WORK_QUEUE } from '../functions/wiring/queues.js';
import { localDependenciesFor } from './declared-local-dependencies.js';
import {
  createTables,
  deleteTables,
  localAdminClient,
  physicalTableNames,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from './dynamodb-local.js';
import { FileExecutionRecordStore } from './execution-record-store.js';
import { loadApiRoutes, loadQueueConsumers, loadScheduleHandlers, loadTaskHandlers } from './handler-modules.js';
import { LocalAttachmentStorage } from './local-attachment-storage.js';
import { LocalJwtIssuer } from './local-jwt.js';
import { LocalSchedules } from './local-schedules.js';
import { LocalWorkQueue } from './local-work-queue.js';
import { localStorefrontKeys } from './local-storefront-keys.js';
import { openLocalSurveyLinks } from './local-survey-links.js';
import { openLocalConsoleSessions } from './local-console-sessions.js';
import { consoleSignInRoutes } from './console-sign-in.js';
import { localRoutes } from './local-routes.js';
import { OutboxMailer } from './outbox-mailer.js';
import { DEMO_API_KEYS, seedDemoAgents, seedDemoStores } from './seed.js';
import { startLocalServer, type LocalServer } from './server.js';
import { registerStackDependencies, withStackDependencies } from './stack-context.js';
import { LocalWorkflowEngine, type EngineLogger } from './workflow-engine.js';

export interface LocalStackOptions {
  /** 0 picks a free port; 3000 by default. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  /** Where data persists (DynamoDB, outbox, uploads, executions); in memory and a temporary folder when absent. */
  dataDir?: string;
  /** The demo stores' time for a supervisor's manual review, ISO 8601 (`PT30S` for a quick demo); `P1D` by default. */
  reviewReminderAfter?: string;
  /** Replaces every workflow Retry interval (tests: 10 ms); the definition's by default. */
  retryIntervalMs?: number;
  /** Replaces the declared timeout of every workflow `lambda:invoke` task (tests only); the definition's by default. */
  taskTimeoutSeconds?: number;
  /**
   * Replaces the HTTP functions' 10 s timeout (tests only): a test on a loaded machine waits under the one test ceiling
   * instead of failing because DynamoDB Local answered slowly; `npm run bench` measures the speed.
   */
  httpFunctionTimeoutMs?: number;
  /** First wait before a failed work queue job is delivered again (doubling after); 50 ms by default. */
  workRetryDelayMs?: number;
  /** Only errors are logged. */
  quiet?: boolean;
  /**
   * The service's clock (the system clock by default). Tests pass one shifted to a chosen wall time, e.g. a Friday just
   * before closing, so business-hours rules run at real speed; the workflow engine's timers stay real.
   */
  clock?: Clock;
  /**
   * Runs every scheduled function (`functions/wiring/schedules.ts`) this often instead of its declared period; a
   * zero or negative value never runs them on a timer (tests call `schedules.runNow`).
   */
  scheduleEveryMs?: number;
  /** Tests: receives the business metrics the deployed functions would write (none are recorded otherwise). */
  caseMetrics?: CaseMetrics;
  /**
   * Tests: wraps the case store every function writes through (outermost), e.g. to make a request die right after its
   * transaction committed.
   */
  wrapCaseStore?: (store: CaseStore) => CaseStore;
  /**
   * Tests: a DynamoDB Local already running (one per test run) instead of a Java process of this stack's own. The stack
   * then creates its tables under `tablePrefix` and deletes them when it stops, leaving the process running.
   */
  sharedDynamoDb?: { endpoint: string; pid: number; tablePrefix: string };
}

export interface LocalStack {
  /** `http://127.0.0.1:<port>`: the API and the local-only routes. */
  url: string;
  apiKeys: { storeA: string; storeB: string };
  engine: LocalWorkflowEngine;
  /** The scheduled functions, on timers; `runNow(name)` runs one at once. */
  schedules: LocalSchedules;
  /** The background work queue (`functions/wiring/queues.ts`): `settled()` waits until its jobs are done. */
  workQueue: LocalWorkQueue;
  outbox: OutboxMailer;
  attachments: LocalAttachmentStorage;
  /** The local user pool's token signer: `POST /_local/login` issues with it, staff routes verify with it. */
  staffTokens: LocalJwtIssuer;
  /** This stack's adapters: what its handlers and workflow tasks use. */
  dependencies: Dependencies;
  dynamoDb: { endpoint: string; pid: number };
  tables: Record<TableName, string>;
  /** Stops the server, the workflow engine (in-flight executions stay RUNNING to resume) and DynamoDB Local. Idempotent. */
  stop(): Promise<void>;
}

export const TABLE_PREFIX = 'local-';

/** A stack on a shared DynamoDB Local leaves it as it found it: its tables go, the process stays. */
const deleteTablesAt = async (endpoint: string, tablePrefix: string): Promise<void> => {
  const admin = localAdminClient(endpoint);
  await deleteTables(admin, physicalTableNames(tablePrefix)).finally(() => admin.destroy());
};
/** Short, so a store change (an admin's edit, a re-seed) shows within a second. */
const STORE_CACHE_TTL_MS = 1_000;
/** How long `stop()` waits for task handlers still running (each has a 30 s timeout in AWS; locally they take ms). */
const TASK_DRAIN_MS = 10_000;
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One secret per data folder, so upload URLs stay valid across restarts; per process when in memory. */
const uploadSecret = async (dataDir: string | undefined): Promise<string> => {
  if (dataDir === undefined) return randomBytes(32).toString('hex');
  const file = join(dataDir, 'upload-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing !== '') return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { encoding: 'utf8', mode: 0o600 });
  return secret;
};

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms).unref());

const readDefinition = async (): Promise<object> =>
  JSON.parse(await readFile(join(REPO_ROOT, STATE_MACHINE_FILE), 'utf8')) as object;

/** Sets the variables `functions/commons/config.ts` reads; returns how to put the previous values back. */
const setConfigEnvironment = (tables: Record<TableName, string>, endpoint: string): (() => void) => {
  const values: Record<string, string> = { DYNAMODB_ENDPOINT: endpoint };
  for (const table of TABLES) values[table.envVar] = tables[table.name];
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
};

/**
 * The whole service on this machine: DynamoDB Local with the declared tables and the demo stores, the same handlers
 * behind a local API Gateway, the same state machine on the local engine, an outbox for email and a folder for uploads.
 */
export const startLocalStack = async (options: LocalStackOptions = {}): Promise<LocalStack> => {
  if (options.reviewReminderAfter !== undefined && !isIsoDuration(options.reviewReminderAfter)) {
    throw new Error(
      `reviewReminderAfter must be an ISO 8601 duration such as PT30S or P1D, got ${options.reviewReminderAfter}`,
    );
  }

  const previousLogLevel = logger.getLevelName();
  if (options.quiet) logger.setLogLevel('ERROR');
  // Handlers share the one process-wide logger and append their keys to it (a warm Lambda would keep them to itself);
  // the stack's own lines go through a child made now, so they never carry a handler's caseId or task.
  const log: EngineLogger = logger.createChild({ persistentKeys: { component: 'local-stack' } });

  let server: LocalServer | undefined;
  let dynamoDb: Pick<DynamoDbLocal, 'endpoint' | 'pid' | 'stop'> | undefined;
  let documentClient: DynamoDBDocumentClient | undefined;
  let engine: LocalWorkflowEngine | undefined;
  let schedules: LocalSchedules | undefined;
  let workQueue: LocalWorkQueue | undefined;
  let restoreEnvironment: (() => void) | undefined;
  let unregister: (() => void) | undefined;
  let temporaryDir: string | undefined;

  // Task handlers the engine started; a callback task's handler runs detached from its state, so `engine.stop()`
  // does not wait for it, and it must not write after DynamoDB Local or the temporary folder are gone.
  const runningTasks = new Set<Promise<unknown>>();
  const tracked =
    <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const running = handler(...args);
      runningTasks.add(running);
      running.then(
        () => runningTasks.delete(running),
        () => runningTasks.delete(running),
      );
      return running;
    };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // Incoming requests first, then the workflows, then what they all write to. Every step runs even if one fails,
      // so Java is never left behind; the first failure is reported at the end.
      const failures: unknown[] = [];
      const step = async (action: () => unknown): Promise<void> => {
        try {
          await action();
        } catch (error) {
          failures.push(error);
        }
      };
      await step(() => server?.close());
      await step(() => schedules?.stop());
      // Queued jobs signal workflows: they finish (or are cut short by the drain's limit) before the engine stops.
      await step(() => workQueue && Promise.race([workQueue.stop(), sleep(TASK_DRAIN_MS)]));
      await step(() => engine?.stop());
      await step(() => Promise.race([Promise.allSettled([...runningTasks]), sleep(TASK_DRAIN_MS)]));
      await step(() => unregister?.());
      await step(() => documentClient?.destroy());
      await step(() => dynamoDb?.stop());
      await step(() => restoreEnvironment?.());
      await step(() => temporaryDir && rm(temporaryDir, { recursive: true, force: true }));
      logger.setLogLevel(previousLogLevel);
      if (failures.length > 0) throw failures[0];
    })());

  try {
    // The port first: when it is taken, fail before starting Java.
    server = await startLocalServer({
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 3000,
      logger: log,
      functionTimeoutMs: options.httpFunctionTimeoutMs,
    });
    const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
    if (dataDir) await mkdir(dataDir, { recursive: true });
    temporaryDir = dataDir ? undefined : await mkdtemp(join(tmpdir(), 'after-sales-local-'));
    const files = (dataDir ?? temporaryDir) as string;

    const shared = dataDir ? undefined : options.sharedDynamoDb;
    dynamoDb = shared
      ? { endpoint: shared.endpoint, pid: shared.pid, stop: () => deleteTablesAt(shared.endpoint, shared.tablePrefix) }
      : await startDynamoDbLocal({ path: dataDir ? join(dataDir, 'dynamodb') : undefined });
    const admin = localAdminClient(dynamoDb.endpoint);
    const tables = await createTables(admin, shared?.tablePrefix ?? TABLE_PREFIX).finally(() => admin.destroy());
    documentClient = createDocumentClient({ endpoint: dynamoDb.endpoint });
    await seedDemoStores(documentClient, tables.stores, { reviewReminderAfter: options.reviewReminderAfter });
    restoreEnvironment = setConfigEnvironment(tables, dynamoDb.endpoint);

    const outbox = new OutboxMailer({ directory: join(files, 'outbox'), consoleBaseUrl: server.url });
    const attachments = new LocalAttachmentStorage({
      directory: join(files, 'uploads'),
      baseUrl: server.url,
      secret: await uploadSecret(dataDir),
    });
    // The engine needs the task handlers, which may only be imported once the dependencies are provided.
    const workflow: CaseWorkflow = {
      start: (input) => (engine as LocalWorkflowEngine).start(input),
      completeWait: (token, output) => (engine as LocalWorkflowEngine).completeWait(token, output),
    };
    const clock = options.clock ?? systemClock;
    workQueue = new LocalWorkQueue({
      maxReceiveCount: WORK_QUEUE.maxReceiveCount,
      retryDelayMs: options.workRetryDelayMs,
      logger: log,
    });
    // Keys judged on the service's clock (a test may move it past a replaced key's overlap); the cache on real time.
    // Key lookups are cached as long as the rest: a rotation or revocation goes through this one instance, at once.
    const stores = new CachedStoreDirectory(
      new DynamoStoreDirectory(documentClient, tables.stores, () => clock.now()),
      { ttlMs: STORE_CACHE_TTL_MS, serviceNow: () => clock.now(), keyTtlMs: STORE_CACHE_TTL_MS },
    );
    const dependencies: Dependencies = {
      cases: countedCaseStore(new DynamoCaseStore(documentClient, tables), stores),
      agents: new DynamoAgentDirectory(documentClient, tables.agents),
      stores,
      kpis: new DynamoKpiStore(documentClient, tables.kpis),
      mailer: outbox,
      workflow,
      attachments,
      surveyLinks: await openLocalSurveyLinks(dataDir, server.url),
      workQueue,
      storefrontKeys: localStorefrontKeys,
      consoleSessions: await openLocalConsoleSessions(dataDir),
      clock,
    };
    unregister = registerStackDependencies(dependencies);
    await seedDemoAgents(dependencies.agents, dependencies.clock.now());
    const staffTokens = await LocalJwtIssuer.open(dataDir);

    const [taskHandlers, apiRoutes, scheduleHandlers, queueConsumers, definition] = await Promise.all([
      loadTaskHandlers(),
      loadApiRoutes(),
      loadScheduleHandlers(),
      loadQueueConsumers(),
      readDefinition(),
    ]);
    // Each handler runs with what its declaration grants, as its bundle does in AWS.
    const asDeclared = <A extends unknown[], R>(capabilities: Capabilities, handler: (...args: A) => Promise<R>) =>
      withStackDependencies(
        localDependenciesFor(
          capabilities,
          dependencies,
          documentClient as DynamoDBDocumentClient,
          tables,
          options.caseMetrics,
          options.wrapCaseStore,
        ),
        handler,
      );
    const taskCapabilities = (arnPlaceholder: string): Capabilities =>
      WORKFLOW_TASKS.find((task) => task.arnPlaceholder === arnPlaceholder)?.capabilities ?? {};
    engine = new LocalWorkflowEngine({
      definition,
      taskHandlers: Object.fromEntries(
        Object.entries(taskHandlers).map(([arn, handler]) => [
          arn,
          tracked(asDeclared(taskCapabilities(arn), handler)),
        ]),
      ),
      executions: dataDir ? new FileExecutionRecordStore(join(dataDir, 'executions')) : undefined,
      retryIntervalMs: options.retryIntervalMs,
      taskTimeoutSeconds: options.taskTimeoutSeconds,
      logger: log,
    });
    const workConsumer = queueConsumers[WORK_QUEUE.name];
    if (!workConsumer) throw new Error(`No consumer module for the ${WORK_QUEUE.name} queue`);
    workQueue.attach(tracked(asDeclared(WORK_QUEUE.capabilities, workConsumer)));
    server.mount({
      api: apiRoutes.map((route) => ({ ...route, invoke: asDeclared(route.capabilities, route.invoke) })),
      local: [
        ...localRoutes({ baseUrl: server.url, outbox, attachments, staffTokens, logger: log }),
        ...consoleSignInRoutes(dependencies.consoleSessions, dependencies.agents),
      ],
      verifyStaffToken: (token) => staffTokens.verify(token),
    });
    await engine.resumeInFlight();
    schedules = new LocalSchedules({
      functions: scheduleHandlers.map(({ declaration, run }) => ({
        declaration,
        run: tracked(asDeclared(declaration.capabilities, run)),
      })),
      everyMs: options.scheduleEveryMs,
      logger: log,
    });
    if (options.scheduleEveryMs === undefined || options.scheduleEveryMs > 0) schedules.start();

    return {
      url: server.url,
      apiKeys: { ...DEMO_API_KEYS },
      engine,
      schedules,
      workQueue,
      outbox,
      attachments,
      staffTokens,
      dependencies,
      dynamoDb: { endpoint: dynamoDb.endpoint, pid: dynamoDb.pid },
      tables,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
};
