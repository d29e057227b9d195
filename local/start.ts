/**
 * `npm start`: the whole service on this machine. The one place that reads the local settings from the environment:
 *   PORT                   HTTP port (default 3000)
 *   DATA_DIR               where data persists between runs (default `.local/` in the repository, git-ignored)
 *   REVIEW_REMINDER_AFTER  the demo stores' manual-review reminder delay, ISO 8601 (e.g. PT30S); default P1D
 */
import { fileURLToPath } from 'node:url';
import { isIsoDuration } from '../functions/domain/duration.js';
import { JavaNotFoundError, DynamoDbLocalStartError } from './dynamodb-local.js';
import { DataFolderInUseError, killTree } from './process-tree.js';
import { PortInUseError } from './server.js';
import { startLocalStack, type LocalStack } from './stack.js';
import { SEEDED_STAFF_USERS } from './staff-users.js';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.local/', import.meta.url));
const STOP_TIMEOUT_MS = 15_000;
const REPEATED_SIGNAL_MS = 1_000;

const fail = (message: string): never => {
  console.error(`\n${message}\n`);
  process.exit(1);
};

const portFromEnv = (value: string | undefined): number => {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return fail(`PORT must be a number from 0 to 65535, got ${value}`);
  return port;
};

/** `store-a: agent1, agent2 (agent), supervisor1 (supervisor), admin1 (admin)`, one line per store. */
const staffUserLines = (): string[] => {
  const storeIds = [...new Set(SEEDED_STAFF_USERS.map((user) => user.storeId))];
  return storeIds.map(
    (storeId) =>
      `${storeId}: ` +
      SEEDED_STAFF_USERS.filter((user) => user.storeId === storeId)
        .map((user) => `${user.username} (${user.groups.join(', ')})`)
        .join(', '),
  );
};

/** The demo request's dates are relative to today, so the printed return is always inside the 7-day window. */
const daysAgo = (days: number): string =>
  new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const banner = (stack: LocalStack, dataDir: string): string => `
After-sales service running locally

  API              ${stack.url}/v1
  OpenAPI          ${stack.url}/v1/openapi.json
  Outbox (emails)  ${stack.url}/_local/outbox.html   (JSON: ${stack.url}/_local/outbox)
  Data             ${dataDir}
  DynamoDB Local   ${stack.dynamoDb.endpoint}   (pid ${stack.dynamoDb.pid})

  Demo API keys    Demo Store A: ${stack.apiKeys.storeA}
                   Demo Store B: ${stack.apiKeys.storeB}

  Staff users      ${staffUserLines().join('\n                   ')}
  Staff token      (valid 12 h; signing key kept in the data folder, so tokens survive a restart)
    TOKEN=$(curl -s -X POST ${stack.url}/_local/login -H 'content-type: application/json' -d '{"username":"agent1"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')
    curl -s ${stack.url}/v1/staff/cases -H "authorization: Bearer $TOKEN"
  KPI reports      as supervisor1 or admin1 (log in as one of them above):
    curl -s "${stack.url}/v1/reports/kpis?period=week" -H "authorization: Bearer $TOKEN"          (JSON; format=csv for CSV)
    curl -s "${stack.url}/v1/reports/kpis?period=month&format=html" -H "authorization: Bearer $TOKEN" > kpis.html   (the chart page)

  Try it:
    curl -s ${stack.url}/v1/cases -H 'x-api-key: ${stack.apiKeys.storeA}' -H 'content-type: application/json' \\
      -d '{"orderId":"SO-1001","orderedAt":"${daysAgo(4)}","deliveredAt":"${daysAgo(2)}","customer":{"id":"c-42","email":"li.lei@example.com","name":"Li Lei","locale":"zh-CN"},"type":"return","items":[{"sku":"KT-100","name":"Kettle","category":"appliances","quantity":1,"unitPrice":199}],"currency":"CNY","description":"The kettle leaks from the base."}'

Press Ctrl-C to stop.
`;

const KNOWN_FAILURES = [JavaNotFoundError, PortInUseError, DataFolderInUseError, DynamoDbLocalStartError];

const main = async (): Promise<void> => {
  const port = portFromEnv(process.env.PORT);
  const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;
  const reviewReminderAfter = process.env.REVIEW_REMINDER_AFTER || undefined;
  if (reviewReminderAfter !== undefined && !isIsoDuration(reviewReminderAfter)) {
    fail(`REVIEW_REMINDER_AFTER must be an ISO 8601 duration such as PT30S or P1D, got ${reviewReminderAfter}`);
  }

  let stack: LocalStack;
  try {
    stack = await startLocalStack({ port, dataDir, reviewReminderAfter });
  } catch (error) {
    if (KNOWN_FAILURES.some((kind) => error instanceof kind)) return fail((error as Error).message);
    throw error;
  }
  console.log(banner(stack, dataDir));

  let stoppingSince: number | undefined;
  const shutDown = (code: number) => {
    if (stoppingSince !== undefined) {
      // The same Ctrl-C can arrive twice (the terminal signals the whole group, and a wrapper such as tsx's CLI relays it):
      // only a later one counts. `npm start` runs node itself (`--import tsx`), so no wrapper relays it there.
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
      // A second Ctrl-C: do not wait any longer, but never leave Java behind.
      console.error('Interrupted again: stopping now.');
      killTree(stack.dynamoDb.pid, 'SIGKILL');
      process.exit(code === 0 ? 130 : code);
    }
    stoppingSince = Date.now();
    console.log('\nStopping (waiting for DynamoDB Local to exit)...');
    const timer = setTimeout(() => {
      console.error('Stopping took too long; killing DynamoDB Local.');
      killTree(stack.dynamoDb.pid, 'SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    stack
      .stop()
      .then(() => {
        clearTimeout(timer);
        console.log('Stopped.');
        process.exit(code);
      })
      .catch((error: unknown) => {
        console.error('Could not stop cleanly:', error);
        killTree(stack.dynamoDb.pid, 'SIGKILL');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutDown(0));
  process.on('SIGTERM', () => shutDown(0));
  // A bug must not leave DynamoDB Local running: stop as for a signal, but report the failure.
  process.on('uncaughtException', (error) => {
    console.error('Unexpected error:', error);
    shutDown(1);
  });
  process.on('unhandledRejection', (reason) => {
    console.error('Unhandled rejection:', reason);
    shutDown(1);
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
