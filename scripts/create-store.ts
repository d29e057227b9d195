/**
 * Operator tool: onboard a store on a deployed stack. Creates the store's API Gateway API key, adds it to the
 * storefront usage plan, writes the store profile, its default policy and the key-hash lookup item to the stores
 * table, and prints the key once (only its SHA-256 hash is stored). The store runs on the default SLA policy, its
 * calendar in `--timezone`, until an admin saves one (`PUT /v1/admin/sla`).
 *
 *   npx cdk deploy --outputs-file cdk-outputs.json
 *   npx tsx scripts/create-store.ts --store-id A --name "Store A" --case-number-prefix SA \
 *     --supervisor-email lead@shop.example --admin-email owner@shop.example --stack-outputs cdk-outputs.json \
 *     [--stack after-sales-dev] [--timezone Asia/Shanghai] [--locale zh-CN]
 *
 * `--case-number-prefix`: 2 to 6 uppercase letters or digits, the store's own (`SA` -> `SA-20261122-0001`); an admin
 * may change it later (`PUT /v1/admin/store`).
 *
 * Credentials and region come from the usual AWS SDK chain (AWS_PROFILE, AWS_REGION, ...), or `--region`.
 * Instead of `--stack-outputs`, pass `--usage-plan-id` and `--stores-table` directly.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { newStoreItems } from '../functions/adapters/dynamodb/store-items.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../functions/domain/case.js';
import type { Store } from '../functions/domain/store.js';
import { CASE_NUMBER_PREFIX_PATTERN } from '../functions/domain/store-profile.js';
import { isKnownTimezone } from '../functions/domain/zoned-time.js';

const USAGE =
  'Usage: create-store --store-id <id> --name <name> --case-number-prefix <2-6 of A-Z 0-9> ' +
  '--supervisor-email <email> [--supervisor-email ...] ' +
  '--admin-email <email> [--admin-email ...] ' +
  '(--stack-outputs <cdk-outputs.json> [--stack <name>] | --usage-plan-id <id> --stores-table <table>) ' +
  '[--timezone Asia/Shanghai] [--locale zh-CN|en] [--region <region>]';

interface Target {
  usagePlanId: string;
  storesTable: string;
}

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};

/** Every address of a repeatable, comma-separable option: at least one, each valid, else the usage. */
const emailsOf = (given: string[] | undefined, option: 'supervisor-email' | 'admin-email'): string[] => {
  const emails = (given ?? []).flatMap((email) => email.split(',')).map((email) => email.trim());
  if (emails.length === 0 || emails.some((email) => !z.email().safeParse(email).success)) {
    fail(`--${option}: at least one valid address.`);
  }
  return emails;
};

const readTarget = (values: {
  'stack-outputs'?: string;
  stack?: string;
  'usage-plan-id'?: string;
  'stores-table'?: string;
}): Target => {
  if (values['usage-plan-id'] && values['stores-table'])
    return { usagePlanId: values['usage-plan-id'], storesTable: values['stores-table'] };
  if (!values['stack-outputs']) return fail('Pass --stack-outputs, or both --usage-plan-id and --stores-table.');
  const file = JSON.parse(readFileSync(values['stack-outputs'], 'utf8')) as Record<string, Record<string, string>>;
  const stacks = Object.keys(file);
  const stack = values.stack ?? (stacks.length === 1 ? stacks[0] : undefined);
  const outputs = stack ? file[stack] : undefined;
  if (!outputs) return fail(`Choose the stack with --stack (${stacks.join(', ') || 'none in the file'}).`);
  const { UsagePlanId: usagePlanId, StoresTableName: storesTable } = outputs;
  if (!usagePlanId || !storesTable) return fail(`Stack ${stack} has no UsagePlanId or StoresTableName output.`);
  return { usagePlanId, storesTable };
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      'store-id': { type: 'string' },
      name: { type: 'string' },
      'case-number-prefix': { type: 'string' },
      'supervisor-email': { type: 'string', multiple: true },
      'admin-email': { type: 'string', multiple: true },
      timezone: { type: 'string', default: 'Asia/Shanghai' },
      locale: { type: 'string', default: DEFAULT_LOCALE },
      'stack-outputs': { type: 'string' },
      stack: { type: 'string' },
      'usage-plan-id': { type: 'string' },
      'stores-table': { type: 'string' },
      region: { type: 'string' },
    },
  });

  const storeId = values['store-id'] ?? fail('--store-id is required.');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(storeId)) fail('--store-id: letters, digits, "_" and "-" only (at most 64).');
  const name = values.name?.trim() || fail('--name is required.');
  const caseNumberPrefix = values['case-number-prefix'] ?? fail('--case-number-prefix is required.');
  if (!CASE_NUMBER_PREFIX_PATTERN.test(caseNumberPrefix)) {
    fail(`--case-number-prefix: 2 to 6 uppercase letters or digits (e.g. SA), got "${caseNumberPrefix}".`);
  }
  // Supervisors get manual reviews, unassigned cases and SLA escalations of level 2; admins those of level 3.
  const supervisorEmails = emailsOf(values['supervisor-email'], 'supervisor-email');
  const adminEmails = emailsOf(values['admin-email'], 'admin-email');
  if (!isKnownTimezone(values.timezone)) fail(`--timezone: unknown IANA timezone "${values.timezone}".`);
  const locale = values.locale as Locale;
  if (!LOCALES.includes(locale)) fail(`--locale: one of ${LOCALES.join(', ')}.`);
  const target = readTarget(values);

  const apiGateway = new APIGatewayClient({ region: values.region });
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: values.region }));

  const key = await apiGateway.send(
    new CreateApiKeyCommand({
      name: `store-${storeId}`,
      description: `Storefront key of store ${storeId} (${name})`,
      enabled: true,
      tags: { storeId },
    }),
  );
  if (!key.id || !key.value) throw new Error('API Gateway returned no key id or value');

  try {
    await apiGateway.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: target.usagePlanId, keyId: key.id, keyType: 'API_KEY' }),
    );
    const store: Store = {
      storeId,
      name,
      timezone: values.timezone,
      defaultLocale: locale,
      supervisorEmails,
      adminEmails,
      caseNumberPrefix,
      reviewReminderAfter: 'P1D',
    };
    const items = newStoreItems(store, { apiKey: key.value, gatewayKeyId: key.id, issuedAt: new Date() });
    await documents.send(
      new TransactWriteCommand({
        TransactItems: items.map((item) => ({
          Put: { TableName: target.storesTable, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
        })),
      }),
    );
  } catch (error) {
    // Nothing usable is left behind: deleting the key also removes it from the usage plan.
    await apiGateway.send(new DeleteApiKeyCommand({ apiKey: key.id })).catch(() => undefined);
    const reason =
      error instanceof Error && error.name === 'TransactionCanceledException'
        ? ` (store ${storeId} probably exists already)`
        : '';
    throw new Error(`Store ${storeId} was not created${reason}: ${String(error)}`, { cause: error });
  }

  console.log(`Store ${storeId} (${name}) created; API key id ${key.id}, in usage plan ${target.usagePlanId}.`);
  console.log('API key, shown only this once; give it to the storefront backend as its x-api-key header:');
  console.log(key.value);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
