/* The printed report: the same figures as bench/results.json, as plain-text tables. */
import { ATTACHMENT_ASSUMPTIONS } from './cost.js';
import type { BenchResults } from './bench-results.js';
import type { BundleFigure } from './bundles.js';
import { round } from './stats.js';
import type { WorkflowCycleFigures } from './workflow-cycles.js';

const table = (title: string, header: string[], rows: Array<Array<string | number>>): string => {
  const cells = [header, ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number),
      )
      .join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return `\n${title}\n${line(header)}\n${rule}\n${cells.slice(1).map(line).join('\n')}\n`;
};

/** DynamoDB calls by operation, e.g. `Queryx1 TransactWriteItemsx1`. */
const callsCell = (byOperation: Record<string, number>): string =>
  Object.entries(byOperation)
    .map(([op, n]) => `${op}x${n}`)
    .join(' ') || '-';

/** The services a figure is made of, zero ones left out: `lambdaRequests 0.2, dynamoDb 0.01`. */
const nonZeroServices = (breakdown: Record<string, number>): string =>
  Object.entries(breakdown)
    .filter(([, usd]) => usd > 0)
    .map(([service, usd]) => `${service} ${usd}`)
    .join(', ');

/** Table 3: each bundle's size, import time, ratio to the floor and its `top` heaviest sources (esbuild metafile). */
export const renderBundleTable = (
  measured: { nodeVersion: string; samples: number; bundles: readonly BundleFigure[] },
  top: number,
): string =>
  table(
    `3. Bundles as CDK builds them (esbuild ESM node22, minified, SDK inside); import in a fresh ${measured.nodeVersion} process, median of ${measured.samples}; x floor = import over the DynamoDB-document-client handler's`,
    ['bundle', 'KB', 'import ms', 'x floor', `heaviest sources (KB, of ${top})`],
    measured.bundles.map((bundle) => [
      bundle.name,
      bundle.kb,
      bundle.importMs,
      bundle.kind === 'floor' ? 1 : (bundle.importRatio ?? '-'),
      (bundle.weights ?? [])
        .slice(0, top)
        .map((weight) => `${weight.source} ${weight.kb}`)
        .join(', '),
    ]),
  );

