import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../../adapters/mail/ses-mailer.js';
import type { Mailer } from '../../ports/mailer.js';
import { mailConfigFromEnv } from '../config.js';

/** The process's one client of the service (this module is loaded once, on the first call). */
const client = new SESv2Client({});

export const createMailer = (): Mailer => new SesMailer({ client, ...mailConfigFromEnv() });
