/**
 * How long the suite waits, set in this one place. Tests wait on events (a case parked on a signal, an email in the
 * outbox, an execution ended, a process's banner or exit), never on a stopwatch: a wait returns as soon as its event
 * happens, so the ceiling costs nothing on a fast machine, and it only decides how long a test that is already failing
 * takes to say so. It is generous on purpose: the longest event a test waits for is a 20 s SLA step on a loaded
 * 2-core machine, so reaching the ceiling means the event is missing, not that the machine is slow.
 */
export const WAIT_CEILING_MS = 60_000;

/**
 * A test or hook (vitest's `testTimeout` and `hookTimeout`): a few waits in a row, each under the ceiling. Only a
 * test that hangs outside any wait reaches it.
 */
export const TEST_CEILING_MS = 5 * WAIT_CEILING_MS;

type Truthy<T> = Exclude<T, undefined | null | false | '' | 0>;

export interface WaitOptions {
  /** What is awaited, for the error when it never happens (e.g. `'case parked on firstResponse'`). */
  what?: string;
  /**
   * How often to look, when a fixed period is wanted (a whole outbox, a staff view). Without it, the first looks come
   * quickly (25 ms) and the period grows to 300 ms: a long wait (an SLA step of seconds) then costs a few dozen probes
   * instead of hundreds, each a DynamoDB Local request, which is the suite's largest CPU cost after the tests' own work.
   */
  intervalMs?: number;
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const FIRST_INTERVAL_MS = 25;
const LONGEST_INTERVAL_MS = 300;

/** 25, 37, 56, 84, 126, 190, 284, then 300 ms: an event is seen at most 300 ms late. */
export const growingInterval = (look: number): number =>
  Math.min(LONGEST_INTERVAL_MS, Math.round(FIRST_INTERVAL_MS * 1.5 ** Math.min(look, 16)));

/**
 * Polls `probe` until it returns a truthy value, and returns that value. A probe that throws is retried too; at the
 * ceiling, the last error (or one naming `what`) is thrown.
 */
export const waitFor = async <T>(
  probe: () => T | Promise<T>,
  { what = 'the condition', intervalMs }: WaitOptions = {},
): Promise<Truthy<T>> => {
  const deadline = Date.now() + WAIT_CEILING_MS;
  let lastError: unknown;
  for (let look = 0; ; look += 1) {
    try {
      const value = await probe();
      if (value) return value as Truthy<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw lastError instanceof Error ? lastError : new Error(`waitFor: ${what} not met within ${WAIT_CEILING_MS} ms`);
    }
    await pause(intervalMs ?? growingInterval(look));
  }
};

/** `promise`, or an error naming `what` when it has not settled at the ceiling (a child process's exit, say). */
export const settles = <T>(promise: Promise<T>, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const ceiling = new Promise<never>((_done, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} did not happen within ${WAIT_CEILING_MS} ms`)), WAIT_CEILING_MS);
  });
  return Promise.race([promise, ceiling]).finally(() => clearTimeout(timer));
};

/**
 * Resolves once `instant` (plus `marginMs`) has passed: for a test that shows something did NOT happen, the event is
 * the moment it would have happened (a due time, the ladder's next step). Returns at once when that moment is past.
 */
export const past = async (instant: string | number | Date, marginMs = 500): Promise<void> => {
  const at = new Date(instant).getTime() + marginMs;
  if (Number.isNaN(at)) throw new Error(`past: not an instant: ${String(instant)}`);
  const left = at - Date.now();
  if (left > WAIT_CEILING_MS) throw new Error(`past: ${new Date(at).toISOString()} is beyond the wait ceiling`);
  if (left > 0) await pause(left);
};
