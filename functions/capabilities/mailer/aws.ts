import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../../adapters/mail/ses-mailer.js';
import { optionalVariable, requiredVariable } from '../../commons/config.js';
import { MAILER_ENV, type Mailer } from './capability.js';

/** The process's one client of the service, made on the first call. */
let client: SESv2Client | undefined;

export const awsMailer = (): Mailer =>
  new SesMailer({
    client: (client ??= new SESv2Client({})),
    from: requiredVariable(MAILER_ENV.from),
    configurationSet: optionalVariable(MAILER_ENV.configurationSet),
    consoleBaseUrl: optionalVariable(MAILER_ENV.consoleBaseUrl),
  });
