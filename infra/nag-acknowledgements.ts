import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { AuthKind } from '../functions/wiring/routes.js';
import type { AfterSalesStack } from './after-sales-stack.js';
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
  's3:PutObject to presign an upload URL; no listing, deletion or bucket-level action.';

const API_GATEWAY_CLOUDWATCH_ROLE =
  'The account-level API Gateway CloudWatch Logs role (AWS::ApiGateway::Account) that stage access and execution logging ' +
  'require. AWS documents the AmazonAPIGatewayPushToCloudWatchLogs managed policy for it; the role serves every REST API ' +
  "of the account and region, so it cannot be narrowed to this stack's log groups.";

const NO_WAF =
  'No WAF web ACL on this stage: storefront routes are called server to server with per-store API keys, throttled and ' +
  'capped per key by the usage plan and in total by stage throttling; staff routes need a Cognito ID token, and the user ' +
  'pool already blocks credential stuffing and risky sign-ins (Plus threat protection, TOTP MFA required). API Gateway ' +
  'rejects oversized bodies and every body is schema-validated (zod) before use. A web ACL (about USD 5/month plus ' +
  'per-request fees) can be associated with the stage later without changing the API.';

const SURVEY_KEY_NOT_ROTATED =
  'Deliberately not rotated automatically: the secret is the HMAC key of survey links, and every link emailed stays ' +
  'valid for its survey window (surveyExpiresAfter, 14 days by default). A scheduled rotation would void every open ' +
  'link at once; rotating safely needs a key id in the token and two live keys, which this design does not have. ' +
  'It is rotated by hand when needed (suspected exposure): put a new random value of 64 letters and digits ' +
  '(aws secretsmanager put-secret-value), then make the survey functions cold-start (a configuration change of ' +
  'each; steps in infra/README.md, "Survey links"); links sent before then stop working. The value is encrypted with the stack ' +
  'key, readable only by the functions that declare surveyLinks, and never leaves them.';

const STOREFRONT_KEY_REGISTRATION =
  'apigateway:POST on /usageplans/*/keys: the function adds a newly issued storefront key to the storefront usage plan, ' +
  'found by its name at run time, because a reference to the plan id would be a dependency cycle (the plan needs the ' +
  "API's stage, which needs this function). POST on that path only adds keys to a plan: no update or deletion of plans " +
  'or keys. Granted to the key-rotation route (admins only, storefrontKeys capability) and no other function.';

/** Staff routes have the Cognito user-pool authorizer (APIG4 and COG4 pass); the others are acknowledged here. */
const METHOD_AUTH: Record<Exclude<AuthKind, 'staff'>, string> = {
  apiKey:
    'Storefront route: the callers are store backends, authenticated by a per-store API Gateway API key (apiKeyRequired, ' +
    'usage-plan throttling and quota); the handler resolves the store from the SHA-256 hash of the key. There is no end user ' +
    'to sign in on this route, so no Cognito token: staff routes use the user-pool authorizer.',
  public:
    'Public by design: the OpenAPI description of this API (no table, bucket, workflow or email permission), and the ' +
    'customer survey page, whose credential is the HMAC-signed, single-use, expiring token in its path (customers have no ' +
    'account to sign in with; a forged or unknown token reads nothing beyond the signature check). Stage throttling applies.',
};

export const acknowledgeNagFindings = (stack: AfterSalesStack): void => {
  const functions = stack.node
    .findAll()
    .filter((construct): construct is ServiceFunction => construct instanceof ServiceFunction);
  const bucketLogicalId: unknown = Stack.of(stack).resolve(
    (stack.data.attachmentsBucket.node.defaultChild as CfnBucket).logicalId,
  );
  const attachmentObjects = `AwsSolutions-IAM5[Resource::<${String(bucketLogicalId)}.Arn>/${ATTACHMENTS_PREFIX}*]`;
  // By each function's declared capabilities, whatever its kind (route, task, schedule, queue consumer).
  for (const fn of functions) {
    acknowledge(fn, 'AwsSolutions-L1', NODE_22_RUNTIME);
    acknowledge(fn.serviceRole, 'AwsSolutions-IAM5[Resource::*]', XRAY_ON_FUNCTION_ROLE);
    if (fn.capabilities.attachments) acknowledge(fn.serviceRole, attachmentObjects, ATTACHMENT_OBJECTS);
    if (fn.capabilities.storefrontKeys) {
      acknowledge(
        fn.serviceRole,
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::/usageplans/*/keys]',
        STOREFRONT_KEY_REGISTRATION,
      );
    }
  }

  acknowledge(stack.survey.keySecret, 'AwsSolutions-SMG4', SURVEY_KEY_NOT_ROTATED);

  const stateMachineRole = stack.workflow.stateMachine.role;
  acknowledge(stateMachineRole, 'AwsSolutions-IAM5[Resource::*]', STATE_MACHINE_ROLE);

  const cloudWatchRole = stack.api.restApi.node.findChild('CloudWatchRole');
  acknowledge(
    cloudWatchRole,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    API_GATEWAY_CLOUDWATCH_ROLE,
  );
  acknowledge(stack.api.restApi.deploymentStage, 'AwsSolutions-APIG3', NO_WAF);

  for (const { route, method } of stack.api.routes) {
    if (route.auth === 'staff') continue;
    acknowledge(method, 'AwsSolutions-APIG4', METHOD_AUTH[route.auth]);
    acknowledge(method, 'AwsSolutions-COG4', METHOD_AUTH[route.auth]);
  }
};
