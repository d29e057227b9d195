import type { MixPathName, PathFigures, PathName } from './lifecycle.js';
import type { RecheckFigures } from './recheck.js';
import type { OperationFigures } from './round-trips.js';
import { round } from './stats.js';
import type { WorkflowCycleFigures } from './workflow-cycles.js';

export interface Prices {
  date: string;
  region: string;
  prices: Record<
    | 'apiGatewayRestPerMillionRequests'
    | 'lambdaPerMillionRequests'
    | 'lambdaPerGbSecondArm64'
    | 'dynamoDbOnDemandPerMillionWriteRequestUnits'
    | 'dynamoDbOnDemandPerMillionReadRequestUnits'
    | 'stepFunctionsStandardPer1000Transitions'
    | 'sesPer1000Emails',
    { usd: number; source: string }
  >;
  lambdaMemoryMb: number;
  helpdeskSeatPerMonth: Record<string, { usd: number; source: string }>;
}

/**
 * The stated mix of case paths the cost is modelled for (an assumption, not a measurement): most requests are approved
 * and handled to resolution, some are rejected by policy, a few go through a supervisor's review, some are withdrawn.
 */
export const PATH_MIX: Record<MixPathName, number> = {
  approvedResolved: 0.7,
  rejected: 0.15,
  manualReview: 0.05,
  cancelled: 0.1,
};

/**
 * Stated, not measured: the share of cases whose first response is missed and whose ladder reaches each level. One case
 * in ten breaches (level 1, its agent reminded); three in a hundred stay unanswered after that, up to the supervisor
 * (level 2) and the admins (level 3).
 */
export const ESCALATION_SHARES: ReadonlyArray<{ level: number; share: number }> = [
  { level: 1, share: 0.1 },
  { level: 2, share: 0.03 },
  { level: 3, share: 0.03 },
];

/** What one case (or one action) uses, as measured: the inputs of the price list. */
export type Usage = Pick<
  PathFigures,
  | 'apiRequests'
  | 'apiMs'
  | 'taskInvocations'
  | 'taskMs'
  | 'readCapacityUnits'
  | 'writeCapacityUnits'
  | 'transitions'
  | 'emails'
>;

interface UsdPer1000 {
  usdPer1000: number;
  breakdown: Record<string, number>;
}

export interface CostModel {
  mix: Record<MixPathName, number>;
  assumptions: string[];
  /** Each path alone, as if every case took it (`escalated` is not in the mix: see `slaEscalation`). */
  perPath: Record<PathName, UsdPer1000>;
  /** USD per 1,000 cases for the mix alone, by service. */
  mixBreakdown: Record<string, number>;
  /**
   * The SLA ladder for the stated shares of breached cases: each level's step as measured on the escalated path
   * (EscalateOverdue, RouteProgress, the wait again; its DynamoDB work and its email), USD per 1,000 steps, and
   * folded in: sum of share x step, USD per 1,000 cases.
   */
  slaEscalation: {
    shares: ReadonlyArray<{ level: number; share: number }>;
    perStep: Array<{ level: number } & UsdPer1000>;
  } & UsdPer1000;
  /** USD per 1,000 cases for the mix and the SLA ladder, by service and in total. */
  breakdown: Record<string, number>;
  total: number;
  /**
   * What one more staff reply per case adds, USD per 1,000 cases: the measured reply (its HTTP request, latency and
   * DynamoDB capacity) and its email. The paths have one reply each; real cases often have several.
   */
  perExtraReply: UsdPer1000;
  /**
   * Not in `total`: what the recheck safety net adds per day a case is parked (a wait wakes every
   * `signalRecheckAfter`, `DEFAULT_SIGNAL_RECHECK_AFTER` unless the store sets it, with nothing due), USD per 1,000
   * cases per day.
   */
  recheckPerCaseDay: UsdPer1000;
  /** Of `total`: what the KPI counters add (issue 12); absent when the paths were measured without the KPI meter. */
  kpiCounters?: KpiCountersCost;
  helpdeskSeatPerMonth: Record<string, number>;
}

