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

/** The stated mix of case paths the cost is modelled for. */
export const PATH_MIX: Record<PathName, number> = { approved: 0.8, rejected: 0.15, manualReviewApproved: 0.05 };

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
 * Cost per 1,000 cases from measured counts: API requests, Lambda invocations and time, DynamoDB capacity units,
 * state transitions and emails per path, priced with bench/prices.json.
 */
export const modelCost = (paths: Record<PathName, PathFigures>, apiLambdaMs: number, prices: Prices): CostModel => {
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
    const lambdaSeconds =
      (figures.apiRequests * Math.max(1, Math.ceil(apiLambdaMs)) + Math.ceil(figures.taskMs)) / 1000;
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
      `Lambda at ${prices.lambdaMemoryMb} MB arm64; each API request billed for the measured p50 intake latency at concurrency 1 (${round(apiLambdaMs)} ms, an upper bound: it includes the local HTTP hop); workflow tasks billed for their measured time in the local engine; cold starts not included.`,
      'API requests per case: the intake, plus the supervisor decision on the manual-review path; status reads by the customer are not included.',
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
