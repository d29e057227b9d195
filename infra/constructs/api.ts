import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  ApiKeySourceType,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  Period,
  RequestValidator,
  ResponseType,
  RestApi,
  type Method,
  type MethodOptions,
  type UsagePlan,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { GATEWAY_MESSAGES } from '../../functions/wiring/gateway-messages.js';
import { ROUTES, type RouteDeclaration } from '../../functions/wiring/routes.js';
import { pascal } from '../config.js';
import type { FunctionPlacement } from './function-stacks.js';
import { RateLimitedWebAcl } from './rate-limited-web-acl.js';
import {
  apiGateway,
  bindCapabilities,
  FUNCTION_DEFAULTS,
  ServiceFunction,
  storefrontUsagePlanName,
  type CapabilityResources,
} from './service-function.js';

export interface ApiProps {
  stage: string;
  /** The routes to deploy: `ROUTES`; the infra tests add the planned routes of open issues to measure the headroom. */
  routes?: readonly RouteDeclaration[];
  /**
   * Where a route's function is created, and the resources its capabilities are bound to there: its group's nested
   * stack (`function-stacks.ts`). The methods and their invoke permissions stay here.
   */
  placement: (route: RouteDeclaration) => FunctionPlacement;
  resources: CapabilityResources;
  /** The staff user pool whose ID tokens the `staff` routes accept. */
  staffUserPool: IUserPool;
  /** Associate a WAF web ACL with a rate-based rule per client IP (`-c waf=true`). */
  waf?: boolean;
}

/** Whole-stage limits (all stores together) and the per-store-key limits of the storefront usage plan. */
export const API_LIMITS = {
  stage: { rateLimit: 100, burstLimit: 200 },
  perStoreKey: { rateLimit: 20, burstLimit: 40, requestsPerDay: 50_000 },
  /**
   * Each method of a route without a credential (survey page, OpenAPI document): anonymous callers can use at most
   * this share of the stage's capacity, leaving the rest to storefronts and staff.
   */
  publicMethod: { rateLimit: 10, burstLimit: 20 },
} as const;

/** `deployOptions.methodOptions` key of a route: its resource path and method. */
export const methodSettingsKey = (route: Pick<RouteDeclaration, 'path' | 'method'>): string =>
  `${route.path}/${route.method}`;

interface ErrorResponse {
  type: ResponseType;
  /** Omitted: keep the status API Gateway chose (several statuses fall under DEFAULT_4XX / DEFAULT_5XX). */
  statusCode?: string;
  code: string;
  /** A JSON string literal, or `$context.error.messageString` (already a quoted JSON string). */
  message: string;
}

const quoted = (text: string): string => JSON.stringify(text);

/** API Gateway's own rejections, in the API's error shape `{"error":{"code","message"}}` (codes as in functions/domain/errors.ts). */
export const GATEWAY_ERRORS: readonly ErrorResponse[] = [
  {
    type: ResponseType.INVALID_API_KEY,
    statusCode: '401',
    code: 'unauthenticated',
    message: quoted(GATEWAY_MESSAGES.unauthenticated),
  },
  // The Cognito authorizer of the staff routes: no token, an expired one, or one another user pool signed.
  {
    type: ResponseType.UNAUTHORIZED,
    statusCode: '401',
    code: 'unauthenticated',
    message: quoted(GATEWAY_MESSAGES.unauthorized),
  },
  {
    type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
    statusCode: '401',
    code: 'unauthenticated',
    message: quoted('Missing credentials, or no such route.'),
  },
  { type: ResponseType.ACCESS_DENIED, statusCode: '403', code: 'forbidden', message: quoted('Access denied.') },
  {
    type: ResponseType.BAD_REQUEST_BODY,
    statusCode: '400',
    code: 'validation_failed',
    message: '$context.error.messageString',
  },
  {
    type: ResponseType.BAD_REQUEST_PARAMETERS,
    statusCode: '400',
    code: 'validation_failed',
    message: '$context.error.messageString',
  },
  {
    type: ResponseType.REQUEST_TOO_LARGE,
    statusCode: '413',
    code: 'payload_too_large',
    message: quoted(GATEWAY_MESSAGES.payloadTooLarge),
  },
  {
    type: ResponseType.UNSUPPORTED_MEDIA_TYPE,
    statusCode: '415',
    code: 'unsupported_media_type',
    message: quoted('Unsupported media type.'),
  },
  {
    type: ResponseType.THROTTLED,
    statusCode: '429',
    code: 'throttled',
    message: quoted('Too many requests; retry later.'),
  },
  {
    type: ResponseType.QUOTA_EXCEEDED,
    statusCode: '429',
    code: 'quota_exceeded',
    message: quoted('Daily request quota exceeded.'),
  },
  { type: ResponseType.DEFAULT_4XX, code: 'bad_request', message: '$context.error.messageString' },
  { type: ResponseType.DEFAULT_5XX, code: 'internal_error', message: quoted(GATEWAY_MESSAGES.internal) },
];