/**
 * The KPI counters' part of the cost: the KPI table's items in each counting write's transaction (write units) and
 * the counting path's extra read of the case with its timeline (read units), per case of the mix and for the stated
 * ladder shares (a ladder step's counting work = the escalated path's minus approvedResolved's, over its steps).
 */
export interface KpiCountersCost {
  /** Per case, mix and ladder: counting writes, KPI table write units, extra read units. */
  perCase: { countingWrites: number; kpiWriteUnits: number; extraReadUnits: number };
  /**
   * USD per 1,000 cases: `kpiWrites` + `extraReads`, the writes modelled at 2 units per KPI item; `total` prices the
   * units DynamoDB Local reported (2 per table per transaction), so it holds only `reportedUsdPer1000` of them.
   */
  usdPer1000: number;
  breakdown: { kpiWrites: number; extraReads: number };
  reportedUsdPer1000: number;
  /** `total` less the counters: what the same cases cost without them. */
  totalWithoutCounters: number;
  /** `total` with the KPI writes at their modelled units instead of DynamoDB Local's. */
  totalWithModelledCounters: number;
}

/** USD per case, by service. */
const usageCost = (usage: Usage, prices: Prices): Record<string, number> => {
  const p = prices.prices;
  const gb = prices.lambdaMemoryMb / 1024;
  // Lambda bills per started millisecond; each request at the mean measured latency of its kind.
  const apiMsPerRequest = usage.apiRequests > 0 ? usage.apiMs / usage.apiRequests : 0;
  const lambdaSeconds = (usage.apiRequests * Math.max(1, Math.ceil(apiMsPerRequest)) + Math.ceil(usage.taskMs)) / 1000;
  return {
    apiGateway: (usage.apiRequests * p.apiGatewayRestPerMillionRequests.usd) / 1e6,
    lambdaRequests: ((usage.apiRequests + usage.taskInvocations) * p.lambdaPerMillionRequests.usd) / 1e6,
    lambdaCompute: lambdaSeconds * gb * p.lambdaPerGbSecondArm64.usd,
    dynamoDb:
      (usage.writeCapacityUnits * p.dynamoDbOnDemandPerMillionWriteRequestUnits.usd) / 1e6 +
      (usage.readCapacityUnits * p.dynamoDbOnDemandPerMillionReadRequestUnits.usd) / 1e6,
    stepFunctions: (usage.transitions * p.stepFunctionsStandardPer1000Transitions.usd) / 1000,
    ses: (usage.emails * p.sesPer1000Emails.usd) / 1000,
  };
};

const per1000 = (perCase: Record<string, number>): UsdPer1000 => ({
  usdPer1000: round(Object.values(perCase).reduce((a, b) => a + b, 0) * 1000, 5),
  breakdown: Object.fromEntries(Object.entries(perCase).map(([key, usd]) => [key, round(usd * 1000, 5)])),
});

/** A workflow turn without an HTTP request: its Lambdas, DynamoDB capacity, transitions and emails. */
const workflowUsage = (
  turn: Pick<
    WorkflowCycleFigures,
    'taskInvocations' | 'taskMs' | 'readCapacityUnits' | 'writeCapacityUnits' | 'transitions'
  > & {
    emails?: number;
  },
): Usage => ({
  apiRequests: 0,
  apiMs: 0,
  taskInvocations: turn.taskInvocations,
  taskMs: turn.taskMs,
  readCapacityUnits: turn.readCapacityUnits,
  writeCapacityUnits: turn.writeCapacityUnits,
  transitions: turn.transitions,
  emails: turn.emails ?? 0,
});

/** The ladder step that took `level`; a step that took several levels (a late workflow) is shared evenly. */
const stepAt = (
  steps: readonly WorkflowCycleFigures[],
  level: number,
): { step: WorkflowCycleFigures; part: number } => {
  const step = steps.find((candidate) => candidate.levels.includes(level));
  if (!step) throw new Error(`The escalated path took no step to level ${level}`);
  return { step, part: 1 / step.levels.length };
};

