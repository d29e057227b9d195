import { startLocalStack } from '../local/stack.js';
import { DynamoMeter } from './dynamo-meter.js';
import { returnRequest } from '../test/support/case-requests.js';
const stack = await startLocalStack({ port: 0, quiet: true, retryIntervalMs: 10 });
try {
  const meter = new DynamoMeter();
  meter.attach((stack.dependencies.cases as any).client);
  const s = meter.snapshot();
  const r = await fetch(`${stack.url}/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': stack.apiKeys.storeA, 'idempotency-key': 'k1' }, body: JSON.stringify(returnRequest()) });
  console.log(r.status, meter.since(s));
  const caseId = ((await r.json()) as any).caseId;
  const ex = await stack.engine.waitForExecution(caseId, { timeoutMs: 10000 });
  console.log(ex.status, ex.transitionCount, ex.historyEventCount, meter.since(s), ex.events?.slice(0, 6));
} finally { await stack.stop(); }
