import { describe, expect, it } from 'vitest';
import { newSortableId, SORTABLE_ID_BODY } from '../../../functions/domain/ids.js';

describe('Function: newSortableId', () => {
  it('returns ids in creation order for ids made in the same millisecond', () => {
    // Prepare
    const at = new Date('2026-11-24T08:00:00.000Z');

    // Act
    const ids = Array.from({ length: 500 }, () => newSortableId('ev', at));

    // Assess
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns ids that sort by time across milliseconds', () => {
    // Act
    const earlier = newSortableId('ev', new Date('2026-11-24T08:00:00.001Z'));
    const later = newSortableId('ev', new Date('2026-11-24T08:00:00.002Z'));

    // Assess
    expect(earlier < later).toBe(true);
    expect(later).toMatch(new RegExp(`^ev_${SORTABLE_ID_BODY}$`));
  });
});
