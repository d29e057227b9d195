import { describe, expect, it } from 'vitest';
import { formatLocalDueTime } from '../../../functions/email/local-due-time.js';

describe('Function: formatLocalDueTime', () => {
  it.each([
    { dueAt: '2026-11-30T04:00:00Z', timezone: 'Asia/Shanghai', shown: '2026-11-30 12:00 (Asia/Shanghai)' },
    { dueAt: '2026-11-30T12:00:00+08:00', timezone: 'Asia/Shanghai', shown: '2026-11-30 12:00 (Asia/Shanghai)' },
    { dueAt: '2026-11-30T17:30:00.000Z', timezone: 'Asia/Shanghai', shown: '2026-12-01 01:30 (Asia/Shanghai)' },
    { dueAt: '2026-11-30T04:00:00Z', timezone: 'America/New_York', shown: '2026-11-29 23:00 (America/New_York)' },
    { dueAt: '2026-07-01T04:00:00Z', timezone: 'America/New_York', shown: '2026-07-01 00:00 (America/New_York)' },
    { dueAt: '2026-11-30T04:00:00Z', timezone: 'Asia/Kathmandu', shown: '2026-11-30 09:45 (Asia/Kathmandu)' },
    { dueAt: '2026-11-30T04:00:00Z', timezone: 'UTC', shown: '2026-11-30 04:00 (UTC)' },
    { dueAt: '2026-11-30T04:07:59.999Z', timezone: 'Asia/Shanghai', shown: '2026-11-30 12:07 (Asia/Shanghai)' },
  ])('returns $shown when $dueAt is read in $timezone', ({ dueAt, timezone, shown }) => {
    // Act
    const formatted = formatLocalDueTime(dueAt, timezone);

    // Assess
    expect(formatted).toBe(shown);
  });

  it.each([
    { dueAt: 'tomorrow', timezone: 'Asia/Shanghai' },
    { dueAt: '', timezone: 'Asia/Shanghai' },
    { dueAt: '2026-11-30T12:00:00', timezone: 'Asia/Shanghai' },
    { dueAt: '2026-13-30T04:00:00Z', timezone: 'Asia/Shanghai' },
    { dueAt: '2026-11-30T04:00:00Z', timezone: 'Mars/Olympus_Mons' },
  ])('throws a RangeError when "$dueAt" in "$timezone" names no instant or zone', ({ dueAt, timezone }) => {
    // Act
    const format = () => formatLocalDueTime(dueAt, timezone);

    // Assess
    expect(format).toThrow(RangeError);
  });
});
