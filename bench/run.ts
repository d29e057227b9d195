/**
 * `npm run bench` (`-- --quick` for the short run): intake against the database floor, work per request, bundle size
 * and import time, workflow transitions (the SLA ladder and the recheck included), the KPI counters' extra work, the cost
 * per 1,000 cases, an SLA policy save on a store with many open cases, report latency at two case volumes and a burst
 * of 400 intakes (failed workflows: 0), measured in one run on this machine.
 * Prints a table and writes bench/results.json. See bench/README.md.
 */
import { availableParallelism, cpus } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { MAX_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR } from '../functions/domain/intake-limit.js';
import { kpiContextOf } from '../functions/use-cases/kpi/kpi-counting-case-store.js';
import { startLocalStack, type LocalStack } from '../local/stack.js';
import { signInActors, type Actors } from './actors.js';
import { BenchApi, signIn, storefront } from './api-client.js';
import type { BenchResults, IntakeLevel } from './bench-results.js';
import { bundleTargets } from './bundle-targets.js';
import { measureBundles } from './bundles.js';
import { CaseProbe } from './case-probe.js';
import { modelCost, type Prices } from './cost.js';
import { keyCallers } from './fixed-costs.js';
import { LogMeter, QueueMeter } from './usage-meters.js';
import { DynamoMeter } from './dynamo-meter.js';
import { BENCH_FOLLOW_UP, measureEscalatedPath } from './escalation.js';
import { apiIntake, floorIntake, runClosedLoop, summarize } from './intake.js';
import { measureIntakeBurst } from './intake-burst.js';
import { ESCALATED_PATH, measurePaths, readTaskStates } from './lifecycle.js';
import { measureConsoleQueue } from './console-queue.js';
import { measurePolicySave } from './policy-save.js';
import { KpiCountingMeter } from './kpi-counting-meter.js';
import { measureRecheck } from './recheck.js';
import { measureReportScale } from './report-scale.js';
import { measureRoundTrips } from './round-trips.js';
import { round } from './stats.js';
import { renderTable } from './table.js';
import { WorkflowGate } from './workflow-gate.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');

const SETTINGS = quick
  ? {
      cases: 300,
      batchesPerSide: 2,
      levelBudgetMs: 6_000,
      warmup: 20,
      importSamples: 3,
      openCases: 200,
      reportStoreSizes: [100, 1_000] as const,
      reportSamples: 10,
    }
  : {
      cases: 2_000,
      batchesPerSide: 4,
      levelBudgetMs: 120_000,
      warmup: 100,
      importSamples: 5,
      openCases: 1_000,
      reportStoreSizes: [1_000, 10_000] as const,
      reportSamples: 30,
    };
/** Open cases of store A when the console's queue page is timed (issue 19's figure), in both modes. */
const CONSOLE_OPEN_CASES = 1_000;
/** Cases written at a time when the report datasets are built. */
const DATASET_CONCURRENCY = 16;
const CONCURRENCY = [1, 8, 32] as const;
/** The level the headline figures (and the throughput target) refer to. */
const HEADLINE_CONCURRENCY = 8;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/**
 * The stack's one document client, which its case, store and agent adapters all share: the meter attaches to it. Checked
 * here, so that an adapter given a client of its own some day fails the bench instead of hiding its calls.
 */
const stackDocumentClient = (stack: LocalStack): DynamoDBDocumentClient => {
  const clientOf = (adapter: unknown): unknown =>
    typeof adapter === 'object' && adapter !== null && 'client' in adapter ? adapter.client : undefined;
  // The store directory's cache and the KPI-counting case store wrap the DynamoDB adapter (`inner`).
  const unwrapped = (adapter: object): unknown => ('inner' in adapter ? adapter.inner : adapter);
  const clients = new Set([
    clientOf(unwrapped(stack.dependencies.cases)),
    clientOf(stack.dependencies.agents),
    clientOf(unwrapped(stack.dependencies.stores)),
    clientOf(stack.dependencies.kpis),
  ]);
  const [client] = clients;
  if (clients.size !== 1 || client === undefined) {
    throw new Error('The stack adapters no longer share one DynamoDB client: meter each of them');
  }
  return client as DynamoDBDocumentClient;
};

/** Store A's default SLA policy with the follow-up stage compressed, so resolved cases' executions end. */
/** The three largest services of a cost breakdown, for a missed target's line. */
const largestParts = (breakdown: Record<string, number>): string =>
  Object.entries(breakdown)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 3)
    .map(([service, usd]) => `${service} $${round(usd, 3)}`)
    .join(', ');

const compressFollowUp = async (admin: Actors['admin']): Promise<void> => {
  const current = (await admin.get('/v1/admin/sla')) as Record<string, unknown>;
  await admin.put('/v1/admin/sla', { ...current, ...BENCH_FOLLOW_UP });
};

