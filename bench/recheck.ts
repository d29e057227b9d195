import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/document-client.js';
import { durationToSeconds } from '../functions/domain/duration.js';
import { DEFAULT_SIGNAL_RECHECK_AFTER } from '../functions/domain/store.js';
import type { LocalStack } from '../local/stack.js';
import { fileCase, type Caller } from './api-client.js';
import { CANCELLATION } from './case-requests.js';
import { intakeBody } from './intake.js';
import type { PathContext, TaskStates } from './lifecycle.js';
import { atMedian } from './stats.js';
import { cycleFigures, escalationStarts, type WorkflowCycleFigures } from './workflow-cycles.js';

/** The store the recheck runs on: nothing else of the bench touches it, so no cached copy of its profile is older. */
const RECHECK_STORE = 'store-b';
/** How often the measured case rechecks, instead of `DEFAULT_SIGNAL_RECHECK_AFTER`. */
const MEASURED_PERIOD = 'PT1S';
const TURNS = 3;
const DAY_SECONDS = 86_400;

export interface RecheckFigures {
  store: string;
  /** The store's `signalRecheckAfter` while measured (its default is `defaultPeriod`). */
  measuredWith: string;
  turns: WorkflowCycleFigures[];
  /** The turn with the median round trips. */
  perRecheck: WorkflowCycleFigures;
  defaultPeriod: string;
  /** What one case parked for a day costs at the default period: rechecks a day × the median turn. */
  perCaseDay: Pick<
    WorkflowCycleFigures,
    'transitions' | 'taskInvocations' | 'taskMs' | 'dynamoRoundTrips' | 'readCapacityUnits' | 'writeCapacityUnits'
  > & { rechecks: number };
}

/**
 * Sets the store's `signalRecheckAfter`, or removes it (the default applies). No API sets it: one UpdateItem on a
 * client of the bench's own (not metered), as the local seed writes the demo stores' profiles.
 */
const setRecheckPeriod = async (stack: LocalStack, period: string | undefined): Promise<void> => {
  const client = createDocumentClient({ endpoint: stack.dynamoDb.endpoint });
  try {
    await client.send(
      new UpdateCommand({
        TableName: stack.tables.stores,
        Key: { pk: `STORE#${RECHECK_STORE}`, sk: 'PROFILE' },
        ...(period === undefined
          ? { UpdateExpression: 'REMOVE signalRecheckAfter' }
          : { UpdateExpression: 'SET signalRecheckAfter = :period', ExpressionAttributeValues: { ':period': period } }),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  } finally {
    client.destroy();
  }
};

/**
 * The recheck safety net: a parked wait wakes every `signalRecheckAfter` even when nothing is due, in case an API
 * action's signal was lost, and each wake-up is a turn of the workflow (EscalateOverdue with nothing to do,
 * RouteProgress, the wait again). Measured on a case of store B with the default SLA policy (nothing falls due for
 * hours) and the period set to 1 s: TURNS turns counted by time window, then the customer cancels the case and the
 * profile is put back.
 */
export const measureRecheck = async (
  context: PathContext,
  taskStates: TaskStates,
  storefront: Caller,
): Promise<RecheckFigures> => {
  const { stack, meter, probe } = context;
  await setRecheckPeriod(stack, MEASURED_PERIOD);
  meter.journaling = true;
  try {
    const caseId = await fileCase(storefront, intakeBody());
    const parked = await probe.parkedOn(caseId, 'firstResponse');
    const { since, wakeAt } = parked.workflowWait ?? {};
    if (!since || !wakeAt || Date.parse(wakeAt) - Date.parse(since) > durationToSeconds(MEASURED_PERIOD) * 1000) {
      throw new Error(`Case ${caseId} parks until ${wakeAt} from ${since}: the recheck period was not applied`);
    }
    const record = await probe.untilExecution(
      caseId,
      `recheck ${TURNS} times`,
      (current) => escalationStarts(current).length > TURNS,
    );
    const starts = escalationStarts(record);
    const turns = cycleFigures(
      { record, taskStates, meter, emails: await stack.outbox.list(), timeline: await probe.timeline(caseId) },
      starts.slice(0, TURNS),
      starts[TURNS] ?? Date.now(),
    );
    if (turns.some((turn) => turn.levels.length > 0 || turn.breaches.length > 0 || turn.emails > 0)) {
      throw new Error(`Case ${caseId}: an SLA step fell due during the recheck: ${JSON.stringify(turns)}`);
    }
    await storefront.post(`/v1/cases/${caseId}/cancel`, CANCELLATION);
    await probe.ended(caseId);
    const perRecheck = atMedian(turns, (turn) => turn.dynamoRoundTrips);
    const rechecks = DAY_SECONDS / durationToSeconds(DEFAULT_SIGNAL_RECHECK_AFTER);
    return {
      store: RECHECK_STORE,
      measuredWith: MEASURED_PERIOD,
      turns,
      perRecheck,
      defaultPeriod: DEFAULT_SIGNAL_RECHECK_AFTER,
      perCaseDay: {
        rechecks,
        transitions: rechecks * perRecheck.transitions,
        taskInvocations: rechecks * perRecheck.taskInvocations,
        taskMs: rechecks * perRecheck.taskMs,
        dynamoRoundTrips: rechecks * perRecheck.dynamoRoundTrips,
        readCapacityUnits: rechecks * perRecheck.readCapacityUnits,
        writeCapacityUnits: rechecks * perRecheck.writeCapacityUnits,
      },
    };
  } finally {
    meter.journaling = false;
    await setRecheckPeriod(stack, undefined);
  }
};
