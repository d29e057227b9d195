import type { PathFigures, PathName } from './lifecycle.js';
import type { OperationFigures } from './round-trips.js';
import { round } from './stats.js';

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
export const PATH_MIX: Record<PathName, number> = {
  approvedResolved: 0.7,
  rejected: 0.15,
  manualReview: 0.05,
  cancelled: 0.1,
};

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

export interface CostModel {
  mix: Record<PathName, number>;
  assumptions: string[];
  perPath: Record<PathName, { usdPer1000: number; breakdown: Record<string, number> }>;
  /** USD per 1,000 cases for the mix, by service and in total. */
  breakdown: Record<string, number>;
  total: number;
  /**
   * What one more staff reply per case adds, USD per 1,000 cases: the measured reply (its HTTP request, latency and
   * DynamoDB capacity) and its email. The paths have one reply each; real cases often have several.
   */
  perExtraReply: { usdPer1000: number; breakdown: Record<string, number> };
  helpdeskSeatPerMonth: Record<string, number>;
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

const per1000 = (perCase: Record<string, number>) => ({
  usdPer1000: round(Object.values(perCase).reduce((a, b) => a + b, 0) * 1000, 5),
  breakdown: Object.fromEntries(Object.entries(perCase).map(([key, usd]) => [key, round(usd * 1000, 5)])),
});

/**
 * Cost per 1,000 cases from measured counts: API requests and their latency, Lambda invocations and task time,
 * DynamoDB capacity units, state transitions and emails per path, priced with bench/prices.json; and what one more
 * reply per case adds, from the measured reply.
 */
export const modelCost = (paths: Record<PathName, PathFigures>, reply: OperationFigures, prices: Prices): CostModel => {
  const perPath = {} as CostModel['perPath'];
  const breakdown: Record<string, number> = {};
  for (const [name, share] of Object.entries(PATH_MIX) as Array<[PathName, number]>) {
    const perCase = usageCost(paths[name], prices);
    perPath[name] = per1000(perCase);
    for (const [key, usd] of Object.entries(perCase)) breakdown[key] = (breakdown[key] ?? 0) + usd * 1000 * share;
  }
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
  return {
    mix: PATH_MIX,
    assumptions: [
      `Prices: ${prices.region}, list, ${prices.date}, no free tier (bench/prices.json).`,
      `Lambda at ${prices.lambdaMemoryMb} MB arm64; each API request billed for its measured client-side latency (an upper bound: it includes the local HTTP hop); workflow tasks billed for their measured time in the local engine; cold starts not included.`,
      "API requests per case: the HTTP calls each path made (paths[].apiCalls): the intake; the supervisor's case view and review; the agent's queue, case view, first reply and resolution; the customer's cancellation. Further replies (see perExtraReply), notes, status changes and the customer's status reads are not included.",
      `Path mix (stated): ${Object.entries(PATH_MIX)
        .map(([name, share]) => `${name} ${Math.round(share * 100)} %`)
        .join(', ')}.`,
      'DynamoDB: capacity units as reported by DynamoDB Local (ReturnConsumedCapacity INDEXES: tables and global secondary indexes), priced as on-demand request units.',
      'Step Functions: billed transitions = StateEntered + StateRetried events of the execution on the local engine.',
    ],
    perPath,
    breakdown: Object.fromEntries(Object.entries(breakdown).map(([key, usd]) => [key, round(usd, 5)])),
    total: round(
      Object.values(breakdown).reduce((a, b) => a + b, 0),
      4,
    ),
    perExtraReply: per1000(extraReply),
    helpdeskSeatPerMonth: Object.fromEntries(
      Object.entries(prices.helpdeskSeatPerMonth).map(([name, seat]) => [name, seat.usd]),
    ),
  };
};
