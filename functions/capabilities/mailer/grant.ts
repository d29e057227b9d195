import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CapabilityGrant } from '../../../infra/capability-resources.js';
import { MAILER_ENV } from './capability.js';

/** The sender and configuration set; `ses:SendEmail` on that identity and configuration set only. */
export const grantMailer: CapabilityGrant = (fn, resources) => {
  if (!fn.capabilities.mailer) return;
  fn.addEnvironment(MAILER_ENV.from, resources.mail.from);
  fn.addEnvironment(MAILER_ENV.configurationSet, resources.mail.configurationSetName);
  if (resources.mail.consoleBaseUrl) fn.addEnvironment(MAILER_ENV.consoleBaseUrl, resources.mail.consoleBaseUrl);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [resources.mail.identityArn, resources.mail.configurationSetArn],
    }),
  );
};
