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

/**
 * The sender address, the SES configuration set (its event destination) and the staff console's base URL (linked
 * from staff emails; `-c consoleBaseUrl=`, else `-c publicBaseUrl=`), set by `grantMailer`.
 */
export const MAILER_ENV = {
  from: 'MAIL_FROM',
  configurationSet: 'SES_CONFIGURATION_SET',
  consoleBaseUrl: 'CONSOLE_BASE_URL',
} as const;
