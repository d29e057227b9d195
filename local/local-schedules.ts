import type { ScheduleDeclaration } from '../functions/wiring/schedules.js';
import type { EngineLogger } from './workflow-engine.js';

export interface LocalScheduledFunction {
  declaration: ScheduleDeclaration;
  run: () => Promise<unknown>;
}

export interface LocalSchedulesOptions {
  functions: LocalScheduledFunction[];
  /** Replaces every declared period (tests, demos); `everyMinutes` of the declaration by default. */
  everyMs?: number;
  logger: Pick<EngineLogger, 'error'>;
}

/**
 * What EventBridge rules do in AWS: each declared schedule's handler, on a timer. A run never overlaps the previous
 * one of the same schedule (a slow run makes the next tick a no-op), and a failed run is logged, not retried: the next
 * tick does the same work, as a rule with no retry does.
 */
export class LocalSchedules {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: LocalSchedulesOptions) {}

  start(): void {
    for (const { declaration } of this.options.functions) {
      const period = this.options.everyMs ?? declaration.everyMinutes * 60_000;
      const timer = setInterval(() => {
        this.runNow(declaration.name).catch((error: unknown) =>
          this.options.logger.error('Scheduled function failed', { schedule: declaration.name, error }),
        );
      }, period);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Runs one schedule now (or joins its run in progress) and resolves with the handler's result. */
  runNow(name: string): Promise<unknown> {
    const scheduled = this.options.functions.find((candidate) => candidate.declaration.name === name);
    if (!scheduled) throw new Error(`No schedule named ${name}`);
    if (this.stopped) return Promise.resolve(undefined);
    const inProgress = this.running.get(name);
    if (inProgress) return inProgress;
    const run = scheduled.run().finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  /** Clears the timers and waits for the runs in progress. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.allSettled([...this.running.values()]);
  }
}
