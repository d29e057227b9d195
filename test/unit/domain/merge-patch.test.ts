import { describe, expect, it } from 'vitest';
import { mergePatch } from '../../../functions/domain/merge-patch.js';

describe('Function: mergePatch (RFC 7396)', () => {
  it('keeps every field the patch does not name and replaces the ones it does', () => {
    // Act
    const merged = mergePatch({ name: 'A', maxOpenCases: 5, supervisorId: 's1' }, { maxOpenCases: 8 });

    // Assess
    expect(merged).toEqual({ name: 'A', maxOpenCases: 8, supervisorId: 's1' });
  });

  it('merges nested objects field by field, replaces arrays whole and removes a field sent as null', () => {
    // Act
    const merged = mergePatch(
      { skills: { types: ['repair'], locales: ['en'] }, supervisorId: 's1', tags: ['a', 'b'] },
      { skills: { locales: ['zh-CN'] }, supervisorId: null, tags: ['c'] },
    );

    // Assess
    expect(merged).toEqual({ skills: { types: ['repair'], locales: ['zh-CN'] }, tags: ['c'] });
  });

  it('leaves the target unchanged (a copy is returned) and treats a non-object patch as the new value', () => {
    // Prepare
    const target = { a: { b: 1 } };

    // Act
    const merged = mergePatch(target, { a: { c: 2 } });

    // Assess
    expect(target).toEqual({ a: { b: 1 } });
    expect(merged).toEqual({ a: { b: 1, c: 2 } });
    expect(mergePatch({ a: 1 }, ['x'])).toEqual(['x']);
    expect(mergePatch('old', { a: 1 })).toEqual({ a: 1 });
  });
});
