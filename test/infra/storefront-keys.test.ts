import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/wiring/routes.js';
import type { ServiceFunction } from '../../infra/constructs/service-function.js';
import { asList, dependencyCycle, logicalIdOf, resourceDependencies, templateOf, type Statement } from './synth.js';
import { sharedSynth } from './shared-synth.js';

const synth = await sharedSynth();
const resources = templateOf(synth).Resources;

const routeFunction = (name: string): ServiceFunction =>
  synth.stack.api.routes.find(({ route }) => route.name === name)!.fn;

const apiGatewayStatements = (fn: ServiceFunction): Statement[] =>
  (
    resources[logicalIdOf(fn.serviceRole.node.findChild('DefaultPolicy'))]!.Properties.PolicyDocument as {
      Statement: Statement[];
    }
  ).Statement.filter((statement) => asList(statement.Action).some((action) => action.startsWith('apigateway:')));

const apiGatewayArn = (path: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, `::${path}`]],
});

// The admin API's rotation and the console's API key page, which runs the same use case.
const KEY_ROTATING_ROUTES = ['rotateApiKey', 'rotateConsoleApiKey'];

describe('Stack: storefront key registration (key rotation in AWS)', () => {
  it('is declared by the key-rotation routes only', () => {
    expect(ROUTES.filter((route) => route.capabilities.storefrontKeys).map((route) => route.name)).toEqual(
      KEY_ROTATING_ROUTES,
    );
  });

  it.each(KEY_ROTATING_ROUTES)(
    'lets the rotation function (%s) find the usage plan by name, create a key and add it to the stage plan only',
    (name) => {
      const fn = routeFunction(name);
      const variables = (resources[logicalIdOf(fn)]!.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      const planId = logicalIdOf(synth.stack.api.usagePlan);

      expect(variables.STOREFRONT_USAGE_PLAN_NAME).toBe(`${synth.stack.stackName}-storefronts`);
      expect(apiGatewayStatements(fn)).toEqual([
        { Effect: 'Allow', Action: 'apigateway:GET', Resource: apiGatewayArn('/usageplans') },
        { Effect: 'Allow', Action: 'apigateway:POST', Resource: apiGatewayArn('/apikeys') },
      ]);
      // Its own policy, attached to the function's role: the plan's ARN, no wildcard over the account's plans.
      const planPolicies = Object.values(resources).filter(
        (resource) =>
          resource.Type === 'AWS::IAM::Policy' &&
          JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: logicalIdOf(fn.serviceRole) }]) &&
          JSON.stringify(resource.Properties.PolicyDocument).includes('/usageplans/'),
      );
      expect(
        planPolicies.map((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement),
      ).toEqual([
        [
          {
            Effect: 'Allow',
            Action: 'apigateway:POST',
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':apigateway:',
                  { Ref: 'AWS::Region' },
                  '::/usageplans/',
                  { Ref: planId },
                  '/keys',
                ],
              ],
            },
          },
        ],
      ]);
      expect(JSON.stringify(resources)).not.toContain('/usageplans/*');
    },
  );

  it('lets the key sweep disable keys (PATCH on /apikeys/*) and nothing else at the gateway', () => {
    const sweep = synth.stack.schedules.functions.get('retireGatewayKeys')!.fn;
    expect(apiGatewayStatements(sweep)).toEqual([
      { Effect: 'Allow', Action: 'apigateway:PATCH', Resource: apiGatewayArn('/apikeys/*') },
    ]);
  });

  it('names the plan the function looks for, and no other function may touch API Gateway', () => {
    const plans = Object.values(resources).filter((resource) => resource.Type === 'AWS::ApiGateway::UsagePlan');
    expect(plans.map((plan) => plan.Properties.UsagePlanName)).toEqual([`${synth.stack.stackName}-storefronts`]);
    for (const { route, fn } of synth.stack.api.routes) {
      if (!KEY_ROTATING_ROUTES.includes(route.name)) expect(apiGatewayStatements(fn), route.name).toEqual([]);
    }
  });

  it('has no dependency cycle among its resources (the plan is found by name, not referenced)', () => {
    expect(dependencyCycle(resourceDependencies(resources))).toBeUndefined();
  });
});
