import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { RouteDeclaration } from '../functions/wiring/routes.js';
import type { ScheduleDeclaration } from '../functions/wiring/schedules.js';
import { TABLES } from '../functions/wiring/tables.js';
import { pascal, type DeploymentConfig } from './config.js';
import { Api } from './constructs/api.js';
import { BucketEvents } from './constructs/bucket-events.js';
import { Data } from './constructs/data.js';
import { Email } from './constructs/email.js';
import { FunctionStacks, routeGroup } from './constructs/function-stacks.js';
import { Operations } from './constructs/operations.js';
import { ServiceFunction, type CapabilityResources } from './constructs/service-function.js';
import { Schedules } from './constructs/schedules.js';
import { StaffIdentity } from './constructs/staff-identity.js';
import { Survey } from './constructs/survey.js';
import { WorkQueues } from './constructs/work-queues.js';
import { ConsoleSessionKey } from './constructs/console-session-key.js';
import { Workflow } from './constructs/workflow.js';
import { CONSOLE_CALLBACK_PATH } from '../functions/capabilities/console-sessions/capability.js';

export interface AfterSalesStackProps extends StackProps {
  config: DeploymentConfig;
  /**
   * The routes and schedules deployed: `ROUTES` and `SCHEDULES` when absent. Only the infra tests pass them, to add the
   * planned routes of open issues to the product's and check every stack stays within CloudFormation's limits.
   */
  declarations?: { routes?: readonly RouteDeclaration[]; schedules?: readonly ScheduleDeclaration[] };
}

/**
 * The after-sales service: data (key, tables, attachments), email (SES), staff sign-in (Cognito), survey links (key
 * secret, base URL parameter), the case workflow, the REST API, the scheduled functions and operations (dashboard, alarms), all driven by the declarations in
 * `functions/wiring/`. Environment-agnostic: no lookups, no account or region baked in.
 *
 * The functions live in nested stacks by group (`functionStacks`, see `constructs/function-stacks.ts`) so that no
 * stack nears CloudFormation's 500 resources or 1 MB of template as routes are added; everything they share stays here.
 */
export class AfterSalesStack extends Stack {
  readonly data: Data;
  readonly email: Email;
  readonly staffIdentity: StaffIdentity;
  readonly survey: Survey;
  readonly workflow: Workflow;
  readonly workQueues: WorkQueues;
  readonly consoleSessionKey: ConsoleSessionKey;
  readonly api: Api;
  readonly schedules: Schedules;
  readonly bucketEvents: BucketEvents;
  readonly operations: Operations;
  readonly functionStacks: FunctionStacks;

