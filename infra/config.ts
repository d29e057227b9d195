import { fileURLToPath } from 'node:url';
import type { Node } from 'constructs';

/** The repository root: handler entries and the ASL file are resolved from here, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Service name in logs, traces and metrics (Powertools), and the prefix of the stack name. */
export const SERVICE_NAME = 'after-sales';

/** `staffIdentity` -> `StaffIdentity`: construct ids from the camelCase names of the declarations. */
export const pascal = (name: string): string => `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`;

/**
 * Deployment configuration, read once from CDK context (`cdk.json` or `-c key=value`). Documented in `infra/README.md`.
 * Nothing here needs AWS credentials or lookups: the stack stays environment-agnostic.
 */
export interface DeploymentConfig {
  /** `-c stage=prod`: suffix of the stack name and the API Gateway stage name. */
  stage: string;
  /** `-c mailFrom=no-reply@shop.example`: the sender address of every customer and staff email. */
  mailFrom: string;
  /**
   * `-c mailIdentity=shop.example`: the SES identity to create and authorise, a domain (DKIM records to publish) or an
   * address (a verification email to click). Defaults to `mailFrom` itself.
   */
  mailIdentity: string;
  /** `-c allowedOrigins=https://shop.example,https://www.shop.example`: storefront origins allowed to PUT attachments. */
  allowedOrigins: string[];
  /**
   * `-c publicBaseUrl=https://care.shop.example`: the public address the API is served under (a custom domain), put in
   * survey links. Absent: the API's own stage URL, which the functions read from an SSM parameter.
   */
  publicBaseUrl?: string;
  /**
   * `-c consoleBaseUrl=https://care.shop.example`: where the staff console is served, linked from staff emails
   * (`<consoleBaseUrl>/console/cases/<caseId>`). Absent: `publicBaseUrl` (the console shares the API's origin); with
   * neither, staff emails link nothing.
   */
  consoleBaseUrl?: string;
  /**
   * `-c consoleDomainPrefix=care-shop-prod`: the console's sign-in, Cognito managed login on the user pool domain
   * `https://<prefix>.auth.<region>.amazoncognito.com` (a prefix unique in the region; no `aws`, `amazon` or
   * `cognito` in it). Needs `consoleBaseUrl` (or `publicBaseUrl`): the callback is
   * `<consoleBaseUrl>/console/auth/callback`. Absent: no domain, no OAuth on the app client, no console sign-in in AWS.
   */
  consoleDomainPrefix?: string;
  /**
   * `-c consoleSignOutUrl=https://care.shop.example/console/sign-in`: where the pool's `/logout` sends the browser after
   * a sign-out. Default `<consoleBaseUrl>/console/sign-in`.
   */
  consoleSignOutUrl?: string;
  /**
   * `-c alarmTopicArn=arn:aws:sns:eu-west-1:123456789012:on-call`: the SNS topic every alarm notifies (it must let
   * CloudWatch publish, and its key CloudWatch use). Absent: the stack creates an encrypted topic and outputs its ARN.
   */
  alarmTopicArn?: string;
  /**
   * `-c waf=true`: a WAF v2 web ACL on the API stage with a rate-based rule per client IP (`WAF_LIMITS` in
   * infra/constructs/rate-limited-web-acl.ts). Off by default (it costs about USD 5/month plus per-request fees).
   */
  waf: boolean;
}

