import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { AuthKind } from '../functions/wiring/routes.js';
import type { AfterSalesStack } from './after-sales-stack.js';
import { ATTACHMENTS_BUCKET_ARN_PARAMETER } from './constructs/function-stacks.js';
import { ATTACHMENTS_PREFIX, ServiceFunction } from './constructs/service-function.js';

/**
 * Every cdk-nag (AwsSolutions) finding this stack acknowledges, each on the narrowest construct and with its reason.
 * Everything else AwsSolutions checks is resolved in the constructs themselves (see infra/README.md). A new finding
 * fails `cdk synth` and test/infra/nag.test.ts until it is fixed or acknowledged here with a specific reason.
 */

const acknowledge = (scope: IConstruct, id: string, reason: string): void => {
  Validations.of(scope).acknowledge({ id, reason });
};

const NODE_22_RUNTIME =
  'Node.js 22 is deliberate: the toolchain, the tests and the local stack run Node 22 (package.json engines and the node@22 ' +
  'devDependency), so the runtime in Lambda is the one every test ran on. nodejs22.x is a supported Lambda runtime (Node 22 ' +
  'LTS until April 2027); the move to nodejs24.x happens together with the toolchain.';

const XRAY_ON_FUNCTION_ROLE =
  'Added by Lambda active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
  'permissions (no resource types in the Service Authorization Reference), so Resource must be "*". Grants no data access.';

const STATE_MACHINE_ROLE =
  'Step Functions tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) and vended ' +
  'log delivery to CloudWatch Logs (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ' +
  'ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) support no resource-level permissions; ' +
  'AWS requires Resource "*". lambda:InvokeFunction is granted on the task function ARNs only.';

const ATTACHMENT_OBJECTS =
  `Object-level grant on the ${ATTACHMENTS_PREFIX} prefix of this stack's attachments bucket only: object keys are ` +
  'generated per upload, so they cannot be listed in advance. One action only: s3:GetObject to read evidence, or ' +
  's3:PutObject to presign an upload URL; no listing (no s3:ListBucket), deletion or bucket-level action.';

const API_GATEWAY_CLOUDWATCH_ROLE =
  'The account-level API Gateway CloudWatch Logs role (AWS::ApiGateway::Account) that stage access and execution logging ' +
  'require. AWS documents the AmazonAPIGatewayPushToCloudWatchLogs managed policy for it; the role serves every REST API ' +
  "of the account and region, so it cannot be narrowed to this stack's log groups.";

const NO_WAF =
  'No WAF web ACL on this stage because it was deployed without -c waf=true (the web ACL, with a rate-based rule per ' +
  'client IP, costs about USD 5/month plus per-request fees; infra/README.md, docs/keys-and-limits.md). Without it: ' +
  'storefront routes need a per-store API key, limited per key by the usage plan (rate, burst, daily quota); routes ' +
  'without a credential (survey page, OpenAPI document) have their own per-method throttling, below the stage limit, so ' +
  'anonymous traffic cannot use up the stage; staff routes need a Cognito ID token, and the user pool blocks credential ' +
  'stuffing and risky sign-ins (Plus threat protection, TOTP MFA required). Bodies: API Gateway accepts up to 10 MB and ' +
  'has no body models here; Lambda refuses an invocation over 6 MB before any code runs, and every function refuses a ' +
  'body over 64 KB (32 KB for pages) with 413 before parsing it, then validates it with its zod schema.';

const SURVEY_KEY_NOT_ROTATED =
  'Deliberately not rotated automatically: the secret is the HMAC key of survey links, and every link emailed stays ' +
  'valid for its survey window (surveyExpiresAfter, 14 days by default). A scheduled rotation would void every open ' +
  'link at once; rotating safely needs a key id in the token and two live keys, which this design does not have. ' +
  'It is rotated by hand when needed (suspected exposure): put a new random value of 64 letters and digits ' +
  '(aws secretsmanager put-secret-value), then make the survey functions cold-start (a configuration change of ' +
  'each; steps in infra/README.md, "Survey links"); links sent before then stop working. The value is encrypted with the stack ' +
  'key, readable only by the functions that declare surveyLinks, and never leaves them.';

const STOREFRONT_KEY_RETIREMENT =
  'apigateway:PATCH on /apikeys/*: the scheduled key sweep disables (PATCH /enabled false) each replaced storefront ' +
  'key once its overlap has ended or it was revoked. API Gateway key ids are issued at run time, by each rotation, so no ' +
  'narrower resource exists. PATCH updates a key; it cannot read a key value, create or delete keys, or change usage ' +
  'plans. Granted to the retireGatewayKeys schedule (storefrontKeys: retire) and no other function. Adding a key to the ' +
  "usage plan is granted on the stage's plan ARN only, so it needs no acknowledgement.";

