import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { apiGateway, storefrontUsagePlanName, type CapabilityGrant } from '../../../infra/capability-resources.js';
import { STOREFRONT_KEYS_ENV } from './capability.js';

/** The usage plan's name; `register` may create keys, `retire` may disable them. */
export const grantStorefrontKeys: CapabilityGrant = (fn) => {
  const access = fn.capabilities.storefrontKeys;
  if (!access) return;
  fn.addEnvironment(STOREFRONT_KEYS_ENV.usagePlanName, storefrontUsagePlanName(Stack.of(fn).stackName));
  if (access === 'register') {
    // Find the plan by name; create an API key with the given value. Adding it to the plan is granted on the plan's
    // own ARN by the Api construct (`api.ts`, which owns the plan). No update or delete.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['apigateway:GET'], resources: [apiGateway('/usageplans')] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['apigateway:POST'], resources: [apiGateway('/apikeys')] }));
  }
  if (access === 'retire') {
    // Disable a replaced key (PATCH /enabled). Key ids are issued at run time, so no narrower ARN exists.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['apigateway:PATCH'], resources: [apiGateway('/apikeys/*')] }));
  }
};