const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: AccessLogField.contextRequestId(),
    extendedRequestId: AccessLogField.contextExtendedRequestId(),
    requestTime: AccessLogField.contextRequestTime(),
    sourceIp: AccessLogField.contextIdentitySourceIp(),
    userAgent: AccessLogField.contextIdentityUserAgent(),
    apiKeyId: AccessLogField.contextIdentityApiKeyId(),
    httpMethod: AccessLogField.contextHttpMethod(),
    resourcePath: AccessLogField.contextResourcePath(),
    protocol: AccessLogField.contextProtocol(),
    status: AccessLogField.contextStatus(),
    responseLength: AccessLogField.contextResponseLength(),
    responseLatency: AccessLogField.contextResponseLatency(),
    integrationStatus: AccessLogField.contextIntegrationStatus(),
    integrationLatency: AccessLogField.contextIntegrationLatency(),
    errorType: AccessLogField.contextErrorResponseType(),
    errorMessage: AccessLogField.contextErrorMessage(),
    xrayTraceId: AccessLogField.contextXrayTraceId(),
  }),
);

const pathParameters = (path: string): string[] =>
  [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1] ?? '');

export interface DeployedRoute {
  route: RouteDeclaration;
  fn: ServiceFunction;
  method: Method;
}

/**
 * The REST API built from `ROUTES`: one function (in its group's nested stack) and one Lambda proxy method (with its
 * invoke permission, here in the parent) per route, API keys required on storefront
 * routes, the staff user pool's authorizer on staff routes, the storefront usage plan (stores' keys are added by `scripts/create-store.ts`), JSON access logs, tracing,
 * throttling, metrics, and API Gateway's own errors in the API's error shape.
 */
