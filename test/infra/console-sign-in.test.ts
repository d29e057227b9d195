import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSOLE_SESSIONS_ENV } from '../../functions/capabilities/console-sessions/capability.js';
import { readDeploymentConfig } from '../../infra/config.js';
import { logicalIdOf, synthesize, templateOf, type CfnResource } from './synth.js';

const CONSOLE_BASE_URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod';
const PREFIX = 'care-shop-test';
const SIGN_OUT_URL = 'https://care.shop.example/bye';

// The stack with the console's managed login, synthesized (cdk-nag on: an unacknowledged finding throws) at module
// scope so no hook's timeout runs while it synthesizes. Templates only.
const synth = synthesize({
  context: {
    stage: 'test',
    consoleBaseUrl: `${CONSOLE_BASE_URL}/`,
    consoleDomainPrefix: PREFIX,
    consoleSignOutUrl: SIGN_OUT_URL,
  },
  skipBundling: true,
});
afterAll(() => synth.cleanup());
const { Resources: resources, Outputs: outputs } = templateOf(synth);

const only = (type: string): [string, CfnResource] => {
  const found = Object.entries(resources).filter(([, resource]) => resource.Type === type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, CfnResource];
};
const client = () => only('AWS::Cognito::UserPoolClient');
const pool = () => only('AWS::Cognito::UserPool');

describe('Stack: the console managed login (consoleDomainPrefix context)', () => {
  it('gives the console client the authorization code grant only: no implicit grant, no client credentials, no secret', () => {
    const [, { Properties: props }] = client();
    expect(props).toMatchObject({ GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: true });
    expect(props.AllowedOAuthFlows).toEqual(['code']);
    expect((props.AllowedOAuthScopes as string[]).sort()).toEqual(['email', 'openid', 'profile']);
  });

  it('takes its callback and sign-out URLs from context, under the stage path of the console base URL', () => {
    const [, { Properties: props }] = client();
    expect(props.CallbackURLs).toEqual([`${CONSOLE_BASE_URL}/console/auth/callback`]);
    expect(props.LogoutURLs).toEqual([SIGN_OUT_URL]);
  });

  it('keeps short-lived tokens: the ID token for an hour, the refresh token bounded to 12 hours', () => {
    expect(client()[1].Properties).toMatchObject({ IdTokenValidity: 60, RefreshTokenValidity: 720 });
  });

  it('serves managed login (version 2) on the prefix domain, with the default branding for the console client', () => {
    const [, domain] = only('AWS::Cognito::UserPoolDomain');
    expect(domain.Properties).toMatchObject({
      Domain: PREFIX,
      ManagedLoginVersion: 2,
      UserPoolId: { Ref: pool()[0] },
    });
    const [, branding] = only('AWS::Cognito::ManagedLoginBranding');
    expect(branding.Properties).toMatchObject({
      UseCognitoProvidedValues: true,
      ClientId: { Ref: client()[0] },
      UserPoolId: { Ref: pool()[0] },
    });
    expect(outputs.ConsoleSignInDomainUrl).toBeDefined();
  });

  it('tells the console functions the domain, pool, client, base URL and sign-out URL', () => {
    for (const name of ['startConsoleSignIn', 'completeConsoleSignIn', 'signOutOfConsole']) {
      const route = synth.stack.api.routes.find((candidate) => candidate.route.name === name);
      expect(route, name).toBeDefined();
      const fn = resources[logicalIdOf(route!.fn)];
      const variables = (fn?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables[CONSOLE_SESSIONS_ENV.baseUrl], name).toBe(CONSOLE_BASE_URL);
      expect(variables[CONSOLE_SESSIONS_ENV.signOutUrl], name).toBe(SIGN_OUT_URL);
      for (const variable of [
        CONSOLE_SESSIONS_ENV.signInDomainUrl,
        CONSOLE_SESSIONS_ENV.userPoolId,
        CONSOLE_SESSIONS_ENV.clientId,
      ]) {
        expect(variables[variable], `${name} ${variable}`).toBeDefined();
      }
    }
  });

  it('passes cdk-nag with nothing unacknowledged', () => {
    expect(new AwsSolutionsChecks().validateScope(synth.app).violations).toEqual([]);
  });
});

describe('Config: the console managed login context', () => {
  const read = (context: Record<string, unknown>) => () => readDeploymentConfig(new App({ context }).node);

  it('needs a console base URL to return to', () => {
    expect(read({ consoleDomainPrefix: PREFIX })).toThrow(/consoleBaseUrl/);
  });

  it.each(['Care', 'my-aws-shop', 'cognito-x', '-care', 'care_shop', 'a'.repeat(64)])(
    'refuses the prefix %s',
    (prefix) => {
      expect(read({ consoleDomainPrefix: prefix, consoleBaseUrl: 'https://care.shop.example' })).toThrow(
        /consoleDomainPrefix/,
      );
    },
  );

  it('defaults the sign-out URL to the sign-in page and refuses one that is not https', () => {
    expect(read({ consoleDomainPrefix: PREFIX, consoleBaseUrl: 'https://care.shop.example' })()).toMatchObject({
      consoleSignOutUrl: 'https://care.shop.example/console/sign-in',
    });
    expect(
      read({
        consoleDomainPrefix: PREFIX,
        consoleBaseUrl: 'https://care.shop.example',
        consoleSignOutUrl: 'http://x.example',
      }),
    ).toThrow(/consoleSignOutUrl/);
  });

  it('has no managed login without the prefix', () => {
    expect(read({ consoleBaseUrl: 'https://care.shop.example' })()).not.toHaveProperty('consoleDomainPrefix');
  });
});
