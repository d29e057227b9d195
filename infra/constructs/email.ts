import { ArnFormat, Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailProps {
  /** The `From` address of every email (context `mailFrom`). */
  mailFrom: string;
  /** The SES identity to create: the `mailFrom` address itself or its domain (context `mailIdentity`). */
  mailIdentity: string;
}

/**
 * SES v2 sending setup: a configuration set (reputation metrics in CloudWatch, sending enabled, the account-level
 * suppression list applied to bounces and complaints) and the sender identity, which uses that set by default.
 *
 * An address identity is verified by clicking the link SES emails to it after deployment; a domain identity by
 * publishing the Easy DKIM CNAME records shown in the SES console. A new account is in the SES sandbox (it can only
 * send to verified recipients) until production access is requested.
 */
export class Email extends Construct {
  readonly mailFrom: string;
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    const isAddress = props.mailIdentity.includes('@');
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: isAddress ? Identity.email(props.mailIdentity) : Identity.domain(props.mailIdentity),
      configurationSet: this.configurationSet,
    });

    this.configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }
}
