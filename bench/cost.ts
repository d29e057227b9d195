import type { PathFigures, PathName } from './lifecycle.js';
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

export interface CostModel {
  mix: Record<PathName, number>;
  assumptions: string[];
  perPath: Record<PathName, { usdPer1000: number; breakdown: Record<string, number> }>;
  /** USD per 1,000 cases for the mix, by service and in total. */
  breakdown: Record<string, number>;
  total: number;
  helpdeskSeatPerMonth: Record<string, number>;
}

/**
 * Cost per 1,000 cases from measured counts: API requests and their latency, Lambda invocations and task time,
 * DynamoDB capacity units, state transitions and emails per path, priced with bench/prices.json.
 */
export const modelCost = (paths: Record<PathName, PathFigures>, prices: Prices): CostModel => {
  const p = prices.prices;
  const gb = prices.lambdaMemoryMb / 1024;
  const perPath = {} as CostModel['perPath'];
  const breakdown: Record<string, number> = {
    apiGateway: 0,
    lambdaRequests: 0,
    lambdaCompute: 0,
    dynamoDb: 0,
    stepFunctions: 0,
    ses: 0,
  };
  for (const [name, share] of Object.entries(PATH_MIX) as Array<[PathName, number]>) {
    const figures = paths[name];
    const lambdaInvocations = figures.apiRequests + figures.taskInvocations;
    // Lambda bills per started millisecond; each request at the path's mean measured latency.
    const apiMsPerRequest = figures.apiRequests > 0 ? figures.apiMs / figures.apiRequests : 0;
    const lambdaSeconds =
      (figures.apiRequests * Math.max(1, Math.ceil(apiMsPerRequest)) + Math.ceil(figures.taskMs)) / 1000;
    const perCase: Record<string, number> = {
      apiGateway: (figures.apiRequests * p.apiGatewayRestPerMillionRequests.usd) / 1e6,
      lambdaRequests: (lambdaInvocations * p.lambdaPerMillionRequests.usd) / 1e6,
      lambdaCompute: lambdaSeconds * gb * p.lambdaPerGbSecondArm64.usd,
      dynamoDb:
        (figures.writeCapacityUnits * p.dynamoDbOnDemandPerMillionWriteRequestUnits.usd) / 1e6 +
        (figures.readCapacityUnits * p.dynamoDbOnDemandPerMillionReadRequestUnits.usd) / 1e6,
      stepFunctions: (figures.transitions * p.stepFunctionsStandardPer1000Transitions.usd) / 1000,
      ses: (figures.emails * p.sesPer1000Emails.usd) / 1000,
    };
    const per1000 = Object.fromEntries(Object.entries(perCase).map(([key, usd]) => [key, round(usd * 1000, 5)]));
    perPath[name] = {
      usdPer1000: round(Object.values(perCase).reduce((a, b) => a + b, 0) * 1000, 5),
      breakdown: per1000,
    };
    for (const [key, usd] of Object.entries(perCase)) breakdown[key] = (breakdown[key] ?? 0) + usd * 1000 * share;
  }
  const rounded = Object.fromEntries(Object.entries(breakdown).map(([key, usd]) => [key, round(usd, 5)]));
  return {
    mix: PATH_MIX,
    assumptions: [
      `Prices: ${prices.region}, list, ${prices.date}, no free tier (bench/prices.json).`,
      `Lambda at ${prices.lambdaMemoryMb} MB arm64; each API request billed for its measured client-side latency on the path (an upper bound: it includes the local HTTP hop); workflow tasks billed for their measured time in the local engine; cold starts not included.`,
      "API requests per case: the HTTP calls each path made (paths[].apiCalls): the intake; the supervisor's case view and review; the agent's queue, case view, first reply and resolution; the customer's cancellation. Further replies, notes, status changes and the customer's status reads are not included.",
      `Path mix (stated): ${Object.entries(PATH_MIX)
        .map(([name, share]) => `${name} ${Math.round(share * 100)} %`)
        .join(', ')}.`,
      'DynamoDB: capacity units as reported by DynamoDB Local (ReturnConsumedCapacity TOTAL), priced as on-demand request units.',
      'Step Functions: billed transitions = StateEntered + StateRetried events of the execution on the local engine.',
    ],
    perPath,
    breakdown: rounded,
    total: round(
      Object.values(breakdown).reduce((a, b) => a + b, 0),
      4,
    ),
    helpdeskSeatPerMonth: Object.fromEntries(
      Object.entries(prices.helpdeskSeatPerMonth).map(([name, seat]) => [name, seat.usd]),
    ),
  };
};