const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ORIGIN_PATTERN = /^https?:\/\/[^/\s*]+$/;
/** https, a host, an optional path; no query, fragment or trailing slash (links append `/survey/<token>`). */
/** A standard (not FIFO) SNS topic's ARN: CloudWatch alarms cannot notify a FIFO topic. */
const TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
/** Cognito's rule for a prefix domain, and its reserved words. */
const DOMAIN_PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_PREFIX_WORDS = /aws|amazon|cognito/;
const PUBLIC_BASE_URL_PATTERN = /^https:\/\/[^/\s?#*]+(\/[^\s?#]*[^/\s?#])?$/;

export const DEFAULT_MAIL_FROM = 'no-reply@example.com';

const stringContext = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string`);
  return value.trim();
};

const listContext = (node: Node, key: string): string[] => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return [];
  const items: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  return items
    .map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item)).trim())
    .filter((item) => item.length > 0);
};

export const readDeploymentConfig = (node: Node): DeploymentConfig => {
  const stage = stringContext(node, 'stage') ?? 'dev';
  if (!STAGE_PATTERN.test(stage)) throw new Error(`Context "stage" must match ${STAGE_PATTERN}, got "${stage}"`);

  const mailFrom = stringContext(node, 'mailFrom') ?? DEFAULT_MAIL_FROM;
  if (!EMAIL_PATTERN.test(mailFrom)) throw new Error(`Context "mailFrom" must be an email address, got "${mailFrom}"`);

  const mailIdentity = stringContext(node, 'mailIdentity') ?? mailFrom;
  if (!EMAIL_PATTERN.test(mailIdentity) && !DOMAIN_PATTERN.test(mailIdentity)) {
    throw new Error(`Context "mailIdentity" must be a domain or an email address, got "${mailIdentity}"`);
  }
  const senderDomain = mailFrom.split('@')[1] ?? '';
  if (mailIdentity !== mailFrom && mailIdentity.toLowerCase() !== senderDomain.toLowerCase()) {
    throw new Error(
      `Context "mailIdentity" (${mailIdentity}) must be the mailFrom address or its domain (${senderDomain})`,
    );
  }

  const allowedOrigins = listContext(node, 'allowedOrigins');
  for (const origin of allowedOrigins) {
    if (!ORIGIN_PATTERN.test(origin))
      throw new Error(`Context "allowedOrigins": "${origin}" is not an origin like https://shop.example`);
  }

  const publicBaseUrl = stringContext(node, 'publicBaseUrl')?.replace(/\/+$/, '');
  if (publicBaseUrl !== undefined && !PUBLIC_BASE_URL_PATTERN.test(publicBaseUrl)) {
    throw new Error(
      `Context "publicBaseUrl" must be an https URL like https://care.shop.example (no query), got "${publicBaseUrl}"`,
    );
  }

  const consoleBaseUrl = stringContext(node, 'consoleBaseUrl')?.replace(/\/+$/, '') ?? publicBaseUrl;
  if (consoleBaseUrl !== undefined && !PUBLIC_BASE_URL_PATTERN.test(consoleBaseUrl)) {
    throw new Error(
      `Context "consoleBaseUrl" must be an https URL like https://care.shop.example (no query), got "${consoleBaseUrl}"`,
    );
  }

  const consoleDomainPrefix = stringContext(node, 'consoleDomainPrefix');
  if (consoleDomainPrefix !== undefined) {
    if (!DOMAIN_PREFIX_PATTERN.test(consoleDomainPrefix) || RESERVED_PREFIX_WORDS.test(consoleDomainPrefix)) {
      throw new Error(
        `Context "consoleDomainPrefix" must be lowercase letters, digits and hyphens (at most 63, without "aws", "amazon" or "cognito"), got "${consoleDomainPrefix}"`,
      );
    }
    if (consoleBaseUrl === undefined) {
      throw new Error(
        'Context "consoleDomainPrefix" needs "consoleBaseUrl" (or "publicBaseUrl"): the sign-in returns there',
      );
    }
  }
  const consoleSignOutUrl =
    stringContext(node, 'consoleSignOutUrl') ??
    (consoleDomainPrefix !== undefined ? `${consoleBaseUrl}/console/sign-in` : undefined);
  if (consoleSignOutUrl !== undefined && !/^https:\/\/[^\s#]+$/.test(consoleSignOutUrl)) {
    throw new Error(`Context "consoleSignOutUrl" must be an https URL, got "${consoleSignOutUrl}"`);
  }

  const alarmTopicArn = stringContext(node, 'alarmTopicArn');
  if (alarmTopicArn !== undefined && !TOPIC_ARN_PATTERN.test(alarmTopicArn)) {
    throw new Error(
      `Context "alarmTopicArn" must be an SNS topic ARN like arn:aws:sns:eu-west-1:123456789012:on-call (not FIFO), got "${alarmTopicArn}"`,
    );
  }

  const wafContext: unknown = node.tryGetContext('waf');
  if (![undefined, null, '', true, false, 'true', 'false'].includes(wafContext as string)) {
    throw new Error(`Context "waf" must be true or false, got "${String(wafContext)}"`);
  }
  const waf = wafContext === true || wafContext === 'true';

  return {
    stage,
    mailFrom,
    mailIdentity,
    allowedOrigins,
    publicBaseUrl,
    consoleBaseUrl,
    ...(consoleDomainPrefix !== undefined ? { consoleDomainPrefix } : {}),
    ...(consoleSignOutUrl !== undefined ? { consoleSignOutUrl } : {}),
    alarmTopicArn,
    waf,
  };
};
