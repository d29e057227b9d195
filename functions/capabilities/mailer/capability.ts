import type { Capabilities } from '../../wiring/capabilities.js';

export type { Mailer } from '../../ports/mailer.js';

/** `mailer: true`: the function sends email (SES in AWS, the outbox locally). */
export const mailerGranted = (capabilities: Capabilities): boolean => capabilities.mailer === true;
export type GrantedMailer<C> = C extends { mailer: true } ? 'mailer' : never;

/** The sender address and the SES configuration set (its event destination), set by `grantMailer`. */
export const MAILER_ENV = { from: 'MAIL_FROM', configurationSet: 'SES_CONFIGURATION_SET' } as const;
