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
    | 'sesPer1000Emails'
    | 'cloudWatchLogsIngestionPerGb'
    | 'kmsPerMillionRequests'
    | 'kmsCustomerManagedKeyPerMonth'
    | 'sqsStandardPerMillionRequests'
    | 's3StandardPutPer1000Requests'
    | 's3StandardGetPer1000Requests'
    | 's3StandardStoragePerGbMonth'
    | 'cognitoPlusPerMonthlyActiveUser',
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

/**
 * Stated, not measured: what CloudWatch Logs ingests beside the functions' own lines (measured per path). Each log event
 * is billed with 26 bytes of overhead. The state machine logs every history event (`LogLevel.ALL`, no execution
 * data: infra/constructs/workflow.ts), about 350 bytes each; the API stage writes one access log line per request in
 * the 17-field JSON format of infra/constructs/api.ts, about 550 bytes.
 */
export const LOG_ASSUMPTIONS = { eventOverheadBytes: 26, stepFunctionsEventBytes: 350, apiAccessLogBytes: 550 };

/**
 * Stated, not measured: half the cases carry one attachment of 2 MB (a phone photo), uploaded once with its presigned
 * PUT, read twice (the upload recorder's HEAD, one download by staff), kept 400 days (`ATTACHMENT_RETENTION`). The
 * bucket's notification invokes the recorder once per upload (`recorderMs` at the functions' memory, stated), which writes one record
 * (1 write unit) that the attaching request reads (1 strongly consistent read unit). The bucket encrypts with the
 * customer-managed key through an S3 Bucket Key, so objects do not call KMS one by one.
 */
export const ATTACHMENT_ASSUMPTIONS = {
  perCase: 0.5,
  sizeMb: 2,
  puts: 1,
  gets: 2,
  retentionDays: 400,
  recorderMs: 100,
  recordWriteUnits: 1,
  recordReadUnits: 1,
};

/**
 * Stated: the customer-managed keys (the data key of tables, queue, bucket and secret; the alarm topic's) and how
 * long a cached data key serves its caller: DynamoDB caches each table key per caller principal and SQS reuses a data
 * key for `KmsDataKeyReusePeriodSeconds` (300 s by default), so each caller makes at most one KMS request per 5 minutes
 * it is active, whatever the number of cases. The survey secret is read once per container (one Decrypt per cold
 * start). An SQS event source mapping long-polls an idle queue: about 5 pollers, 20 s polls (an estimate).
 */
export const KMS_ASSUMPTIONS = { customerManagedKeys: 2, cachedKeyMinutes: 5 };
export const SQS_ASSUMPTIONS = { requestsPerMessage: 3, idlePollers: 5, longPollSeconds: 20 };

const HOURS_PER_MONTH = 730;
const BYTES_PER_GB = 1e9;

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
> &
  Partial<Pick<PathFigures, 'logBytes' | 'logLines' | 'historyEvents' | 'queueMessages'>> & {
    /** Attachments per case (stated: `ATTACHMENT_ASSUMPTIONS.perCase` on the paths of the mix). */
    attachments?: number;
  };

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
  /** Not per case: what the service costs per month whatever its volume, USD, and per staff user. */
  perMonth: FixedMonthlyCost;
  /** Per attachment (`ATTACHMENT_ASSUMPTIONS`): its requests (in the total) and its storage (not in it), USD. */
  perAttachment: { requestsUsd: number; storageUsdPerMonth: number; storageUsdOverRetention: number };
  /** Where a component cannot go lower with the capabilities kept: its floor and why. */
  floors: Record<string, string>;
}

