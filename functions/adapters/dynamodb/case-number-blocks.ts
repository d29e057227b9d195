/**
 * Case numbers without a round trip of their own. A store's daily counter (`last`: the highest number claimed) is
 * moved by whole blocks, and the claim of a block rides in the transaction that writes the block's first case; the
 * other numbers of the block are this container's alone, so the cases that take them write no counter at all.
 *
 * - Unique under any concurrency: a claim sets `last` from the value this container last saw to the block's end, only
 *   while `last` still holds that value. Two claims of one block cannot both commit, and a number is handed out only
 *   from a block whose claim committed (or by the claiming transaction itself).
 * - Dense: a container's blocks double from 1 number up to `MAX_BLOCK`, so one that files a single case of a store in a
 *   day leaves no gap; numbers a container never used (it was stopped, the day ended) stay unused, at most about as
 *   many as it filed that day.
 * - A stale guess (another container claimed meanwhile) cancels the transaction, whose cancellation reason carries the
 *   counter (`ReturnValuesOnConditionCheckFailure: ALL_OLD`): the retry claims after it, with no read.
 */

/** The most numbers one claim takes. */
export const MAX_BLOCK = 32;

/** How long a number waits for this container's claim in flight before claiming on its own (a claim takes ms). */
const CLAIM_WAIT_MS = 2_000;

/** Store-days kept; a warm container serves few, and an old day's numbers are never taken again. */
const MAX_LANES = 500;

/** A number taken for one case write, with the claim that write must carry when the number opens a block. */
export interface CaseSequence {
  storeId: string;
  day: string;
  sequence: number;
  /** The counter moves from `expectedLast` to `last` in the same transaction as the case (absent: block owned). */
  claim?: { expectedLast: number; last: number };
}

/**
 * How the write of a taken number ended: `committed`; `cancelled` (nothing written; `counterLast` when the claim's
 * own condition failed, the counter's value as stored); `unknown` (the transaction may have committed).
 */
export type SequenceOutcome = { committed: true } | { committed: false; counterLast?: number } | 'unknown';

interface Lane {
  /** Numbers of committed blocks not yet written, smallest first. */
  free: number[];
  /** The counter's value as this container last knew it. */
  knownLast: number;
  claims: number;
  /** The claim in flight, which other numbers of this lane wait for. */
  claiming?: { sequence: CaseSequence; settled: Promise<void> };
}

/** One container's blocks of case numbers, per store and day. Holds no client: the case store writes the claims. */
export class CaseNumberBlocks {
  private readonly lanes = new Map<string, Lane>();
  private readonly claimsInFlight = new WeakMap<CaseSequence, () => void>();

  async take(storeId: string, day: string): Promise<CaseSequence> {
    const lane = this.laneOf(storeId, day);
    const deadline = Date.now() + CLAIM_WAIT_MS;
    while (lane.claiming && Date.now() < deadline) await settledOrTimeout(lane.claiming.settled, deadline);
    const owned = lane.free.shift();
    if (owned !== undefined) return { storeId, day, sequence: owned };
    const expectedLast = lane.knownLast;
    const sequence: CaseSequence = {
      storeId,
      day,
      sequence: expectedLast + 1,
      claim: { expectedLast, last: expectedLast + Math.min(MAX_BLOCK, 2 ** lane.claims) },
    };
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    lane.claiming = { sequence, settled };
    this.claimsInFlight.set(sequence, settle);
    return sequence;
  }

  /** Call once for every number taken, with how its write ended. */
  settle(taken: CaseSequence, outcome: SequenceOutcome): void {
    const lane = this.laneOf(taken.storeId, taken.day);
    const committed = outcome !== 'unknown' && outcome.committed;
    if (taken.claim) {
      if (committed) {
        lane.knownLast = Math.max(lane.knownLast, taken.claim.last);
        lane.claims += 1;
        for (let next = taken.sequence + 1; next <= taken.claim.last; next += 1) lane.free.push(next);
        lane.free.sort((a, b) => a - b);
      } else if (outcome !== 'unknown' && !outcome.committed && outcome.counterLast !== undefined) {
        lane.knownLast = outcome.counterLast;
      }
      // Unknown: the block may be someone's now; the next claim expects the same value and learns the truth if not.
      if (lane.claiming?.sequence === taken) lane.claiming = undefined;
      this.claimsInFlight.get(taken)?.();
      this.claimsInFlight.delete(taken);
      return;
    }
    // A cancelled write wrote nothing: the number is still this container's. One that may have committed is dropped.
    if (!committed && outcome !== 'unknown') lane.free = [...lane.free, taken.sequence].sort((a, b) => a - b);
  }

  private laneOf(storeId: string, day: string): Lane {
    const key = `${storeId}#${day}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      if (this.lanes.size >= MAX_LANES) this.lanes.delete(this.lanes.keys().next().value as string);
      lane = { free: [], knownLast: 0, claims: 0 };
      this.lanes.set(key, lane);
    }
    return lane;
  }
}

const settledOrTimeout = (settled: Promise<void>, deadline: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    timer.unref?.();
    void settled.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