const scaled = (perCase: Record<string, number>, factor: number): Record<string, number> =>
  Object.fromEntries(Object.entries(perCase).map(([key, usd]) => [key, usd * factor]));

const addInto = (sum: Record<string, number>, perCase: Record<string, number>, factor: number): void => {
  for (const [key, usd] of Object.entries(perCase)) sum[key] = (sum[key] ?? 0) + usd * factor;
};

const rounded = (usd: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(usd).map(([key, value]) => [key, round(value, 5)]));

export interface CostInputs {
  paths: Record<PathName, PathFigures>;
  reply: OperationFigures;
  ladderSteps: readonly WorkflowCycleFigures[];
  recheck: RecheckFigures;
}

/**
 * Cost per 1,000 cases from measured counts: API requests and their latency, Lambda invocations and task time,
 * DynamoDB capacity units, state transitions and emails per path, priced with bench/prices.json; the SLA ladder for
 * the stated shares of breached cases; what one more reply per case adds, from the measured reply; and, beside the
 * total, what each day a case is parked adds through the recheck.
 */
const kpiCountersCost = (
  paths: Record<PathName, PathFigures>,
  ladderSteps: readonly WorkflowCycleFigures[],
  prices: Prices,
  total: number,
): KpiCountersCost | undefined => {
  const counted = Object.values(paths).every((figures) => figures.kpiCounting !== undefined);
  if (!counted) return undefined;
  const use = (name: PathName) => paths[name].kpiCounting as NonNullable<PathFigures['kpiCounting']>;
  const perCase = { countingWrites: 0, kpiWriteUnits: 0, extraReadUnits: 0, kpiWriteUnitsReported: 0 };
  const add = (figures: Pick<NonNullable<PathFigures['kpiCounting']>, keyof typeof perCase>, factor: number) => {
    perCase.countingWrites += figures.countingWrites * factor;
    perCase.kpiWriteUnits += figures.kpiWriteUnits * factor;
    perCase.extraReadUnits += figures.extraReadUnits * factor;
    perCase.kpiWriteUnitsReported += figures.kpiWriteUnitsReported * factor;
  };
  for (const [name, share] of Object.entries(PATH_MIX) as Array<[MixPathName, number]>) add(use(name), share);
  const steps = Math.max(1, ladderSteps.length);
  const perStep = (key: keyof typeof perCase) =>
    Math.max(0, (use('escalated')[key] - use('approvedResolved')[key]) / steps);
  const ladderShare = ESCALATION_SHARES.reduce((sum, { share }) => sum + share, 0);
  add(
    {
      countingWrites: perStep('countingWrites'),
      kpiWriteUnits: perStep('kpiWriteUnits'),
      extraReadUnits: perStep('extraReadUnits'),
      kpiWriteUnitsReported: perStep('kpiWriteUnitsReported'),
    },
    ladderShare,
  );
  const p = prices.prices;
  const kpiWrites = (perCase.kpiWriteUnits * p.dynamoDbOnDemandPerMillionWriteRequestUnits.usd) / 1000;
  const extraReads = (perCase.extraReadUnits * p.dynamoDbOnDemandPerMillionReadRequestUnits.usd) / 1000;
  const reportedWrites = (perCase.kpiWriteUnitsReported * p.dynamoDbOnDemandPerMillionWriteRequestUnits.usd) / 1000;
  return {
    perCase: {
      countingWrites: round(perCase.countingWrites),
      kpiWriteUnits: round(perCase.kpiWriteUnits),
      extraReadUnits: round(perCase.extraReadUnits),
    },
    usdPer1000: round(kpiWrites + extraReads, 5),
    breakdown: { kpiWrites: round(kpiWrites, 5), extraReads: round(extraReads, 5) },
    reportedUsdPer1000: round(reportedWrites + extraReads, 5),
    totalWithoutCounters: round(total - reportedWrites - extraReads, 4),
    totalWithModelledCounters: round(total - reportedWrites + kpiWrites, 4),
  };
};