const main = async () => {
  const began = performance.now();
  const prices = JSON.parse(await readFile(join(REPO_ROOT, 'bench', 'prices.json'), 'utf8')) as Prices;
  const nodeBinary = join(REPO_ROOT, 'node_modules', '.bin', 'node');

  // 1. Bundles first, while nothing else of ours runs.
  log(`bundling handlers and importing each ${SETTINGS.importSamples}x in a fresh node process`);
  const bundles = await measureBundles({ repoRoot: REPO_ROOT, nodeBinary, samples: SETTINGS.importSamples });

  // 1b. The burst on a stack of its own, so its 400 cases and raised agent capacities touch nothing measured below.
  const burst = await measureIntakeBurst(log);
  log(`  failed workflows: ${burst.failedWorkflows}, settled in ${burst.settleSeconds} s`);

  log('starting the local stack (DynamoDB Local in memory, free port)');
  const stack = await startLocalStack({ port: 0, quiet: true, retryIntervalMs: 10 });
  const api = new BenchApi(stack.url);
  let floorClient: DynamoDBDocumentClient | undefined;
  let probe: CaseProbe | undefined;
  const gate = new WorkflowGate(stack);
  const kpiMeter = new KpiCountingMeter(stack.tables.kpis);
  const logMeter = new LogMeter();
  const queueMeter = new QueueMeter();
  try {
    const meter = new DynamoMeter();
    meter.attach(stackDocumentClient(stack), 'benchStack');
    kpiMeter.install(stackDocumentClient(stack));
    floorClient = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
    // Thousands of intakes from 50 customer ids: the per-customer limit (20 new cases an hour by default) would
    // refuse most of them, so the bench's stores take the most a store may set.
    for (const storeId of ['store-a', 'store-b']) {
      await floorClient.send(
        new UpdateCommand({
          TableName: stack.tables.stores,
          Key: { pk: `STORE#${storeId}`, sk: 'PROFILE' },
          UpdateExpression: 'SET intakeLimitPerCustomerPerHour = :max',
          ExpressionAttributeValues: { ':max': MAX_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR },
        }),
      );
    }
    const floorMeter = new DynamoMeter();
    floorMeter.attach(floorClient, 'benchFloor');
    probe = new CaseProbe(stack);

    // 2. Intake against the floor. Workflow starts are held back (counted, not run) so that background executions
    // do not compete with either side; the floor has no workflow either.
    gate.holdStarts();
    const apiSide = apiIntake(stack.url, stack.apiKeys.storeA);
    // The floor files as store A, numbering its cases as the seeded profile says, from its own blocks of numbers.
    const storeA = await stack.dependencies.stores.getStore('store-a');
    if (!storeA) throw new Error('Store A is not seeded');
    const floor = floorIntake(
      floorClient,
      stack.tables,
      { ...storeA, intakeLimitPerCustomerPerHour: MAX_INTAKE_LIMIT_PER_CUSTOMER_PER_HOUR },
      await kpiContextOf(stack.dependencies.stores, 'store-a'),
    );
    log(`intake: ${SETTINGS.cases} cases per side per level, A/B batches, concurrency ${CONCURRENCY.join(', ')}`);
    const warm = Date.now() + 10_000;
    await runClosedLoop(SETTINGS.warmup, 4, warm, apiSide);
    await runClosedLoop(SETTINGS.warmup, 4, warm, floor);
    const apiMeterBefore = meter.snapshot();
    const floorMeterBefore = floorMeter.snapshot();
    let apiCalls = 0;
    let floorCalls = 0;
    const levels: IntakeLevel[] = [];
    for (const concurrency of CONCURRENCY) {
      const perBatch = Math.ceil(SETTINGS.cases / SETTINGS.batchesPerSide);
      const latencies = { api: [] as number[], floor: [] as number[] };
      const errors = { api: 0, floor: 0 };
      const wall = { api: 0, floor: 0 };
      const deadline = Date.now() + SETTINGS.levelBudgetMs;
      // ABBA order, so drift during the level weighs on both sides alike.
      const order: Array<'api' | 'floor'> = [];
      for (let batch = 0; batch < SETTINGS.batchesPerSide; batch += 1)
        order.push(...(batch % 2 === 0 ? (['api', 'floor'] as const) : (['floor', 'api'] as const)));
      for (const [index, side] of order.entries()) {
        // Each batch gets its share of what is left of the level's time budget.
        const batchDeadline = Date.now() + Math.max(0, deadline - Date.now()) / (order.length - index);
        const result = await runClosedLoop(perBatch, concurrency, batchDeadline, side === 'api' ? apiSide : floor);
        latencies[side].push(...result.latencies);
        errors[side] += result.errors;
        wall[side] += result.wallMs;
      }
      apiCalls += latencies.api.length + errors.api;
      floorCalls += latencies.floor.length + errors.floor;
      const apiSummary = summarize(latencies.api, errors.api, wall.api);
      const floorSummary = summarize(latencies.floor, errors.floor, wall.floor);
      levels.push({
        concurrency,
        api: apiSummary,
        floor: floorSummary,
        ratio: round(apiSummary.rps / floorSummary.rps),
        p99Ratio: round(apiSummary.p99Ms / floorSummary.p99Ms),
      });
      log(
        `  c=${concurrency}: api ${apiSummary.count} in ${apiSummary.wallMs} ms, floor ${floorSummary.count} in ${floorSummary.wallMs} ms`,
      );
    }
    const apiIntakeUse = meter.since(apiMeterBefore);
    const floorIntakeUse = floorMeter.since(floorMeterBefore);
    gate.holdStarts(false);
    const heldStarts = gate.heldStarts;
    const headline = levels.find((level) => level.concurrency === HEADLINE_CONCURRENCY) as IntakeLevel;

    // 3. Work per request: storefront, staff and customer actions.
    log('signing in the staff of store A; round trips per operation');
    const actors = await signInActors(api, stack);
    await compressFollowUp(actors.admin);
    const roundTrips = await measureRoundTrips({ meter, gate, probe, actors });

    // 4. Workflow paths: the mix on store A with its default SLA policy, then the SLA ladder (store A with a fast
    // policy, put back after it), then the recheck safety net (store B, which nothing else touches).
    log('lifecycle paths');
    logMeter.install();
    queueMeter.install(stack);
    const pathContext = { stack, meter, api, actors, probe, kpiMeter, logMeter, queueMeter };
    const taskStates = await readTaskStates(REPO_ROOT);
    const kpiBefore = kpiMeter.snapshot();
    const mixPaths = await measurePaths(pathContext, taskStates);
    log('escalated path: store A on a 24x7 SLA of seconds, up to level 3');
    const escalated = await measureEscalatedPath(pathContext, taskStates, actors.admin);
    const kpiCounting = kpiMeter.since(kpiBefore);
    const paths = { ...mixPaths, [ESCALATED_PATH]: escalated.path };
    log('recheck turns: store B, signalRecheckAfter PT1S');
    const recheck = await measureRecheck(pathContext, taskStates, storefront(api, stack.apiKeys.storeB));
    logMeter.uninstall();
    queueMeter.uninstall();

    // Every execution the bench started must have ended well: a failed one is a product fault to report.
    const executionsByStatus: Record<string, number> = {};
    for (const execution of await stack.engine.listExecutions()) {
      executionsByStatus[execution.status] = (executionsByStatus[execution.status] ?? 0) + 1;
      if (execution.status !== 'SUCCEEDED') {
        log(`execution ${execution.name} is ${execution.status}: ${execution.error ?? ''} ${execution.cause ?? ''}`);
      }
    }

    // 5. An SLA policy save on a store with many open cases. Last: its cases stay in store A's unassigned queue.
    log(`policy save: store A with ${SETTINGS.openCases} open cases, re-timed by the work queue`);
    const policySave = await measurePolicySave({ stack, meter, admin: actors.admin }, SETTINGS.openCases);

    // 5b. The console's queue page on store A with 1,000 open cases (issue 19), the policy save's cases included.
    log(`console queue: store A with ${CONSOLE_OPEN_CASES} open cases, ${SETTINGS.reportSamples} samples per page`);
    const consoleQueue = await measureConsoleQueue(
      { stack, alreadyOpen: SETTINGS.openCases },
      { openCases: CONSOLE_OPEN_CASES, samples: SETTINGS.reportSamples },
      log,
    );
    const consoleP95 = Math.max(...consoleQueue.pages.map((page) => page.p95Ms));

    // 6. Report latency at two volumes (issue 12): the last whole quarter, which nothing above touched.
    const [small, large] = SETTINGS.reportStoreSizes;
    log(
      `report latency: ${small} vs ${large} cases over the last quarter, ${SETTINGS.reportSamples} samples per report`,
    );
    const reportScale = await measureReportScale(
      { stack, meter, api, signIn: (username) => signIn(api, username) },
      { sizes: SETTINGS.reportStoreSizes, samples: SETTINGS.reportSamples, concurrency: DATASET_CONCURRENCY },
      log,
    );

    // 7. Cost.
    const reply = roundTrips.reply;
    if (!reply) throw new Error('The reply was not measured');
    const cost = modelCost(
      { paths, reply, ladderSteps: escalated.escalation.steps, recheck, kmsCallers: keyCallers() },
      prices,
    );

    const floorBundle = bundles.bundles.find((bundle) => bundle.kind === 'floor');
    const emptyHandler = bundles.bundles.find((bundle) => bundle.kind === 'reference');
    const handlers = bundles.bundles.filter((bundle) => bundle.kind !== 'floor' && bundle.kind !== 'reference');
    const approveAndResolve = paths.approvedResolved.transitions;
    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
      settings: { ...SETTINGS, concurrency: CONCURRENCY, headlineConcurrency: HEADLINE_CONCURRENCY },
      intake: {
        ...headline,
        byConcurrency: levels,
        dynamoRoundTripsPerIntake: {
          api: round(apiIntakeUse.roundTrips / Math.max(1, apiCalls)),
          floor: round(floorIntakeUse.roundTrips / Math.max(1, floorCalls)),
          apiByOperation: Object.fromEntries(
            Object.entries(apiIntakeUse.byOperation).map(([op, n]) => [op, round(n / Math.max(1, apiCalls), 3)]),
          ),
        },
        workflowStartsHeldBack: heldStarts,
      },
      roundTrips,
      bundles: handlers.map(({ name, kb, importMs, importRatio, importSamplesMs, weights }) => ({
        name,
        kb,
        importMs,
        importRatio,
        importSamplesMs,
        weights,
      })),
      bundleFloor: floorBundle
        ? {
            name: floorBundle.name,
            kb: floorBundle.kb,
            importMs: floorBundle.importMs,
            importSamplesMs: floorBundle.importSamplesMs,
            weights: floorBundle.weights,
          }
        : undefined,
      bundleReference: emptyHandler
        ? {
            name: emptyHandler.name,
            kb: emptyHandler.kb,
            importMs: emptyHandler.importMs,
            importSamplesMs: emptyHandler.importSamplesMs,
            importRatio: emptyHandler.importRatio,
            weights: emptyHandler.weights,
          }
        : undefined,
      bundleBuild: {
        nodeVersion: bundles.nodeVersion,
        buildMs: bundles.buildMs,
        importPhaseMs: bundles.importPhaseMs,
        samples: SETTINGS.importSamples,
      },
      transitions: Object.fromEntries(
        Object.entries(paths).map(([name, figures]) => [name, figures.transitions]),
      ) as BenchResults['transitions'],
      paths,
      escalation: escalated.escalation,
      recheck,
      workflowExecutions: executionsByStatus,
      policySave,
      kpiCounting,
      reportScale: { ...reportScale, concurrency: DATASET_CONCURRENCY },
      consoleQueue,
      intakeBurst: burst,
      costPer1000Cases: cost,
      targets: {
        consoleQueueRenderP95: {
          target: '<= 150 ms (1,000 open cases)',
          measured: `${consoleP95} ms`,
          met: consoleP95 <= 150,
        },
        throughputRatioAtC8: { target: '>= 0.8', measured: String(headline.ratio), met: headline.ratio >= 0.8 },
        p99VsFloorAtC8: { target: '<= 2x', measured: `${headline.p99Ratio}x`, met: headline.p99Ratio <= 2 },
        roundTripsPerIntake: {
          target: '1',
          measured: String(roundTrips.createCase?.roundTrips),
          met: roundTrips.createCase?.roundTrips === 1,
        },
        ...bundleTargets(bundles.bundles),
        approveAndResolvePathTransitions: {
          target: '<= 12',
          measured: String(approveAndResolve),
          met: approveAndResolve <= 12,
          ...(approveAndResolve <= 12 ? {} : { why: cost.floors.stepFunctions }),
        },
        costPer1000Cases: {
          target: '<= $1.00 (logs, KMS, SQS, S3 in)',
          measured: `$${cost.total}`,
          met: cost.total <= 1,
          ...(cost.total <= 1
            ? {}
            : { why: `largest parts: ${largestParts(cost.breakdown)}; floors in costPer1000Cases.floors` }),
        },
        failedWorkflowsAfterBurst: {
          target: '0',
          measured: String(burst.failedWorkflows + burst.unsettled),
          met: burst.failedWorkflows === 0 && burst.unsettled === 0,
        },
      },
      elapsedMs: 0,
    };
    results.elapsedMs = round(performance.now() - began, 0);
    await writeFile(join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(renderTable(results));
    log(`done in ${round(results.elapsedMs / 1000, 1)} s; wrote bench/results.json`);
  } finally {
    gate.remove();
    kpiMeter.uninstall();
    logMeter.uninstall();
    queueMeter.uninstall();
    probe?.close();
    floorClient?.destroy();
    await stack.stop();
  }
};

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
