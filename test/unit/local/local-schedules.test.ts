import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleDeclaration } from '../../../functions/wiring/schedules.js';
import { LocalSchedules } from '../../../local/local-schedules.js';

const declaration = (name: string, everyMinutes = 1): ScheduleDeclaration => ({
  name,
  handler: name,
  everyMinutes,
  summary: name,
  capabilities: {},
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Class: LocalSchedules', () => {
  it('runs each schedule at its declared period, and never after stop', async () => {
    // Prepare
    vi.useFakeTimers();
    const run = vi.fn(async () => 'done');
    const schedules = new LocalSchedules({
      functions: [{ declaration: declaration('sweep', 2), run }],
      logger: { error: vi.fn() },
    });

    // Act
    schedules.start();
    await vi.advanceTimersByTimeAsync(2 * 60_000 - 1);
    const beforePeriod = run.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1);
    const afterOnePeriod = run.mock.calls.length;
    await schedules.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);

    // Assess
    expect(beforePeriod).toBe(0);
    expect(afterOnePeriod).toBe(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never overlaps two runs of one schedule: a run asked for meanwhile joins the one in progress', async () => {
    // Prepare
    let finish = (): void => undefined;
    const run = vi.fn(() => new Promise<string>((done) => (finish = () => done('swept'))));
    const schedules = new LocalSchedules({
      functions: [{ declaration: declaration('sweep'), run }],
      logger: { error: vi.fn() },
    });

    // Act
    const first = schedules.runNow('sweep');
    const second = schedules.runNow('sweep');
    finish();

    // Assess
    await expect(Promise.all([first, second])).resolves.toEqual(['swept', 'swept']);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('logs a failed run and keeps its timer', async () => {
    // Prepare
    vi.useFakeTimers();
    const error = vi.fn();
    const run = vi.fn(async () => {
      throw new Error('down');
    });
    const schedules = new LocalSchedules({
      functions: [{ declaration: declaration('sweep'), run }],
      logger: { error },
    });

    // Act
    schedules.start();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await schedules.stop();

    // Assess
    expect(run).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith('Scheduled function failed', expect.objectContaining({ schedule: 'sweep' }));
  });
});
