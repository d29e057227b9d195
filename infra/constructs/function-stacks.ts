import { CfnParameter, NestedStack, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { RouteDeclaration } from '../../functions/wiring/routes.js';
import type { CapabilityResources } from './service-function.js';

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
  staff: 'Functions of the staff routes that work cases (/v1/staff/...) and of the staff console (/console/...)',
  admin: "Functions of the admin and report routes (a store's settings, agents, keys; KPI and CSAT reports)",
  background: 'Functions of the case workflow tasks, the schedules and the work queue consumer',
} as const;

export type FunctionGroup = keyof typeof FUNCTION_GROUPS;

/** A route's group: by its caller (storefront or public, staff), then by its path (admin and reports apart). */
export const routeGroup = (route: Pick<RouteDeclaration, 'auth' | 'path'>): FunctionGroup => {
  if (route.auth === 'console') return 'staff';
  if (route.auth !== 'staff') return 'storefront';
  return /^\/v1\/(admin|reports)(\/|$)/.test(route.path) ? 'admin' : 'staff';
};

/** `storefront` -> `StorefrontFunctions`: the construct id, so short logical ids in the parent's references. */
export const functionStackId = (group: FunctionGroup): string =>
  `${group[0]?.toUpperCase() ?? ''}${group.slice(1)}Functions`;

/** Where a function is created, and the shared resources as its stack sees them (`bindCapabilities` grants on these). */
export interface FunctionPlacement {
  scope: NestedStack;
  resources: CapabilityResources;
}

/** The nested stacks' parameter holding the attachments bucket's ARN (named in an acknowledgement). */
export const ATTACHMENTS_BUCKET_ARN_PARAMETER = 'AttachmentsBucketArn';

/**
 * One nested stack per function group in the parent. CDK passes what a function refers to in the parent as nested
 * stack parameters of generated names; the attachments bucket's ARN is passed as a parameter of a fixed name
 * instead (`AttachmentsBucketArn`), so the IAM5 finding on its `attachments/*` grant names the same resource before and
 * after synthesis, and its acknowledgement (`nag-acknowledgements.ts`) is one string.
 */
export class FunctionStacks {
  readonly stacks: Readonly<Record<FunctionGroup, NestedStack>>;
  private readonly placements = new Map<FunctionGroup, FunctionPlacement>();
  private readonly resources: CapabilityResources;

  constructor(parent: Stack, resources: CapabilityResources) {
    this.resources = resources;
    const entries = (Object.keys(FUNCTION_GROUPS) as FunctionGroup[]).map(
      (group) =>
        [group, new NestedStack(parent, functionStackId(group), { description: FUNCTION_GROUPS[group] })] as const,
    );
    this.stacks = Object.fromEntries(entries) as Record<FunctionGroup, NestedStack>;
  }

  /** The group's stack and resources, the bucket parameters created at the first use. */
  placement(group: FunctionGroup): FunctionPlacement {
    const known = this.placements.get(group);
    if (known) return known;
    const scope = this.stacks[group];
    const passed = (name: string, value: string, description: string): string => {
      const parameter = new CfnParameter(scope, name, { type: 'String', description });
      scope.setParameter(name, value);
      return parameter.valueAsString;
    };
    const bucket = this.resources.attachmentsBucket;
    const attachmentsBucket = Bucket.fromBucketAttributes(scope, 'AttachmentsBucket', {
      bucketArn: passed(ATTACHMENTS_BUCKET_ARN_PARAMETER, bucket.bucketArn, 'ARN of the attachments bucket'),
      bucketName: passed('AttachmentsBucketName', bucket.bucketName, 'Name of the attachments bucket'),
    });
    const placement = { scope, resources: { ...this.resources, attachmentsBucket } };
    this.placements.set(group, placement);
    return placement;
  }
}