export const modelCost = ({ paths, reply, ladderSteps, recheck }: CostInputs, prices: Prices): CostModel => {
  const perPath = Object.fromEntries(
    Object.entries(paths).map(([name, figures]) => [name, per1000(usageCost(figures, prices))]),
  ) as CostModel['perPath'];
  const mixUsd: Record<string, number> = {};
  for (const [name, share] of Object.entries(PATH_MIX) as Array<[MixPathName, number]>) {
    addInto(mixUsd, usageCost(paths[name], prices), 1000 * share);
  }
  const escalationUsd: Record<string, number> = {};
  const perStep = ESCALATION_SHARES.map(({ level, share }) => {
    const { step, part } = stepAt(ladderSteps, level);
    const perStepUsd = scaled(usageCost(workflowUsage(step), prices), part);
    addInto(escalationUsd, perStepUsd, 1000 * share);
    return { level, ...per1000(perStepUsd) };
  });
  const breakdown: Record<string, number> = {};
  addInto(breakdown, mixUsd, 1);
  addInto(breakdown, escalationUsd, 1);
  const extraReply = usageCost(
    {
      apiRequests: 1,
      apiMs: reply.medianMs,
      taskInvocations: 0,
      taskMs: 0,
      readCapacityUnits: reply.readCapacityUnits,
      writeCapacityUnits: reply.writeCapacityUnits,
      transitions: 0,
      emails: 1,
    },
    prices,
  );
  const total = round(
    Object.values(breakdown).reduce((a, b) => a + b, 0),
    4,
  );
  const kpiCounters = kpiCountersCost(paths, ladderSteps, prices, total);
  const shares = ESCALATION_SHARES.map(({ level, share }) => `level ${level} ${Math.round(share * 100)} %`).join(', ');
  return {
    mix: PATH_MIX,
    assumptions: [
      `Prices: ${prices.region}, list, ${prices.date}, no free tier (bench/prices.json).`,
      `Lambda at ${prices.lambdaMemoryMb} MB arm64; each API request billed for its measured client-side latency (an upper bound: it includes the local HTTP hop); workflow tasks billed for their measured time in the local engine; cold starts not included.`,
      "API requests per case: the HTTP calls each path made (paths[].apiCalls): the intake; the supervisor's case view and review; the agent's queue, case view, first reply and resolution; the customer's cancellation. Further replies (see perExtraReply), notes, status changes and the customer's status reads are not included.",
      `Path mix (stated): ${Object.entries(PATH_MIX)
        .map(([name, share]) => `${name} ${Math.round(share * 100)} %`)
        .join(', ')}.`,
      "DynamoDB: capacity units as reported by DynamoDB Local (ReturnConsumedCapacity INDEXES: tables and global secondary indexes), priced as on-demand request units. The KPI counters (issue 12) are in every path as measured: the KPI table items in each counting transaction and the counting path's extra read of the case with its timeline (kpiCounters).",
      'Step Functions: billed transitions = StateEntered + StateRetried events of the execution on the local engine.',
      `SLA ladder (stated shares of all cases reaching each level of the first response's ladder): ${shares}; each step priced as measured on the escalated path (store A, 24x7 calendar, targets and steps of 1 s). The default policy's warning at 75 % of the target and the resolution's own ladder are not included.`,
      `Recheck (not in the total): a parked wait wakes every ${recheck.defaultPeriod} with nothing due, ${recheck.perCaseDay.rechecks} times a day, each turn as measured on store B (signalRecheckAfter ${recheck.measuredWith}).`,
    ],
    perPath,
    mixBreakdown: rounded(mixUsd),
    slaEscalation: { shares: ESCALATION_SHARES, perStep, ...per1000(scaled(escalationUsd, 1 / 1000)) },
    breakdown: rounded(breakdown),
    total,
    perExtraReply: per1000(extraReply),
    recheckPerCaseDay: per1000(usageCost(workflowUsage(recheck.perCaseDay), prices)),
    ...(kpiCounters ? { kpiCounters } : {}),
    helpdeskSeatPerMonth: Object.fromEntries(
      Object.entries(prices.helpdeskSeatPerMonth).map(([name, seat]) => [name, seat.usd]),
    ),
  };
};
