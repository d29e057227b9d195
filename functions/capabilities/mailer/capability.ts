import type { Mailer } from '../../ports/mailer.js';

export type { Mailer };

/** In a declaration: the function sends email. */
export interface MailerCapability {
  mailer?: boolean;
}

export interface MailerPort {
  mailer: Mailer;
}

/** `mailer: true`: the function sends email (SES in AWS, the outbox locally). */
export const mailerGranted = (capabilities: MailerCapability): boolean => capabilities.mailer === true;
export type GrantedMailer<C> = C extends { mailer: true } ? 'mailer' : never;

/** The sender address and the SES configuration set (its event destination), set by `grantMailer`. */
export const MAILER_ENV = { from: 'MAIL_FROM', configurationSet: 'SES_CONFIGURATION_SET' } as const;
