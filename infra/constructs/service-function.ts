import { join } from 'node:path';
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  Architecture,
  LoggingFormat,
  Runtime,
  Tracing,
  ApplicationLogLevel,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Capabilities } from '../../functions/wiring/capabilities.js';
import { capabilityDefines } from '../../functions/wiring/capability-flags.js';
import { METRICS_NAMESPACE } from '../../functions/wiring/metrics.js';
import { WORK_QUEUE } from '../../functions/wiring/queues.js';
import { tableByName, type TableName } from '../../functions/wiring/tables.js';
import { TASK_FUNCTION_TIMEOUT_SECONDS } from '../../functions/wiring/workflow-retry-policy.js';
import { REPO_ROOT, SERVICE_NAME } from '../config.js';
import { FUNCTION_BUNDLING } from '../function-bundling.js';
import { deploymentStackOf } from './deployment-stack.js';
import type { SurveyLinkResources } from './survey.js';

/**
 * The storefront usage plan's name. Functions that register keys find the plan by it: a reference to its id would be a
 * dependency cycle (the plan needs the API's stage, which needs every route's function).
 */
export const storefrontUsagePlanName = (stackName: string): string => `${stackName}-storefronts`;

/** An API Gateway management ARN of this region (`/apikeys`, `/usageplans/<id>/keys`, ...). */
export const apiGateway = (path: string): string => `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::${path}`;

/**
 * `http` handlers live in `functions/handlers/http/`, workflow `task` handlers in `functions/handlers/tasks/`, `schedule`
 * handlers (run by an EventBridge rule) in `functions/handlers/schedules/`, `queue` consumers in `functions/handlers/queues/`.
 */
export type FunctionKind = 'http' | 'task' | 'schedule' | 'queue';

const HANDLER_FOLDERS: Record<FunctionKind, string> = {
  http: 'http',
  task: 'tasks',
  schedule: 'schedules',
  queue: 'queues',
};

export const FUNCTION_DEFAULTS = {
  memorySize: 512,
  /** A queue consumer's own comes from its declaration (`functions/wiring/queues.ts`). */
  timeout: {
    http: Duration.seconds(10),
    task: Duration.seconds(TASK_FUNCTION_TIMEOUT_SECONDS),
    schedule: Duration.seconds(60),
    queue: Duration.seconds(60),
  },
  logRetention: RetentionDays.THREE_MONTHS,
} as const;

/** Every object key the functions read or presign lives under this prefix; IAM is scoped to it. */
export const ATTACHMENTS_PREFIX = 'attachments/';

export const handlerEntry = (kind: FunctionKind, handler: string): string =>
  join(REPO_ROOT, 'functions', 'handlers', HANDLER_FOLDERS[kind], `${handler}.ts`);

export interface ServiceFunctionProps {
  kind: FunctionKind;
  /** Handler module, without extension, under the kind's folder; it exports `handler`. */
  handler: string;
  description: string;
  /** The route's or task's declaration: the adapters its bundle contains and, through `bindCapabilities`, may use. */
  capabilities: Capabilities;
  /** The kind's default (`FUNCTION_DEFAULTS.timeout`) when absent. */
  timeout?: Duration;
}

/**
 * A Lambda function of this service with its defaults carried once: Node 22 on arm64, an ESM bundle (`FUNCTION_BUNDLING`:
 * AWS SDK included, but only the clients its capabilities use), active tracing, JSON logs into its own log group with a
 * retention, and a role that may write to that log group and nothing else until `bindCapabilities` grants more.
 */
export class ServiceFunction extends NodejsFunction {
  readonly kind: FunctionKind;
  readonly capabilities: Capabilities;
  readonly logGroupOwned: LogGroup;
  readonly serviceRole: Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    // The log group and the role are siblings: they must exist before the function that uses them.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: FUNCTION_DEFAULTS.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${id} function (${SERVICE_NAME})`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs on every log group): write to this function's log group only.
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: handlerEntry(props.kind, props.handler),
      handler: 'handler',
      description: props.description.slice(0, 256),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: FUNCTION_DEFAULTS.memorySize,
      timeout: props.timeout ?? FUNCTION_DEFAULTS.timeout[props.kind],
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
      },
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      projectRoot: REPO_ROOT,
      bundling: {
        format: OutputFormat.ESM,
        target: FUNCTION_BUNDLING.target,
        mainFields: [...FUNCTION_BUNDLING.mainFields],
        banner: FUNCTION_BUNDLING.banner,
        minify: FUNCTION_BUNDLING.minify,
        keepNames: FUNCTION_BUNDLING.keepNames,
        sourceMap: FUNCTION_BUNDLING.sourcemap,
        sourcesContent: FUNCTION_BUNDLING.sourcesContent,
        externalModules: [...FUNCTION_BUNDLING.external],
        logLevel: LogLevel.WARNING,
        // Only the AWS clients of the declared capabilities end up in the bundle.
        define: capabilityDefines(props.capabilities),
      },
    });
    this.kind = props.kind;
    this.capabilities = props.capabilities;
    this.logGroupOwned = logGroup;
    this.serviceRole = role;
  }
}

/** The deployed resources a capability can refer to. */
export interface CapabilityResources {
  tables: Readonly<Record<TableName, ITable>>;
  /** The customer-managed key encrypting the tables and the attachments bucket. */
  dataKey: IKey;
  /** The case state machine's ARN, built from its fixed name (a Ref would close a cycle through the task functions). */
  stateMachineArn: string;
  attachmentsBucket: IBucket;
  mail: { from: string; identityArn: string; configurationSetName: string; configurationSetArn: string };
  /** The survey key secret and where links point (`Survey`). */
  surveyLinks: SurveyLinkResources;
  /** The background work queue (`WorkQueues`), encrypted with the data key. */
  workQueue: IQueue;
}

