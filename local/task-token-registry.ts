import { randomBytes } from 'node:crypto';

interface ParkedTask {
  execution: string;
  resolve: (output: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * The local stand-in for Step Functions' task tokens: each callback task parks here under a fresh random token until
 * `complete` (SendTaskSuccess), `fail` (its handler threw) or its timeout. A token is single use: once settled or timed
 * out it is forgotten, and later calls with it return false, as a late SendTaskSuccess is harmless in AWS.
 */
export class TaskTokenRegistry {
  private readonly parked = new Map<string, ParkedTask>();

  /**
   * Registers a waiter and returns its token; call this BEFORE the handler runs, since the handler may complete the token
   * itself. At the timeout the token is only forgotten: the library's own timer, armed for the same state with the same
   * duration, fails the state with its native `States.Timeout` error, so Retry and Catch match it exactly as it defines.
   */
  park(execution: string, timeoutMs: number): { token: string; result: Promise<unknown> } {
    const token = randomBytes(32).toString('base64url');
    const result = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => this.parked.delete(token), timeoutMs);
      this.parked.set(token, { execution, resolve, reject, timer });
    });
    return { token, result };
  }

  /** Resolves the parked task with `output` as the state's result; false when the token is unknown, used or timed out. */
  complete(token: string, output: unknown): boolean {
    const task = this.take(token);
    task?.resolve(output);
    return task !== undefined;
  }

  /** Fails the parked task with `error`; false when it is no longer parked. */
  fail(token: string, error: unknown): boolean {
    const task = this.take(token);
    task?.reject(error);
    return task !== undefined;
  }

  /** Fails every task parked by one execution (the engine stops it), clearing their timers. */
  releaseExecution(execution: string, error: unknown): void {
    for (const [token, task] of this.parked) {
      if (task.execution === execution) this.fail(token, error);
    }
  }

  get size(): number {
    return this.parked.size;
  }

  private take(token: string): ParkedTask | undefined {
    const task = this.parked.get(token);
    if (!task) return undefined;
    this.parked.delete(token);
    clearTimeout(task.timer);
    return task;
  }
}