/** Staff routes have the Cognito user-pool authorizer (APIG4 and COG4 pass); the others are acknowledged here. */
const METHOD_AUTH: Record<Exclude<AuthKind, 'staff'>, string> = {
  apiKey:
    'Storefront route: the callers are store backends, authenticated by a per-store API Gateway API key (apiKeyRequired, ' +
    'usage-plan throttling and quota); the handler resolves the store from the SHA-256 hash of the key. There is no end user ' +
    'to sign in on this route, so no Cognito token: staff routes use the user-pool authorizer.',
  public:
    'Public by design: the OpenAPI description of this API (no table, bucket, workflow or email permission), and the ' +
    'customer survey page, whose credential is the HMAC-signed, single-use, expiring token in its path (customers have no ' +
    'account to sign in with; a forged or unknown token reads nothing beyond the signature check). Each such method has ' +
    'its own throttling, below the stage limit (API_LIMITS.publicMethod in infra/constructs/api.ts).',
  console:
    "Staff console page: a browser navigating to it sends no Authorization header, so the gateway's Cognito authorizer " +
    'cannot guard it. The function checks the staff session instead: an HMAC-SHA256-signed cookie (HttpOnly, SameSite=Lax, ' +
    'Secure on https) issued at sign-in, expiring within 8 hours, keyed by a Secrets Manager secret only the console ' +
    'functions read; without a valid one it answers a redirect to sign-in and reads nothing; every state-changing post ' +
    'also needs the CSRF token bound to the session and a same-origin Origin (functions/http/console/console-route.ts).',
};

export const acknowledgeNagFindings = (stack: AfterSalesStack): void => {
  const functions = stack.node
    .findAll()
    .filter((construct): construct is ServiceFunction => construct instanceof ServiceFunction);
  const bucket = stack.data.attachmentsBucket.node.defaultChild as CfnBucket;
  // The bucket's ARN as the finding names it: its logical id in its own stack; in a function's nested stack, the
  // parameter of a fixed name it is passed in (`FunctionStacks`).
  const bucketArn = (fn: ServiceFunction): string =>
    Stack.of(fn) === Stack.of(bucket)
      ? `${String(Stack.of(bucket).resolve(bucket.logicalId))}.Arn`
      : ATTACHMENTS_BUCKET_ARN_PARAMETER;
  const attachmentObjects = (fn: ServiceFunction): string =>
    `AwsSolutions-IAM5[Resource::<${bucketArn(fn)}>/${ATTACHMENTS_PREFIX}*]`;
  // By each function's declared capabilities, whatever its kind (route, task, schedule, queue consumer).
  for (const fn of functions) {
    acknowledge(fn, 'AwsSolutions-L1', NODE_22_RUNTIME);
    acknowledge(fn.serviceRole, 'AwsSolutions-IAM5[Resource::*]', XRAY_ON_FUNCTION_ROLE);
    if (fn.capabilities.attachments) acknowledge(fn.serviceRole, attachmentObjects(fn), ATTACHMENT_OBJECTS);
    if (fn.capabilities.storefrontKeys === 'retire') {
      acknowledge(
        fn.serviceRole,
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/apikeys/*]',
        STOREFRONT_KEY_RETIREMENT,
      );
    }
  }

  acknowledge(stack.survey.keySecret, 'AwsSolutions-SMG4', SURVEY_KEY_NOT_ROTATED);
  acknowledge(
    stack.consoleSessionKey.secret,
    'AwsSolutions-SMG4',
    'Not rotated on a schedule: the secret is the HMAC key of staff console session cookies (at most 8 hours long) ' +
      'and has no key id, so a rotation signs every staff user out at once. Rotated by hand when needed (put a new ' +
      'random value, then cold-start the console functions); encrypted with the stack key, readable only by the ' +
      'functions that declare consoleSessions.',
  );

  const stateMachineRole = stack.workflow.stateMachine.role;
  acknowledge(stateMachineRole, 'AwsSolutions-IAM5[Resource::*]', STATE_MACHINE_ROLE);

  const cloudWatchRole = stack.api.restApi.node.findChild('CloudWatchRole');
  acknowledge(
    cloudWatchRole,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    API_GATEWAY_CLOUDWATCH_ROLE,
  );
  if (!stack.api.webAcl) acknowledge(stack.api.restApi.deploymentStage, 'AwsSolutions-APIG3', NO_WAF);

  for (const { route, method } of stack.api.routes) {
    if (route.auth === 'staff') continue;
    acknowledge(method, 'AwsSolutions-APIG4', METHOD_AUTH[route.auth]);
    acknowledge(method, 'AwsSolutions-COG4', METHOD_AUTH[route.auth]);
  }
};