  constructor(scope: Construct, id: string, props: AfterSalesStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.data = new Data(this, 'Data', { allowedOrigins: config.allowedOrigins });
    this.email = new Email(this, 'Email', { mailFrom: config.mailFrom, mailIdentity: config.mailIdentity });
    const consoleSignIn =
      config.consoleDomainPrefix && config.consoleBaseUrl && config.consoleSignOutUrl
        ? {
            domainPrefix: config.consoleDomainPrefix,
            callbackUrl: `${config.consoleBaseUrl}${CONSOLE_CALLBACK_PATH}`,
            signOutUrl: config.consoleSignOutUrl,
          }
        : undefined;
    this.staffIdentity = new StaffIdentity(this, 'StaffIdentity', consoleSignIn ? { consoleSignIn } : {});
    const signInDomain = this.staffIdentity.domain;
    this.survey = new Survey(this, 'Survey', { key: this.data.key, publicBaseUrl: config.publicBaseUrl });
    this.workQueues = new WorkQueues(this, 'WorkQueues', { key: this.data.key });
    this.consoleSessionKey = new ConsoleSessionKey(this, 'ConsoleSessionKey', { key: this.data.key });

    const resources: Omit<CapabilityResources, 'stateMachineArn'> = {
      tables: this.data.tables,
      dataKey: this.data.key,
      attachmentsBucket: this.data.attachmentsBucket,
      mail: {
        from: config.mailFrom,
        identityArn: this.email.identity.emailIdentityArn,
        configurationSetName: this.email.configurationSet.configurationSetName,
        configurationSetArn: this.email.configurationSetArn,
        ...(config.consoleBaseUrl ? { consoleBaseUrl: config.consoleBaseUrl } : {}),
      },
      surveyLinks: this.survey.resources,
      consoleSessionKey: this.consoleSessionKey.secret,
      ...(consoleSignIn && signInDomain
        ? {
            consoleSignIn: {
              domainUrl: signInDomain.baseUrl(),
              userPoolId: this.staffIdentity.userPool.userPoolId,
              clientId: this.staffIdentity.consoleClient.userPoolClientId,
              signOutUrl: consoleSignIn.signOutUrl,
            },
          }
        : {}),
      workQueue: this.workQueues.queue,
    };
    const stateMachineArn = Workflow.arnOf(this);
    this.functionStacks = new FunctionStacks(this, { ...resources, stateMachineArn });
    const background = this.functionStacks.placement('background');
    this.workflow = new Workflow(this, 'Workflow', {
      resources: background.resources,
      functionScope: background.scope,
    });
    this.workQueues.addConsumer(background.resources, background.scope);
    this.api = new Api(this, 'Api', {
      stage: config.stage,
      routes: props.declarations?.routes,
      placement: (route) => this.functionStacks.placement(routeGroup(route)),
      resources: { ...resources, stateMachineArn: this.workflow.stateMachineArn },
      staffUserPool: this.staffIdentity.userPool,
      waf: config.waf,
    });
    // With their rules: a rule's target and the function's invoke permission refer to each other's stack otherwise.
    this.schedules = new Schedules(background.scope, 'Schedules', {
      resources: background.resources,
      schedules: props.declarations?.schedules,
    });
    // Each subscribed to the bucket: the notification (a custom resource here) names the function in its nested stack.
    this.bucketEvents = new BucketEvents(background.scope, 'BucketEvents', {
      resources: background.resources,
      bucket: this.data.attachmentsBucket,
    });
    // After the API: the parameter holds its URL, and functions know the parameter by name only.
    this.survey.publishApiUrl(this.api.restApi);
    // Last: its dashboard and alarms cover every function of the stack.
    this.operations = new Operations(this, 'Operations', {
      alarmTopicArn: config.alarmTopicArn,
      api: this.api.restApi,
      functions: this.node.findAll().filter((construct) => construct instanceof ServiceFunction),
      stateMachine: this.workflow.stateMachine,
      tables: this.data.tables,
      deadLetterQueue: this.workQueues.deadLetterQueue,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.restApi.url, description: 'Base URL of the REST API stage' });
    new CfnOutput(this, 'UsagePlanId', {
      value: this.api.usagePlan.usagePlanId,
      description: 'Storefront usage plan; scripts/create-store.ts adds each store key to it',
    });
    new CfnOutput(this, 'UserPoolId', {
      value: this.staffIdentity.userPool.userPoolId,
      description:
        'Staff user pool: create staff users here (aws cognito-idp admin-create-user), see README "Staff users"',
    });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.staffIdentity.consoleClient.userPoolClientId,
      description: 'App client of the staff console (no secret): managed login with PKCE, or SRP for API clients',
    });
    if (signInDomain) {
      new CfnOutput(this, 'ConsoleSignInDomainUrl', {
        value: signInDomain.baseUrl(),
        description: "The staff console's managed login (user pool domain)",
      });
    }
    for (const declaration of TABLES) {
      new CfnOutput(this, `${pascal(declaration.name)}TableName`, {
        value: this.data.tables[declaration.name].tableName,
        description: `DynamoDB table "${declaration.name}" (functions read it from ${declaration.envVar})`,
      });
    }
    new CfnOutput(this, 'StateMachineArn', {
      value: this.workflow.stateMachine.stateMachineArn,
      description: 'Case lifecycle state machine',
    });
    new CfnOutput(this, 'WorkDeadLetterQueueUrl', {
      value: this.workQueues.deadLetterQueue.queueUrl,
      description: 'Background jobs (SLA re-timing, capacity offers) that failed every delivery; redrive after a fix',
    });
    new CfnOutput(this, 'AttachmentsBucketName', {
      value: this.data.attachmentsBucket.bucketName,
      description: 'Attachments bucket',
    });
    new CfnOutput(this, 'SurveyKeySecretArn', {
      value: this.survey.keySecret.secretArn,
      description: 'Secret holding the survey link signing key (generated; see infra/README.md before changing it)',
    });
    if (this.survey.baseUrlParameter) {
      new CfnOutput(this, 'SurveyBaseUrlParameterName', {
        value: this.survey.baseUrlParameter.parameterName,
        description: 'SSM parameter holding the base URL of survey links (the API stage URL)',
      });
    }
    new CfnOutput(this, 'SesConfigurationSetName', {
      value: this.email.configurationSet.configurationSetName,
      description: 'SES configuration set used for every email',
    });
  }
}
