import { describe, expect, it } from 'vitest';
import { CaseNumberBlocks, MAX_BLOCK } from '../../../functions/adapters/dynamodb/case-number-blocks.js';

describe('Class: CaseNumberBlocks', () => {
  it('claims blocks doubling up to MAX_BLOCK, each from the counter value it last knew', async () => {
    // Prepare
    const blocks = new CaseNumberBlocks();
    const claims: Array<{ sequence: number; claim?: { expectedLast: number; last: number } }> = [];

    // Act: every write commits.
    for (let index = 0; index < 100; index += 1) {
      const taken = await blocks.take('s', '20261120');
      if (taken.claim) claims.push({ sequence: taken.sequence, claim: taken.claim });
      blocks.settle(taken, { committed: true });
    }

    // Assess
    expect(claims.map(({ claim }) => claim?.last)).toEqual([1, 3, 7, 15, 31, 63, 95, 127]);
    expect(claims.every(({ sequence, claim }) => sequence === (claim?.expectedLast ?? 0) + 1)).toBe(true);
    expect(Math.max(...claims.map(({ claim }) => (claim?.last ?? 0) - (claim?.expectedLast ?? 0)))).toBe(MAX_BLOCK);
  });

  it('gives back a number whose write was cancelled, and drops one whose write may have committed', async () => {
    // Prepare: a block of 1, then one of 2 (numbers 2 and 3).
    const blocks = new CaseNumberBlocks();
    blocks.settle(await blocks.take('s', 'd'), { committed: true });
    blocks.settle(await blocks.take('s', 'd'), { committed: true });

    // Act
    const three = await blocks.take('s', 'd');
    blocks.settle(three, { committed: false });
    const again = await blocks.take('s', 'd');
    blocks.settle(again, 'unknown');
    const next = await blocks.take('s', 'd');

    // Assess
    expect([three.sequence, again.sequence]).toEqual([3, 3]);
    expect(next).toMatchObject({ sequence: 4, claim: { expectedLast: 3, last: 7 } });
  });

  it('claims after the counter a cancelled claim found, and never owns a block whose claim did not commit', async () => {
    // Prepare
    const blocks = new CaseNumberBlocks();
    const guess = await blocks.take('s', 'd');

    // Act: the counter was at 40 (another container); then a claim whose outcome is unknown.
    blocks.settle(guess, { committed: false, counterLast: 40 });
    const retry = await blocks.take('s', 'd');
    blocks.settle(retry, 'unknown');
    const after = await blocks.take('s', 'd');

    // Assess
    expect(guess.claim).toEqual({ expectedLast: 0, last: 1 });
    expect(retry).toMatchObject({ sequence: 41, claim: { expectedLast: 40, last: 41 } });
    expect(after).toMatchObject({ sequence: 41, claim: { expectedLast: 40, last: 41 } });
  });

  it('makes a number wait for the claim in flight, then hands out the claimed block', async () => {
    // Prepare
    const blocks = new CaseNumberBlocks();
    blocks.settle(await blocks.take('s', 'd'), { committed: true });
    const claiming = await blocks.take('s', 'd');

    // Act
    const waiting = blocks.take('s', 'd');
    blocks.settle(claiming, { committed: true });

    // Assess
    expect(claiming).toMatchObject({ sequence: 2, claim: { expectedLast: 1, last: 3 } });
    expect(await waiting).toEqual({ storeId: 's', day: 'd', sequence: 3 });
  });

  it('keeps stores and days apart', async () => {
    const blocks = new CaseNumberBlocks();
    const a = await blocks.take('a', 'd1');
    const b = await blocks.take('b', 'd1');
    const nextDay = await blocks.take('a', 'd2');
    expect([a.sequence, b.sequence, nextDay.sequence]).toEqual([1, 1, 1]);
  });
});