export interface FixedMonthlyCost {
  /** The customer-managed keys, $1 each. */
  kmsKeys: number;
  /** Upper bound: every caller of a cached data key active all month (KMS_ASSUMPTIONS). */
  kmsCachedKeyRequests: number;
  kmsCallers: { roleTablePairs: number; queueProducers: number; queueConsumers: number };
  /** The work queue's event source mapping polling an idle queue (an estimate). */
  sqsIdlePolling: number;
  /** Cognito (Plus feature plan: MFA, threat protection) per staff user who signs in that month. */
  cognitoPerStaffUser: number;
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
    cloudWatchLogs: (logBytesOf(usage) * p.cloudWatchLogsIngestionPerGb.usd) / BYTES_PER_GB,
    sqs: ((usage.queueMessages ?? 0) * SQS_ASSUMPTIONS.requestsPerMessage * p.sqsStandardPerMillionRequests.usd) / 1e6,
    s3: (usage.attachments ?? 0) * attachmentRequestsUsd(prices),
  };
};

/** Bytes CloudWatch Logs ingests for a use: the functions' lines as measured, the workflow's and the API's as stated. */
export const logBytesOf = (usage: Usage): number => {
  const { eventOverheadBytes, stepFunctionsEventBytes, apiAccessLogBytes } = LOG_ASSUMPTIONS;
  return (
    (usage.logBytes ?? 0) +
    (usage.logLines ?? 0) * eventOverheadBytes +
    (usage.historyEvents ?? 0) * (stepFunctionsEventBytes + eventOverheadBytes) +
    usage.apiRequests * (apiAccessLogBytes + eventOverheadBytes)
  );
};

const attachmentRequestsUsd = (prices: Prices): number => {
  const p = prices.prices;
  const { puts, gets, recorderMs, recordWriteUnits, recordReadUnits } = ATTACHMENT_ASSUMPTIONS;
  const recorder =
    p.lambdaPerMillionRequests.usd / 1e6 +
    (recorderMs / 1000) * (prices.lambdaMemoryMb / 1024) * p.lambdaPerGbSecondArm64.usd +
    (recordWriteUnits * p.dynamoDbOnDemandPerMillionWriteRequestUnits.usd) / 1e6 +
    (recordReadUnits * p.dynamoDbOnDemandPerMillionReadRequestUnits.usd) / 1e6;
  return (puts * p.s3StandardPutPer1000Requests.usd + gets * p.s3StandardGetPer1000Requests.usd) / 1000 + recorder;
};

const attachmentStorageUsdPerMonth = (prices: Prices): number =>
  (ATTACHMENT_ASSUMPTIONS.sizeMb / 1024) * prices.prices.s3StandardStoragePerGbMonth.usd;

