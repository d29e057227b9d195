import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AfterSalesStack, type AfterSalesStackProps } from './after-sales-stack.js';
import { readDeploymentConfig, SERVICE_NAME } from './config.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';

/**
 * Composes the app: the stack for the configured stage, its tags, and the AwsSolutions checks (cdk-nag 3, CDK's
 * policy-validation plugin API), whose unacknowledged findings fail synthesis. Shared by `infra/app.ts` and the tests.
 * `nagAcknowledgements: false` leaves out the acknowledgements of `infra/nag-acknowledgements.ts`: only the nag test
 * does, to prove each one still matches a finding. `declarations` replaces the routes and schedules deployed (the
 * infra tests add the planned routes of open issues, never the product's lists).
 */
export const createApp = (
  app: App = new App(),
  options: { nagAcknowledgements?: boolean; declarations?: AfterSalesStackProps['declarations'] } = {},
): { app: App; stack: AfterSalesStack } => {
  const config = readDeploymentConfig(app.node);
  const stack = new AfterSalesStack(app, `${SERVICE_NAME}-${config.stage}`, {
    config,
    declarations: options.declarations,
    description: `After-sales service backend (${config.stage})`,
  });
  if (options.nagAcknowledgements ?? true) acknowledgeNagFindings(stack);
  Tags.of(stack).add('service', SERVICE_NAME);
  Tags.of(stack).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};