export class Api extends Construct {
  readonly restApi: RestApi;
  readonly usagePlan: UsagePlan;
  readonly routes: readonly DeployedRoute[];
  readonly accessLogGroup: LogGroup;
  /** With `-c waf=true` only. */
  readonly webAcl: RateLimitedWebAcl | undefined;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const declaredRoutes = props.routes ?? ROUTES;

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
      retention: FUNCTION_DEFAULTS.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.restApi = new RestApi(this, 'RestApi', {
      restApiName: `${Stack.of(this).stackName}-api`,
      description: 'After-sales service API for storefront backends and the staff console',
      endpointTypes: [EndpointType.REGIONAL],
      apiKeySourceType: ApiKeySourceType.HEADER,
      // Access and execution logging need the account-level API Gateway CloudWatch role; kept on stack deletion
      // because it is shared by every REST API of the account in this region.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stage,
        accessLogDestination: new LogGroupLogDestination(this.accessLogGroup),
        accessLogFormat: ACCESS_LOG_FORMAT,
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        throttlingRateLimit: API_LIMITS.stage.rateLimit,
        throttlingBurstLimit: API_LIMITS.stage.burstLimit,
        methodOptions: Object.fromEntries(
          declaredRoutes
            .filter((route) => route.auth === 'public')
            .map((route) => [
              methodSettingsKey(route),
              {
                throttlingRateLimit: API_LIMITS.publicMethod.rateLimit,
                throttlingBurstLimit: API_LIMITS.publicMethod.burstLimit,
              },
            ]),
        ),
      },
    });

    const validator = new RequestValidator(this, 'RequestValidator', {
      restApi: this.restApi,
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    // Pages take browser form posts (application/x-www-form-urlencoded) as well as JSON, and answer a refused form
    // with the form again: their bodies are validated by the function only, never by a gateway model.
    const pageValidator = new RequestValidator(this, 'PageRequestValidator', {
      restApi: this.restApi,
      validateRequestBody: false,
      validateRequestParameters: true,
    });

    // Staff send their ID token (it carries cognito:groups and the custom store/agent attributes the handlers check);
    // API Gateway verifies its signature, issuer and expiry and passes the claims in requestContext.authorizer.claims.
    const staffAuthorizer = new CognitoUserPoolsAuthorizer(this, 'StaffAuthorizer', {
      authorizerName: 'staff-user-pool',
      cognitoUserPools: [props.staffUserPool],
      identitySource: IdentitySource.header('Authorization'),
    });
    const authorization = (route: RouteDeclaration): MethodOptions => {
      switch (route.auth) {
        case 'staff':
          return { authorizationType: AuthorizationType.COGNITO, authorizer: staffAuthorizer, apiKeyRequired: false };
        case 'apiKey':
          return { authorizationType: AuthorizationType.NONE, apiKeyRequired: true };
        case 'public':
        // The console's pages check the signed session cookie in the function (a browser sends no bearer token).
        case 'console':
          return { authorizationType: AuthorizationType.NONE, apiKeyRequired: false };
      }
    };

    const routes: DeployedRoute[] = [];
    for (const route of declaredRoutes) {
      const placement = props.placement(route);
      const fn = new ServiceFunction(placement.scope, `${pascal(route.name)}Route`, {
        kind: 'http',
        handler: route.handler,
        description: `${route.method} ${route.path}: ${route.summary}`,
        capabilities: route.capabilities,
      });
      bindCapabilities(fn, placement.resources);
      const method = this.restApi.root
        .resourceForPath(route.path)
        .addMethod(route.method, new LambdaIntegration(fn, { proxy: true, allowTestInvoke: false }), {
          operationName: route.name,
          ...authorization(route),
          requestValidator: route.kind === 'page' ? pageValidator : validator,
          requestParameters: Object.fromEntries(
            pathParameters(route.path).map((name) => [`method.request.path.${name}`, true]),
          ),
        });
      routes.push({ route, fn, method });
    }
    this.routes = routes;

    this.usagePlan = this.restApi.addUsagePlan('StorefrontUsagePlan', {
      name: storefrontUsagePlanName(Stack.of(this).stackName),
      description:
        'Per-store limits; each store API key is added to this plan by scripts/create-store.ts and key rotations',
      throttle: { rateLimit: API_LIMITS.perStoreKey.rateLimit, burstLimit: API_LIMITS.perStoreKey.burstLimit },
      quota: { limit: API_LIMITS.perStoreKey.requestsPerDay, period: Period.DAY },
      apiStages: [{ api: this.restApi, stage: this.restApi.deploymentStage }],
    });
    // Adding a key to this plan, granted on this plan only. In a policy of its own, not the function's default one:
    // the function must not depend on the plan (the plan needs the stage, which needs the function).
    const registering = routes.filter(({ route }) => route.capabilities.storefrontKeys === 'register');
    for (const { route, fn } of registering) {
      new Policy(this, `${pascal(route.name)}KeyRegistration`, {
        roles: [fn.serviceRole],
        statements: [
          new PolicyStatement({
            actions: ['apigateway:POST'],
            resources: [apiGateway(`/usageplans/${this.usagePlan.usagePlanId}/keys`)],
          }),
        ],
      });
    }

    this.webAcl = props.waf
      ? new RateLimitedWebAcl(this, 'WebAcl', { stage: this.restApi.deploymentStage })
      : undefined;

    for (const error of GATEWAY_ERRORS) {
      this.restApi.addGatewayResponse(`${error.type.responseType}Response`, {
        type: error.type,
        statusCode: error.statusCode,
        responseHeaders: { 'x-request-id': 'context.requestId', 'content-type': "'application/json'" },
        templates: { 'application/json': `{"error":{"code":${quoted(error.code)},"message":${error.message}}}` },
      });
    }
  }
}
