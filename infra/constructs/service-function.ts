import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
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
import type { Construct } from 'constructs';
import type { Capabilities } from '../../functions/wiring/capabilities.js';
import { METRICS_NAMESPACE } from '../../functions/wiring/metrics.js';
import { TASK_FUNCTION_TIMEOUT_SECONDS } from '../../functions/wiring/workflow-retry-policy.js';
import { REPO_ROOT, SERVICE_NAME } from '../config.js';
import { FUNCTION_BUNDLING } from '../function-bundling.js';
import type { CapabilityGrant, CapabilityResources } from '../capability-resources.js';
import { parametersAndSecretsExtension } from '../secret-reading.js';
import { grantAttachments } from '../../functions/capabilities/attachments/grant.js';
import { grantMailer } from '../../functions/capabilities/mailer/grant.js';
import { grantStorefrontKeys } from '../../functions/capabilities/storefront-keys/grant.js';
import { grantSurveyLinks } from '../../functions/capabilities/survey-links/grant.js';
import { grantConsoleSessions } from '../../functions/capabilities/console-sessions/grant.js';
import { grantTables } from '../../functions/capabilities/tables/grant.js';
import { grantWorkQueue } from '../../functions/capabilities/work-queue/grant.js';
import { grantUploads } from '../../functions/capabilities/uploads/grant.js';
import { grantWorkflow } from '../../functions/capabilities/workflow/grant.js';

export {
  apiGateway,
  ATTACHMENTS_PREFIX,
  storefrontUsagePlanName,
  viaService,
  type CapabilityResources,
} from '../capability-resources.js';

/**
 * `http` handlers live in `functions/handlers/http/`, workflow `task` handlers in `functions/handlers/tasks/`, `schedule`
 * handlers (run by an EventBridge rule) in `functions/handlers/schedules/`, `queue` consumers in `functions/handlers/queues/`,
 * `bucketEvent` handlers (run by the attachments bucket's notifications) in `functions/handlers/bucket-events/`.
 */
export type FunctionKind = 'http' | 'task' | 'schedule' | 'queue' | 'bucketEvent';

const HANDLER_FOLDERS: Record<FunctionKind, string> = {
  http: 'http',
  task: 'tasks',
  schedule: 'schedules',
  queue: 'queues',
  bucketEvent: 'bucket-events',
};

export const FUNCTION_DEFAULTS = {
  memorySize: 512,
  /** A queue consumer's own comes from its declaration (`functions/wiring/queues.ts`). */
  timeout: {
    http: Duration.seconds(10),
    task: Duration.seconds(TASK_FUNCTION_TIMEOUT_SECONDS),
    schedule: Duration.seconds(60),
    queue: Duration.seconds(60),
    bucketEvent: Duration.seconds(30),
  },
  logRetention: RetentionDays.THREE_MONTHS,
} as const;

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
      // A layer, so it is set here rather than by the capability's grant.
      paramsAndSecrets: parametersAndSecretsExtension(props.capabilities),
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
        // Options the construct has no property for (esbuild runs from projectRoot, so aliases resolve from there).
        esbuildArgs: {
          '--legal-comments': FUNCTION_BUNDLING.legalComments,
          '--alias': Object.entries(FUNCTION_BUNDLING.alias).map(([module, path]) => `${module}=${path}`),
        },
      },
    });
    this.kind = props.kind;
    this.capabilities = props.capabilities;
    this.logGroupOwned = logGroup;
    this.serviceRole = role;
  }
}

/** Each capability's grant, from its module (`functions/capabilities/<name>/grant.ts`). */
const CAPABILITY_GRANTS: readonly CapabilityGrant[] = [
  grantTables,
  grantWorkflow,
  grantMailer,
  grantAttachments,
  grantUploads,
  grantWorkQueue,
  grantSurveyLinks,
  grantStorefrontKeys,
  grantConsoleSessions,
];

/**
 * Turns a route's or task's declared capabilities into environment variables and least-privilege IAM statements:
 * named actions only (no `*`), on the named table and its declared indexes, the state machine, the object prefix,
 * the SES identity and configuration set, the survey key secret and the base-URL parameter (by name); the data key
 * only through the service that uses it.
 */
export const bindCapabilities = (fn: ServiceFunction, resources: CapabilityResources): void => {
  for (const grant of CAPABILITY_GRANTS) grant(fn, resources);
};
