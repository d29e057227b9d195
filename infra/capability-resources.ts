import { Aws } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import type { Capabilities } from '../functions/wiring/capabilities.js';
import type { TableName } from '../functions/wiring/tables.js';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { SurveyLinkResources } from './constructs/survey.js';

/** The deployed resources a capability can refer to. */
export interface CapabilityResources {
  tables: Readonly<Record<TableName, ITable>>;
  /** The customer-managed key encrypting the tables and the attachments bucket. */
  dataKey: IKey;
  /** The case state machine's ARN, built from its fixed name (a Ref would close a cycle through the task functions). */
  stateMachineArn: string;
  attachmentsBucket: IBucket;
  mail: {
    from: string;
    identityArn: string;
    configurationSetName: string;
    configurationSetArn: string;
    /** Where staff emails link the case pages (`consoleBaseUrl`, else `publicBaseUrl` context); none when neither. */
    consoleBaseUrl?: string;
  };
  /** The survey key secret and where links point (`Survey`). */
  surveyLinks: SurveyLinkResources;
  /** The staff console's session key secret (`ConsoleSessionKey`). */
  consoleSessionKey: ISecret;
  /** The console's managed login (`StaffIdentity` with a console domain); none without `consoleDomainPrefix`. */
  consoleSignIn?: {
    /** `https://<prefix>.auth.<region>.amazoncognito.com` */
    domainUrl: string;
    userPoolId: string;
    clientId: string;
    signOutUrl: string;
  };
  /** The background work queue (`WorkQueues`), encrypted with the data key. */
  workQueue: IQueue;
}

/** What a capability's grant (`functions/capabilities/<name>/grant.ts`) needs of a function. */
export interface GrantTarget extends IConstruct {
  readonly capabilities: Capabilities;
  addEnvironment(key: string, value: string): unknown;
  addToRolePolicy(statement: PolicyStatement): void;
}

/** A capability's grant: the variables and least-privilege statements of a function that declares it. */
export type CapabilityGrant = (fn: GrantTarget, resources: CapabilityResources) => void;

/** Every object key the functions read or presign lives under this prefix; IAM is scoped to it. */
export const ATTACHMENTS_PREFIX = 'attachments/';

/** The condition that a KMS key is used only through this service (on the caller's behalf). */
export const viaService = (
  service: 'dynamodb' | 's3' | 'secretsmanager' | 'sqs',
): Record<string, Record<string, string>> => ({
  StringEquals: { 'kms:ViaService': `${service}.${Aws.REGION}.amazonaws.com` },
});

/**
 * The storefront usage plan's name. Functions that register keys find the plan by it: a reference to its id would be a
 * dependency cycle (the plan needs the API's stage, which needs every route's function).
 */
export const storefrontUsagePlanName = (stackName: string): string => `${stackName}-storefronts`;

/** An API Gateway management ARN of this region (`/apikeys`, `/usageplans/<id>/keys`, ...). */
export const apiGateway = (path: string): string => `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::${path}`;
