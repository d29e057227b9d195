import { NestedStack, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { RouteDeclaration } from '../../functions/wiring/routes.js';

/**
 * The nested stacks the functions are deployed in, one per group of routes or background work. Each function keeps its
 * own role, policy and log group (least privilege per route and task); only where it is deployed changes. The parent
 * stack keeps what every group shares: the tables, key, bucket, queues, REST API (its methods and invoke permissions),
 * the state machine, the user pool, the dashboard and the alarms. CloudFormation counts the resources of each stack on
 * its own (500 at most) and its template's size (1 MB at most), so growing the API grows the group stacks, not one
 * stack past its limits.
 */
export const FUNCTION_GROUPS = {
  storefront: 'Functions of the storefront and public routes (API key, survey page, OpenAPI document)',
  staff: 'Functions of the staff routes that work cases (/v1/staff/...)',
  admin: "Functions of the admin and report routes (a store's settings, agents, keys; KPI and CSAT reports)",
  background: 'Functions of the case workflow tasks, the schedules and the work queue consumer',
} as const;

export type FunctionGroup = keyof typeof FUNCTION_GROUPS;

/** A route's group: by its caller (storefront or public, staff), then by its path (admin and reports apart). */
export const routeGroup = (route: Pick<RouteDeclaration, 'auth' | 'path'>): FunctionGroup => {
  if (route.auth !== 'staff') return 'storefront';
  return /^\/v1\/(admin|reports)(\/|$)/.test(route.path) ? 'admin' : 'staff';
};

/** `storefront` -> `StorefrontFunctions`: the construct id, so short logical ids in the parent's references. */
export const functionStackId = (group: FunctionGroup): string =>
  `${group[0]?.toUpperCase() ?? ''}${group.slice(1)}Functions`;

export type FunctionStacks = Readonly<Record<FunctionGroup, NestedStack>>;

/** Creates one nested stack per function group in `parent`. */
export const createFunctionStacks = (parent: Stack): FunctionStacks => {
  const entries = (Object.keys(FUNCTION_GROUPS) as FunctionGroup[]).map(
    (group) =>
      [group, new NestedStack(parent, functionStackId(group), { description: FUNCTION_GROUPS[group] })] as const,
  );
  return Object.fromEntries(entries) as Record<FunctionGroup, NestedStack>;
};

/**
 * The top-level stack a construct is deployed with: its own stack, or the parent of its nested stack. Names built from
 * the stack's name (the usage plan's, the state machine's) are the parent's: a nested stack's own name is generated.
 */
export const deploymentStackOf = (construct: IConstruct): Stack => {
  let stack = Stack.of(construct);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack;
};
