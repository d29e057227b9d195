import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AfterSalesStack } from './after-sales-stack.js';
import { readDeploymentConfig, SERVICE_NAME } from './config.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';

/**
 * Composes the app: the stack for the configured stage, its tags, and the AwsSolutions checks (cdk-nag 3, CDK's
 * policy-validation plugin API), whose unacknowledged findings fail synthesis. Shared by `infra/app.ts` and the tests.
 * `nagAcknowledgements: false` leaves out the acknowledgements of `infra/nag-acknowledgements.ts`: only the nag test
 * does, to prove each one still matches a finding.
 */
export const createApp = (
  app: App = new App(),
  options: { nagAcknowledgements?: boolean } = {},
): { app: App; stack: AfterSalesStack } => {
  const config = readDeploymentConfig(app.node);
  const stack = new AfterSalesStack(app, `${SERVICE_NAME}-${config.stage}`, {
    config,
    description: `After-sales service backend (${config.stage})`,
  });
  if (options.nagAcknowledgements ?? true) acknowledgeNagFindings(stack);
  Tags.of(stack).add('service', SERVICE_NAME);
  Tags.of(stack).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};
