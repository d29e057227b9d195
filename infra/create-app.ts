import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AfterSalesStack } from './after-sales-stack.js';
import { readDeploymentConfig, SERVICE_NAME } from './config.js';

/**
 * Composes the app: the stack for the configured stage, its tags, and the AwsSolutions checks (cdk-nag 3, CDK's
 * policy-validation plugin API), whose unacknowledged findings fail synthesis. Shared by `infra/app.ts` and the tests.
 */
export const createApp = (
  app: App = new App(),
  options: { nagAcknowledgements?: boolean } = {},
): { app: App; stack: AfterSalesStack } => {
  const config = readDeploymentConfig(app.node);
  const stack = new AfterSalesStack(app, `${SERVICE_NAME}-${config.stage}`, {
    config,
    nagAcknowledgements: options.nagAcknowledgements,
    description: `After-sales service backend (${config.stage})`,
  });
  Tags.of(stack).add('service', SERVICE_NAME);
  Tags.of(stack).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};
