/**
 * Operator tool: recompute a store's KPI counters and report rows for a range of store-local days from the case
 * timelines, print every difference from the stored ones, and with `--apply` add the differences (see README, "KPIs and
 * reports"). Reads every case of the store (Query per status, never Scan): run it off-peak on a big store.
 *
 *   npm run kpi:rebuild -- --store <storeId> --from 2026-07-01 --to 2026-09-30 [--apply] \
 *     (--stack-outputs cdk-outputs.json [--stack <name>] | --local <DynamoDB Local endpoint printed by npm start>)
 *
 * Exit code: 0 when nothing differs (or the repair was applied), 1 when differences were found and not applied.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CachedStoreDirectory } from '../functions/adapters/cached-store-directory.js';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/dynamo-case-store.js';
import { DynamoKpiStore } from '../functions/adapters/dynamodb/dynamo-kpi-store.js';
import { DynamoStoreDirectory } from '../functions/adapters/dynamodb/dynamo-store-directory.js';
import { dayOfIsoDate } from '../functions/domain/zoned-time.js';
import { rebuildKpis } from '../functions/use-cases/kpi/rebuild-kpis.js';
import { TABLE_PREFIX } from '../local/stack.js';

const USAGE =
  'Usage: kpi:rebuild --store <storeId> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--apply] ' +
  '(--stack-outputs <cdk-outputs.json> [--stack <name>] | --local <endpoint>) [--region <region>]';

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};

interface Tables {
  cases: string;
  stores: string;
  kpis: string;
}

const tablesFromOutputs = (path: string, stack: string | undefined): Tables => {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, string>>;
  const name = stack ?? (Object.keys(file).length === 1 ? Object.keys(file)[0] : undefined);
  const outputs = name ? file[name] : undefined;
  const tables = {
    cases: outputs?.CasesTableName,
    stores: outputs?.StoresTableName,
    kpis: outputs?.KpisTableName,
  };
  if (!tables.cases || !tables.stores || !tables.kpis) {
    return fail(`Stack ${name ?? '?'} lacks CasesTableName, StoresTableName or KpisTableName outputs.`);
  }
  return tables as Tables;
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      apply: { type: 'boolean', default: false },
      'stack-outputs': { type: 'string' },
      stack: { type: 'string' },
      local: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const storeId = values.store ?? fail('--store is required.');
  const from = values.from ?? fail('--from is required.');
  const to = values.to ?? fail('--to is required.');
  if (dayOfIsoDate(from) === undefined || dayOfIsoDate(to) === undefined || from > to) {
    fail('--from and --to: calendar dates YYYY-MM-DD, from <= to.');
  }
  const tables: Tables = values.local
    ? { cases: `${TABLE_PREFIX}cases`, stores: `${TABLE_PREFIX}stores`, kpis: `${TABLE_PREFIX}kpis` }
    : tablesFromOutputs(values['stack-outputs'] ?? fail('Pass --stack-outputs or --local.'), values.stack);
  if (values.region) process.env.AWS_REGION = values.region;
  const client = createDocumentClient({ endpoint: values.local });
  try {
    const result = await rebuildKpis(
      {
        cases: new DynamoCaseStore(client, { cases: tables.cases }),
        kpis: new DynamoKpiStore(client, tables.kpis),
        stores: new CachedStoreDirectory(new DynamoStoreDirectory(client, tables.stores)),
      },
      storeId,
      from,
      to,
      { apply: values.apply },
    );
    console.log(`${result.casesRead} cases read; ${result.differences.length} differences in ${from}..${to}`);
    for (const { item, stored, recomputed } of result.differences) {
      console.log(`  ${item}: stored ${stored}, recomputed ${recomputed}`);
    }
    if (result.differences.length && values.apply) console.log('Applied: the counters now hold the recomputed values.');
    process.exitCode = result.differences.length && !values.apply ? 1 : 0;
  } finally {
    client.destroy();
  }
};

await main();
