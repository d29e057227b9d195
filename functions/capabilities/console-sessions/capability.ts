import type { ConsoleSessions } from '../../ports/console-sessions.js';

export type { ConsoleSessions };

/** In a declaration: signs and checks the staff console's session cookie (every `console` route declares it). */
export interface ConsoleSessionsCapability {
  consoleSessions?: boolean;
}

export interface ConsoleSessionsPort {
  consoleSessions: ConsoleSessions;
}

/** `consoleSessions: true`: the console session key. */
export const consoleSessionsGranted = (capabilities: ConsoleSessionsCapability): boolean =>
  capabilities.consoleSessions === true;
export type GrantedConsoleSessions<C> = C extends { consoleSessions: true } ? 'consoleSessions' : never;

/**
 * The session key secret's ARN; the extension's port and session token as for survey links; where the console is
 * served; and the user pool's managed login (all four set, or none: then the console has no sign-in in AWS).
 */
export const CONSOLE_SESSIONS_ENV = {
  keySecretArn: 'CONSOLE_SESSION_KEY_SECRET_ARN',
  baseUrl: 'CONSOLE_BASE_URL',
  signInDomainUrl: 'CONSOLE_SIGN_IN_DOMAIN_URL',
  userPoolId: 'CONSOLE_USER_POOL_ID',
  clientId: 'CONSOLE_CLIENT_ID',
  signOutUrl: 'CONSOLE_SIGN_OUT_URL',
  extensionPort: 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
  sessionToken: 'AWS_SESSION_TOKEN',
} as const;

/** Where the pool sends the browser back with the code (registered on the app client as `<consoleBaseUrl>` + this). */
export const CONSOLE_CALLBACK_PATH = '/console/auth/callback';