const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];
const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:GenerateDataKey'];

/** The condition that a KMS key is used only through this service (on the caller's behalf). */
export const viaService = (
  service: 'dynamodb' | 's3' | 'secretsmanager' | 'sqs',
): Record<string, Record<string, string>> => ({
  StringEquals: { 'kms:ViaService': `${service}.${Aws.REGION}.amazonaws.com` },
});

/**
 * Turns a route's or task's declared capabilities into environment variables and least-privilege IAM statements:
 * named actions only (no `*`), on the named table and its declared indexes, the state machine, the object prefix,
 * the SES identity and configuration set, the survey key secret and the base-URL parameter (by name); the data key
 * only through the service that uses it.
 */
export const bindCapabilities = (fn: ServiceFunction, resources: CapabilityResources): void => {
  const { capabilities } = fn;
  const dynamoKeyActions = new Set<string>();
  for (const [name, access] of Object.entries(capabilities.tables ?? {}) as Array<
    [TableName, 'read' | 'readWrite' | undefined]
  >) {
    if (access === undefined) continue;
    const declaration = tableByName(name);
    const table = resources.tables[name];
    fn.addEnvironment(declaration.envVar, table.tableName);
    const writes = access === 'readWrite';
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: writes ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : TABLE_READ_ACTIONS,
        resources: [table.tableArn],
      }),
    );
    if (declaration.indexes.length > 0) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: declaration.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
        }),
      );
    }
    for (const action of writes ? [...KEY_READ_ACTIONS, ...KEY_WRITE_ACTIONS] : KEY_READ_ACTIONS)
      dynamoKeyActions.add(action);
  }
  if (dynamoKeyActions.size > 0) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...dynamoKeyActions],
        resources: [resources.dataKey.keyArn],
        conditions: viaService('dynamodb'),
      }),
    );
  }

  const workflow = capabilities.workflow ?? [];
  if (workflow.length > 0) fn.addEnvironment('STATE_MACHINE_ARN', resources.stateMachineArn);
  if (workflow.includes('start')) {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [resources.stateMachineArn] }),
    );
  }
  if (workflow.includes('signal')) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [resources.stateMachineArn],
      }),
    );
  }

  if (capabilities.sendsEmail) {
    fn.addEnvironment('MAIL_FROM', resources.mail.from);
    fn.addEnvironment('SES_CONFIGURATION_SET', resources.mail.configurationSetName);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [resources.mail.identityArn, resources.mail.configurationSetArn],
      }),
    );
  }

  if (capabilities.attachments) {
    const bucket = resources.attachmentsBucket;
    fn.addEnvironment('ATTACHMENTS_BUCKET', bucket.bucketName);
    const presigns = capabilities.attachments === 'presign';
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [presigns ? 's3:PutObject' : 's3:GetObject'],
        resources: [bucket.arnForObjects(`${ATTACHMENTS_PREFIX}*`)],
      }),
    );
    // No s3:ListBucket: HeadObject then answers a missing key with 403, which the adapter reads as absent; listing
    // would reveal every store's attachment keys.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [presigns ? 'kms:GenerateDataKey' : 'kms:Decrypt'],
        resources: [resources.dataKey.keyArn],
        conditions: viaService('s3'),
      }),
    );
  }

  if (capabilities.enqueuesWork) {
    fn.addEnvironment(WORK_QUEUE.urlEnvVar, resources.workQueue.queueUrl);
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [resources.workQueue.queueArn] }),
    );
    // What SQS needs of the queue's key to store a message: a data key, and Decrypt to reuse a cached one.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [resources.dataKey.keyArn],
        conditions: viaService('sqs'),
      }),
    );
  }

  if (capabilities.surveyLinks) {
    const survey = resources.surveyLinks;
    fn.addEnvironment('SURVEY_KEY_SECRET_ARN', survey.keySecret.secretArn);
    // What `secret.grantRead` grants, narrowed and kept in the function's own policy: GetSecretValue on this secret
    // only (no DescribeSecret), and kms:Decrypt on the data key through Secrets Manager only. `grantRead` would put
    // the kms:Decrypt in the key's policy instead, one principal per function.
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [survey.keySecret.secretArn] }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [resources.dataKey.keyArn],
        conditions: viaService('secretsmanager'),
      }),
    );
    if ('url' in survey.baseUrl) {
      fn.addEnvironment('SURVEY_BASE_URL', survey.baseUrl.url);
    } else {
      // By name, not by a reference to the parameter: the parameter holds the API's URL (see `Survey`).
      fn.addEnvironment('SURVEY_BASE_URL_PARAMETER', survey.baseUrl.parameterName);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [survey.baseUrl.parameterArn] }),
      );
    }
  }

  if (capabilities.storefrontKeys) {
    fn.addEnvironment('STOREFRONT_USAGE_PLAN_NAME', storefrontUsagePlanName(deploymentStackOf(fn).stackName));
  }
  if (capabilities.storefrontKeys === 'register') {
    // Find the plan by name; create an API key with the given value. Adding it to the plan is granted on the plan's
    // own ARN by the Api construct (`api.ts`, which owns the plan). No update or delete.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['apigateway:GET'], resources: [apiGateway('/usageplans')] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['apigateway:POST'], resources: [apiGateway('/apikeys')] }));
  }
  if (capabilities.storefrontKeys === 'retire') {
    // Disable a replaced key (PATCH /enabled). Key ids are issued at run time, so no narrower ARN exists.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['apigateway:PATCH'], resources: [apiGateway('/apikeys/*')] }));
  }
};