export const renderTable = (results: BenchResults): string => {
  const out: string[] = [];
  out.push(
    `after-sales bench (${results.mode}), ${results.machine.cpus} CPUs, ${results.machine.node}, ${results.generatedAt}`,
  );

  out.push(
    table(
      `1. Intake: API vs DynamoDB floor (same writes, same DynamoDB Local, A/B batches; ${results.settings.cases} cases per side per level)`,
      [
        'concurrency',
        'api n',
        'api req/s',
        'floor req/s',
        'ratio',
        'api p50',
        'api p95',
        'api p99',
        'floor p50',
        'floor p95',
        'floor p99',
        'p99 x',
      ],
      results.intake.byConcurrency.map((level) => [
        level.concurrency,
        level.api.count + (level.api.errors ? ` (${level.api.errors} err)` : ''),
        level.api.rps,
        level.floor.rps,
        level.ratio,
        level.api.p50Ms,
        level.api.p95Ms,
        level.api.p99Ms,
        level.floor.p50Ms,
        level.floor.p95Ms,
        level.floor.p99Ms,
        level.p99Ratio,
      ]),
    ),
  );
  out.push(
    `   latencies in ms; DynamoDB round trips per intake during the run: api ${results.intake.dynamoRoundTripsPerIntake.api} ` +
      `(${Object.entries(results.intake.dynamoRoundTripsPerIntake.apiByOperation)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}), floor ${results.intake.dynamoRoundTripsPerIntake.floor}\n`,
  );

  out.push(
    table(
      '2. Work per request (warm: store configuration cached; median of samples; minimums are stated, see results.json minimumWhy)',
      ['operation', 'round trips', 'minimum', 'RCU', 'WCU', 'signals', 'ms', 'calls'],
      Object.entries(results.roundTrips).map(([name, figures]) => [
        name,
        figures.roundTrips,
        figures.minimum,
        figures.readCapacityUnits,
        figures.writeCapacityUnits,
        figures.signals,
        figures.medianMs,
        callsCell(figures.byOperation),
      ]),
    ),
  );

  out.push(
    renderBundleTable(
      {
        nodeVersion: results.bundleBuild.nodeVersion,
        samples: results.bundleBuild.samples,
        bundles: [
          ...(results.bundleFloor ? [{ ...results.bundleFloor, kind: 'floor' as const }] : []),
          ...(results.bundleReference ? [{ ...results.bundleReference, kind: 'reference' as const }] : []),
          ...results.bundles.map((bundle) => ({ ...bundle, kind: 'http' as const })),
        ],
      },
      3,
    ),
  );

  out.push(
    table(
      '4. Workflow per lifecycle path (local engine execution records; DynamoDB and HTTP calls for the whole path incl. intake)',
      [
        'path',
        'ended in',
        'transitions',
        'history events',
        'lambda tasks',
        'task ms',
        'API calls',
        'DDB trips',
        'RCU',
        'WCU',
        'emails (staff)',
        'log KB',
        'queue msgs',
      ],
      Object.entries(results.paths).map(([name, path]) => [
        name,
        `${path.endState} ${path.status}`,
        path.transitions,
        path.historyEvents,
        path.taskInvocations,
        path.taskMs,
        path.apiRequests,
        path.dynamoRoundTrips,
        path.readCapacityUnits,
        path.writeCapacityUnits,
        `${path.emails} (${path.emailsToStaff})`,
        path.logBytes === undefined ? '-' : round(path.logBytes / 1024, 1),
        path.queueMessages ?? '-',
      ]),
    ),
  );

  out.push(
    Object.entries(results.paths)
      .map(([name, path]) => `   ${name} API calls: ${path.apiCalls.join(', ')}`)
      .join('\n') +
      `\n   workflow executions of the whole run: ${Object.entries(results.workflowExecutions)
        .map(([status, count]) => `${count} ${status}`)
        .join(', ')}\n`,
  );

  const cycleRow = (label: string, turn: WorkflowCycleFigures): Array<string | number> => [
    label,
    turn.levels.join('+') || '-',
    turn.breaches.join('+') || '-',
    turn.transitions,
    turn.taskInvocations,
    turn.taskMs,
    turn.dynamoRoundTrips,
    turn.readCapacityUnits,
    turn.writeCapacityUnits,
    turn.emails,
    callsCell(turn.byOperation),
  ];
  const cycleHeader = [
    'turn',
    'levels',
    'breach',
    'transitions',
    'lambda tasks',
    'task ms',
    'DDB trips',
    'RCU',
    'WCU',
    'emails',
    'calls',
  ];
  const { escalation, recheck } = results;
  out.push(
    table(
      `4b. SLA ladder of the escalated path, turn by turn (${escalation.store}, 24x7, first response ${escalation.policy.targets.P3?.firstResponse}, next level every ${escalation.policy.escalation.repeatEvery}; DynamoDB by time window)`,
      cycleHeader,
      escalation.steps.map((step, index) => cycleRow(`step ${index + 1}`, step)),
    ),
  );
  out.push(
    table(
      `4c. Recheck turns, nothing due (${recheck.store}, default SLA policy, signalRecheckAfter ${recheck.measuredWith})`,
      cycleHeader,
      recheck.turns.map((turn, index) => cycleRow(`recheck ${index + 1}`, turn)),
    ),
  );
  const day = recheck.perCaseDay;
  out.push(
    `   at the default ${recheck.defaultPeriod}, a case parked one day rechecks ${day.rechecks} times: ${day.transitions} transitions, ` +
      `${day.taskInvocations} Lambda invocations, ${day.dynamoRoundTrips} DynamoDB round trips (${day.readCapacityUnits} RCU, ${day.writeCapacityUnits} WCU)\n`,
  );

  const save = results.policySave;
  out.push(
    table(
      `4d. SLA policy save on a store with ${save.openCases.toLocaleString('en-US')} open cases (${save.store}; the work queue re-times them after the answer)`,
      ['open cases', 'save answered ms', 'all re-timed ms', 're-timed', 'cases/s', 'DynamoDB per case'],
      [
        [
          save.openCases,
          save.saveMs,
          save.allRetimedMs,
          `${save.retimed}/${save.openCases}`,
          save.casesPerSecond,
          save.dynamoRoundTripsPerCase,
        ],
      ],
    ),
  );

  const counting = results.kpiCounting;
  if (counting) {
    const per = (value: number, writes: number) => (writes > 0 ? round(value / writes) : '-');
    out.push(
      table(
        `4e. KPI counters' extra DynamoDB work per counting write (the lifecycle paths of 4, escalated included; ${counting.countingWrites} counting writes, ${counting.plainUpdates} other case writes without extra work)`,
        ['change (its events)', 'writes', 'KPI items', 'KPI WCU (2/item)', 'extra RCU'],
        [
          ...Object.entries(counting.byChange)
            .sort(([, a], [, b]) => b.writes - a.writes)
            .map(([label, use]) => [
              label,
              use.writes,
              per(use.kpiItemsWritten, use.writes),
              per(use.kpiWriteUnits, use.writes),
              per(use.extraReadUnits, use.writes),
            ]),
          [
            'per counting write',
            counting.countingWrites,
            per(counting.kpiItemsWritten, counting.countingWrites),
            per(counting.kpiWriteUnits, counting.countingWrites),
            per(counting.extraReadUnits, counting.countingWrites),
          ],
        ],
      ),
    );
    out.push(
      `   extra reads: ${counting.extraReadRoundTrips} round trips (the consistent Query of the case with its timeline; a store-cache refresh) for ${counting.countingWrites} counting writes; ` +
        `KPI WCU modelled at 2 per item (transactional, under 1 KB): DynamoDB Local reported ${counting.kpiWriteUnitsReported} for the ${counting.kpiItemsWritten} items (2 per table per transaction)`,
    );
  }

  const scale = results.reportScale;
  if (scale) {
    out.push(
      table(
        `6. Report latency at two volumes (${scale.quarter}, ${scale.from}..${scale.to}; GET over HTTP by each store's supervisor, client side, ms; ${scale.reports[0]?.small.samples ?? 0} samples per store)`,
        [
          'report',
          'cases',
          'p50',
          'p95',
          'items read',
          'DDB trips',
          'RCU',
          'cases',
          'p50',
          'p95',
          'items read',
          'DDB trips',
          'RCU',
          'p50 ratio',
          'p95 ratio',
        ],
        scale.reports.map(({ report, small, large, p50Ratio, p95Ratio }) => [
          report,
          small.cases,
          small.p50Ms,
          small.p95Ms,
          small.itemsRead,
          small.dynamoRoundTrips,
          small.readCapacityUnits,
          large.cases,
          large.p50Ms,
          large.p95Ms,
          large.itemsRead,
          large.dynamoRoundTrips,
          large.readCapacityUnits,
          p50Ratio,
          p95Ratio,
        ]),
      ),
    );
    out.push(
      `   datasets (through the KPI-counting case store, ${scale.concurrency} cases at a time): ` +
        scale.datasets
          .map(
            (set) =>
              `${set.storeId} ${set.cases} cases, ${set.writes} writes in ${(set.buildMs / 1000).toFixed(1)} s, the quarter report counts ${set.counted}`,
          )
          .join('; '),
    );
  }

  const burst = results.intakeBurst;
  if (burst) {
    const retried = Object.entries(burst.retries).map(([state, count]) => `${state} ${count}`);
    const failures = Object.entries(burst.failures).map(([failure, count]) => `${failure} ${count}`);
    out.push(
      `\n7. Burst: ${burst.intakes} intakes, ${burst.concurrency} at a time (a stack of its own; store A's agents at ${burst.agentCapacity} cases each)\n` +
        `   failed workflows: ${burst.failedWorkflows}${failures.length > 0 ? ` (${failures.join(', ')})` : ''}; ` +
        `filed ${burst.filed}, refused ${burst.rejected}; assigned ${burst.assigned}, waiting ${burst.waiting}, still moving ${burst.unsettled}\n` +
        `   intake ${burst.intakeSeconds} s, every workflow parked or ended after ${burst.settleSeconds} s; step retries: ${retried.join(', ') || 'none'}\n`,
    );
  }

  const cost = results.costPer1000Cases;
  const services = Object.keys(cost.breakdown);
  const escalationShares = cost.slaEscalation.shares
    .map(({ level, share }) => `L${level} ${Math.round(share * 100)}%`)
    .join(', ');
  out.push(
    table(
      `5. Cost per 1,000 cases, USD (mix ${Object.entries(cost.mix)
        .map(([name, share]) => `${name} ${Math.round(share * 100)}%`)
        .join(', ')}; SLA ladder ${escalationShares} of cases)`,
      ['path', ...services, 'total'],
      [
        ...Object.entries(cost.perPath).map(([name, path]) => [
          name,
          ...services.map((s) => path.breakdown[s] ?? '-'),
          path.usdPer1000,
        ]),
        [
          'mix',
          ...services.map((s) => cost.mixBreakdown[s] ?? '-'),
          round(
            Object.values(cost.mixBreakdown).reduce((a, b) => a + b, 0),
            4,
          ),
        ],
        ['+ SLA ladder', ...services.map((s) => cost.slaEscalation.breakdown[s] ?? '-'), cost.slaEscalation.usdPer1000],
        ['total', ...services.map((s) => cost.breakdown[s] ?? '-'), cost.total],
      ],
    ),
  );
  out.push(
    `   escalated is priced alone (every case up the ladder), not in the mix; one ladder step per 1,000 steps: ` +
      cost.slaEscalation.perStep.map((step) => `level ${step.level} $${step.usdPer1000}`).join(', '),
  );
  out.push(
    `   one more staff reply per case adds $${cost.perExtraReply.usdPer1000} per 1,000 cases (` +
      `${nonZeroServices(cost.perExtraReply.breakdown)})`,
  );
  out.push(
    `   not in the total: each day a case is parked adds $${cost.recheckPerCaseDay.usdPer1000} per 1,000 cases through the recheck (` +
      `${nonZeroServices(cost.recheckPerCaseDay.breakdown)})`,
  );
  if (cost.kpiCounters) {
    const kpi = cost.kpiCounters;
    out.push(
      `   the KPI counters: $${kpi.usdPer1000} per 1,000 cases (KPI table writes $${kpi.breakdown.kpiWrites} at 2 WCU per item, extra reads $${kpi.breakdown.extraReads}; ` +
        `per case ${kpi.perCase.countingWrites} counting writes, ${kpi.perCase.kpiWriteUnits} WCU, ${kpi.perCase.extraReadUnits} RCU); the total holds $${kpi.reportedUsdPer1000} of it (DynamoDB Local's units): ` +
        `$${kpi.totalWithModelledCounters} with the modelled writes, $${kpi.totalWithoutCounters} without the counters`,
    );
  }
  const month = cost.perMonth;
  out.push(
    `   per attachment (${ATTACHMENT_ASSUMPTIONS.sizeMb} MB, ${ATTACHMENT_ASSUMPTIONS.perCase} per case in the total): requests $${cost.perAttachment.requestsUsd}; ` +
      `storage, not in the total: $${cost.perAttachment.storageUsdPerMonth} a month, $${cost.perAttachment.storageUsdOverRetention} over its ${ATTACHMENT_ASSUMPTIONS.retentionDays} days`,
  );
  out.push(
    `   per month, whatever the volume: KMS keys $${month.kmsKeys}, cached data-key requests up to $${month.kmsCachedKeyRequests} ` +
      `(${month.kmsCallers.roleTablePairs} role-table pairs, ${month.kmsCallers.queueProducers} queue producers, ${month.kmsCallers.queueConsumers} consumer), ` +
      `SQS idle polling ~$${month.sqsIdlePolling}; Cognito $${month.cognitoPerStaffUser} per staff user signing in`,
  );
  for (const [component, floor] of Object.entries(cost.floors)) out.push(`   floor, ${component}: ${floor}`);
  out.push(
    `   beside it, one helpdesk seat per month: ${Object.entries(cost.helpdeskSeatPerMonth)
      .map(([name, usd]) => `${name} $${usd}`)
      .join(', ')}` +
      ` (one seat-month = ${Math.round((Math.min(...Object.values(cost.helpdeskSeatPerMonth)) / cost.total) * 1000).toLocaleString('en-US')} cases at the modelled rate)\n`,
  );

  out.push(
    table(
      'Targets (issue 4)',
      ['target', 'goal', 'measured', 'met'],
      Object.entries(results.targets).map(([name, target]) => [
        name,
        target.target,
        target.measured,
        target.met ? 'yes' : `NO: ${target.why ?? 'see above'}`,
      ]),
    ),
  );
  // One line per miss that says what stands in the way.
  for (const [name, target] of Object.entries(results.targets)) {
    if (!target.met && target.why) out.push(`   ${name}: ${target.why}`);
  }
  out.push(`\nelapsed ${(results.elapsedMs / 1000).toFixed(1)} s\n`);
  return out.join('\n');
};