const fixedMonthlyCost = (prices: Prices, callers: FixedMonthlyCost['kmsCallers']): FixedMonthlyCost => {
  const p = prices.prices;
  const requestsPerCallerMonth = (60 / KMS_ASSUMPTIONS.cachedKeyMinutes) * HOURS_PER_MONTH;
  const cachedKeyCallers = callers.roleTablePairs + callers.queueProducers + callers.queueConsumers;
  const pollsPerMonth = SQS_ASSUMPTIONS.idlePollers * (3600 / SQS_ASSUMPTIONS.longPollSeconds) * HOURS_PER_MONTH;
  return {
    kmsKeys: KMS_ASSUMPTIONS.customerManagedKeys * p.kmsCustomerManagedKeyPerMonth.usd,
    kmsCachedKeyRequests: round((cachedKeyCallers * requestsPerCallerMonth * p.kmsPerMillionRequests.usd) / 1e6, 3),
    kmsCallers: callers,
    sqsIdlePolling: round((pollsPerMonth * p.sqsStandardPerMillionRequests.usd) / 1e6, 3),
    cognitoPerStaffUser: p.cognitoPlusPerMonthlyActiveUser.usd,
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
  /** Who calls a cached data key of the customer-managed key (bench/fixed-costs.ts). */
  kmsCallers: FixedMonthlyCost['kmsCallers'];
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

export const modelCost = (
  { paths, reply, ladderSteps, recheck, kmsCallers }: CostInputs,
  prices: Prices,
): CostModel => {
  // Every case of a path may carry the stated attachment; the escalated path too (it is priced alone).
  const withAttachments = (figures: PathFigures): Usage => ({
    ...figures,
    attachments: ATTACHMENT_ASSUMPTIONS.perCase,
  });
  const perPath = Object.fromEntries(
    Object.entries(paths).map(([name, figures]) => [name, per1000(usageCost(withAttachments(figures), prices))]),
  ) as CostModel['perPath'];
  const mixUsd: Record<string, number> = {};
  for (const [name, share] of Object.entries(PATH_MIX) as Array<[MixPathName, number]>) {
    addInto(mixUsd, usageCost(withAttachments(paths[name]), prices), 1000 * share);
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
      `CloudWatch Logs: the functions' JSON lines at INFO and above as measured on each path (paths[].logBytes; the deployed functions emit no START/END/REPORT lines at system log level WARN), the state machine's log of every history event at ${LOG_ASSUMPTIONS.stepFunctionsEventBytes} B and the API's access log line per request at ${LOG_ASSUMPTIONS.apiAccessLogBytes} B (stated), ${LOG_ASSUMPTIONS.eventOverheadBytes} B of overhead per event; ingestion only (storage for the 3-month retention is not included). The SLA ladder and recheck turns are priced without their logs.`,
      `SQS: the work queue's messages as measured on each path, ${SQS_ASSUMPTIONS.requestsPerMessage} requests each (send, receive, delete); the event source mapping's polling of an idle queue is a monthly cost (perMonth).`,
      `S3: ${ATTACHMENT_ASSUMPTIONS.perCase} attachment per case of ${ATTACHMENT_ASSUMPTIONS.sizeMb} MB (stated), ${ATTACHMENT_ASSUMPTIONS.puts} PUT and ${ATTACHMENT_ASSUMPTIONS.gets} GET/HEAD each in the total; its storage (perAttachment, kept ${ATTACHMENT_ASSUMPTIONS.retentionDays} days) is not in the total, like DynamoDB's storage.`,
      `KMS: no request per case (data keys cached per caller for ${KMS_ASSUMPTIONS.cachedKeyMinutes} min by DynamoDB and SQS, an S3 Bucket Key on the bucket, the survey secret read once per container); the keys and the cached-key requests are monthly costs (perMonth, an upper bound with every caller active all month).`,
      'Cognito: per staff user who signs in in a month (perMonth.cognitoPerStaffUser), not per case.',
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
    perMonth: fixedMonthlyCost(prices, kmsCallers),
    perAttachment: {
      requestsUsd: round(attachmentRequestsUsd(prices), 8),
      storageUsdPerMonth: round(attachmentStorageUsdPerMonth(prices), 8),
      storageUsdOverRetention: round(
        (attachmentStorageUsdPerMonth(prices) * ATTACHMENT_ASSUMPTIONS.retentionDays) / 30.4,
        6,
      ),
    },
    floors: floorsOf(paths),
  };
};

/** The floor of each component the model prices per case, from the measured approve-to-close path. */
const floorsOf = (paths: Record<PathName, PathFigures>): Record<string, string> => {
  const approved = paths.approvedResolved;
  return {
    stepFunctions: `${approved.transitions} transitions approve-to-close: one per task or wait (AutoReview, AwaitFirstResponse, AwaitResolution, FollowUpCase twice, AwaitAftercare) and one Choice (RouteProgress) after each, because a Standard workflow can only branch on a task's answer through a Choice state, plus the final Succeed. Fewer would need a wait that outlives a signal (the first reply would no longer end the first-response wait) or the survey sent by the resolution itself.`,
    ses: `${approved.emails} emails on approve-to-close (${approved.emailsToStaff} to staff): the acknowledgement naming the agent, the reply's text, the resolution and the survey invitation each tell the customer something new; the survey could ride in the resolution email only by giving up the store's survey delay.`,
    dynamoDb: `${approved.writeCapacityUnits} write and ${approved.readCapacityUnits} read units approve-to-close: every change writes the case, its timeline event and its KPI counters in one transaction (2 units per item), and the cases table's global secondary indexes rewrite their entries on each change of an indexed attribute.`,
    kms: 'No KMS request per case: table and queue data keys are cached per caller (a fixed monthly cost, perMonth.kmsCachedKeyRequests) and the bucket uses an S3 Bucket Key.',
  };
};
