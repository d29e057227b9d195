import type { ConsoleQueueFigures } from './console-queue.js';
import type { PolicySaveFigures } from './policy-save.js';
import type { BundleFigure } from './bundles.js';
import type { CostModel } from './cost.js';
import type { EscalationFigures } from './escalation.js';
import type { KpiCountingUse } from './kpi-counting-meter.js';
import type { LatencySummary } from './intake.js';
import type { IntakeBurstFigures } from './intake-burst.js';
import type { PathFigures, PathName } from './lifecycle.js';
import type { RecheckFigures } from './recheck.js';
import type { ReportScaleFigures } from './report-scale.js';
import type { OperationFigures } from './round-trips.js';

/** One concurrency level of the intake comparison. */
export interface IntakeLevel {
  concurrency: number;
  api: LatencySummary;
  floor: LatencySummary;
  /** API rps / floor rps. */
  ratio: number;
  /** API p99 / floor p99. */
  p99Ratio: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
  /** For a miss: what stands in the way, in one line. */
  why?: string;
}

/** What `npm run bench` writes to bench/results.json and prints (bench/README.md explains each figure). */
export interface BenchResults {
  generatedAt: string;
  mode: 'quick' | 'full';
  machine: { cpus: number; cpuModel: string; node: string };
  settings: Record<string, unknown> & { cases: number };
  /** The headline level's figures, then every level's. */
  intake: IntakeLevel & {
    byConcurrency: IntakeLevel[];
    dynamoRoundTripsPerIntake: { api: number; floor: number; apiByOperation: Record<string, number> };
    workflowStartsHeldBack: number;
  };
  roundTrips: Record<string, OperationFigures>;
  bundles: Array<Omit<BundleFigure, 'kind'>>;
  /** The floor: a handler importing only the DynamoDB document client, bundled like the functions. */
  bundleFloor?: Pick<BundleFigure, 'name' | 'kb' | 'importMs' | 'importSamplesMs' | 'weights'>;
  /** An empty handler, for reference (not a target). */
  bundleReference?: Pick<BundleFigure, 'name' | 'kb' | 'importMs' | 'importSamplesMs' | 'importRatio' | 'weights'>;
  bundleBuild: { nodeVersion: string; buildMs: number; importPhaseMs: number; samples: number };
  transitions: Record<PathName, number>;
  paths: Record<PathName, PathFigures>;
  /** The escalated path's ladder, step by step. */
  escalation: EscalationFigures;
  /** The recheck safety net: turns measured, and per case-day at the default period. */
  recheck: RecheckFigures;
  /** Every execution of the run by status (all SUCCEEDED when the product behaved). */
  workflowExecutions: Record<string, number>;
  /** `PUT /v1/admin/sla` on a store with many open cases: the answer, and the work queue's re-timing after it. */
  policySave: PolicySaveFigures;
  /** The KPI counters' extra work over the lifecycle paths (mix and escalated), by kind of change (issue 12). */
  kpiCounting?: KpiCountingUse;
  /** Report latency and items read at two case volumes over one quarter (issue 12). */
  reportScale?: ReportScaleFigures & { concurrency: number };
  /** 400 intakes at 20 concurrent on a stack of its own: where every workflow ended up (issue 17). */
  intakeBurst?: IntakeBurstFigures;
  costPer1000Cases: CostModel;
  /** The console's queue page on a store with 1,000 open cases (issue 19). */
  consoleQueue?: ConsoleQueueFigures;
  targets: Record<string, TargetCheck>;
  elapsedMs: number;
}
