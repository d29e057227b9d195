import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolRiskConfigurationAttachment,
  ClientAttributes,
  CfnManagedLoginBranding,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  type UserPoolDomain,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { STAFF_ROLES, type StaffRole } from '../../functions/domain/staff.js';
import { pascal } from '../config.js';

/**
 * The custom attributes that tie a staff user to a store and to their agent directory entry (claims `custom:storeId`,
 * `custom:agentId` in the ID token). Only administrators set them (AdminCreateUser / AdminUpdateUserAttributes, which
 * IAM guards); the console client may read but never write them, or a user could move themselves into another store.
 */
export const STAFF_CUSTOM_ATTRIBUTES = ['storeId', 'agentId'] as const;

/** Lower precedence wins when a user is in several groups (Cognito's `cognito:preferred_role`); the claim lists all. */
const GROUP_PRECEDENCE: Readonly<Record<StaffRole, number>> = { admin: 1, supervisor: 2, agent: 3 };

/** Token lifetimes of the staff console: an hour for the tokens the API accepts, a working day for the refresh token. */
const STAFF_TOKEN_VALIDITY = {
  idToken: Duration.hours(1),
  accessToken: Duration.hours(1),
  refreshToken: Duration.hours(12),
} as const;

/** The console's managed login (`consoleDomainPrefix` and `consoleBaseUrl` context, infra/config.ts). */
export interface ConsoleSignInProps {
  /** The user pool domain's prefix: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  domainPrefix: string;
  /** `<consoleBaseUrl>/console/auth/callback`: where the pool returns the code. */
  callbackUrl: string;
  /** Where the pool's `/logout` may send the browser. */
  signOutUrl: string;
}

/**
 * Staff sign-in: a Cognito user pool where only administrators create users (no self sign-up), users sign in with their
 * email, a strong password and a TOTP second factor, and Cognito's threat protection (Plus feature plan) blocks risky
 * sign-ins. Groups `agent`, `supervisor`, `admin` become the `cognito:groups` claim that the handlers check; the store
 * and agent id are admin-only custom attributes. One public app client (no secret) for the staff console: SRP for API
 * clients, and with `consoleSignIn` the managed login on a user pool domain, authorization code grant only (PKCE is
 * what a public client proves itself with; no implicit grant, so no token ever sits in a URL).
 */
export class StaffIdentity extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  readonly groups: ReadonlyMap<StaffRole, UserPoolGroup>;
  /** The managed login's domain, with `consoleSignIn`. */
  readonly domain?: UserPoolDomain;

  constructor(scope: Construct, id: string, props: { consoleSignIn?: ConsoleSignInProps } = {}) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${Stack.of(this).stackName}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: Object.fromEntries(
        STAFF_CUSTOM_ATTRIBUTES.map((name) => [name, new StringAttribute({ minLen: 1, maxLen: 64, mutable: true })]),
      ),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      // TOTP only: no SMS role, no phone numbers to collect, and no SIM-swap exposure for accounts that see customer data.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: {
        emailSubject: 'After-sales staff console: your account / 售后工作台账号',
        emailBody:
          'Sign in with {username} and the temporary password {####}; you will choose a new password and set up an ' +
          'authenticator app. / 请使用 {username} 和临时密码 {####} 登录，然后设置新密码并绑定身份验证器应用。',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // What threat protection does, stated rather than left to service defaults: a known-leaked password never signs in
    // or is set, and a high-risk sign-in is blocked (TOTP is already required for every sign-in of every risk level).
    new CfnUserPoolRiskConfigurationAttachment(this, 'ThreatProtection', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: {
        eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'],
        actions: { eventAction: 'BLOCK' },
      },
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
          mediumAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
          highAction: { eventAction: 'BLOCK', notify: false },
        },
      },
    });

    const groups = new Map<StaffRole, UserPoolGroup>();
    for (const role of STAFF_ROLES) {
      groups.set(
        role,
        this.userPool.addGroup(`${pascal(role)}Group`, {
          groupName: role,
          description: `After-sales staff role "${role}" (claim cognito:groups)`,
          precedence: GROUP_PRECEDENCE[role],
        }),
      );
    }
    this.groups = groups;

    const { consoleSignIn } = props;
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'staff-console',
      generateSecret: false,
      authFlows: { userSrp: true },
      ...(consoleSignIn
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: [consoleSignIn.callbackUrl],
              logoutUrls: [consoleSignIn.signOutUrl],
            },
          }
        : // Without a console domain there is no managed login: no OAuth flows or callback URLs at all.
          { disableOAuth: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: STAFF_TOKEN_VALIDITY.idToken,
      accessTokenValidity: STAFF_TOKEN_VALIDITY.accessToken,
      refreshTokenValidity: STAFF_TOKEN_VALIDITY.refreshToken,
      // The ID token (what the API's authorizer receives) carries the attributes the client may read.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...STAFF_CUSTOM_ATTRIBUTES),
      // Left out, Cognito lets the client write every attribute, the store and agent id included: list the safe ones.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    if (consoleSignIn) {
      this.domain = this.userPool.addDomain('ConsoleDomain', {
        cognitoDomain: { domainPrefix: consoleSignIn.domainPrefix },
        managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
      });
      // Managed login shows a client's pages only once the client has a branding style: Cognito's default one.
      const branding = new CfnManagedLoginBranding(this, 'ConsoleBranding', {
        userPoolId: this.userPool.userPoolId,
        clientId: this.consoleClient.userPoolClientId,
        useCognitoProvidedValues: true,
      });
      branding.node.addDependency(this.domain);
    }
  }
}
