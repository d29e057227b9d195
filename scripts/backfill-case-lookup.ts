/**
 * Operator tool, once after deploying the staff search: gives a store's existing cases the keys intake now writes (the
 * byCustomerEmail index key and the pointer from the case number), so the search and the lookup by number find cases
 * filed before. Reads every case of the store (Query per status, never Scan); each write only while absent, so it is
 * safe to run again. Cases filed after the deploy have both from their intake.
 *
 *   npm run lookup:backfill -- --store <storeId> \
 *     (--stack-outputs cdk-outputs.json [--stack <name>] | --local <DynamoDB Local endpoint printed by npm start>)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backfillCaseLookup } from '../functions/adapters/dynamodb/case-lookup-backfill.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/dynamo-case-store.js';
import { CASE_STATUSES } from '../functions/domain/case.js';
import { TABLE_PREFIX } from '../local/stack.js';

const USAGE =
  'Usage: lookup:backfill --store <storeId> (--stack-outputs <cdk-outputs.json> [--stack <name>] | --local <endpoint>) ' +
  '[--region <region>]';

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};

const casesTableFromOutputs = (path: string, stack: string | undefined): string => {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, string>>;
  const name = stack ?? (Object.keys(file).length === 1 ? Object.keys(file)[0] : undefined);
  return (name ? file[name]?.CasesTableName : undefined) ?? fail(`Stack ${name ?? '?'} lacks a CasesTableName output.`);
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      'stack-outputs': { type: 'string' },
      stack: { type: 'string' },
      local: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const storeId = values.store ?? fail('--store is required.');
  const table = values.local
    ? `${TABLE_PREFIX}cases`
    : casesTableFromOutputs(values['stack-outputs'] ?? fail('Pass --stack-outputs or --local.'), values.stack);
  if (values.region) process.env.AWS_REGION = values.region;
  const client = createDocumentClient({ endpoint: values.local });
  const cases = new DynamoCaseStore(client, { cases: table });
  const totals = { read: 0, emailKeys: 0, numberPointers: 0 };
  try {
    for (const status of CASE_STATUSES) {
      let nextToken: string | undefined;
      do {
        const page = await cases.listByStatus(storeId, status, { limit: 100, nextToken });
        for (const value of page.items) {
          const written = await backfillCaseLookup(client, table, value);
          totals.read += 1;
          if (written.emailKey) totals.emailKeys += 1;
          if (written.numberPointer) totals.numberPointers += 1;
        }
        nextToken = page.nextToken;
      } while (nextToken);
    }
    console.log(
      `${totals.read} cases read; ${totals.emailKeys} email keys and ${totals.numberPointers} number pointers written`,
    );
  } finally {
    client.destroy();
  }
};

await main();
