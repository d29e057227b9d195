import type { CaseWorkflow } from '../functions/ports/case-workflow.js';
import type { LocalStack } from '../local/stack.js';

/**
 * Stands between the stack's handlers and its workflow engine (the stack's `dependencies.workflow`, which every handler
 * and task of the stack reads per call), so that a count sees only the request's own DynamoDB work:
 * - `holdStarts()`: new executions are not started at all (the intake comparison, the storefront operations); the
 *   cases stay `submitted`, as the floor's do;
 * - `recording`: completions of parked waits are recorded instead of delivered, and `release()` delivers them once
 *   the count is over, so the execution's next steps run outside it.
 */
export class WorkflowGate {
  heldStarts = 0;
  recording = false;
  private readonly real: CaseWorkflow;
  private holding = false;
  private recorded: Array<[token: string, output: Record<string, unknown>]> = [];

  constructor(private readonly stack: LocalStack) {
    this.real = stack.dependencies.workflow;
    stack.dependencies.workflow = {
      start: async (input) => {
        if (!this.holding) return this.real.start(input);
        this.heldStarts += 1;
      },
      completeWait: async (token, output) => {
        if (!this.recording) return this.real.completeWait(token, output);
        this.recorded.push([token, output]);
      },
    };
  }

  holdStarts(hold = true): void {
    this.holding = hold;
  }

  /** Delivers the completions recorded during the count; returns how many there were. */
  async release(): Promise<number> {
    const recorded = this.recorded;
    this.recorded = [];
    for (const [token, output] of recorded) await this.real.completeWait(token, output);
    return recorded.length;
  }

  /** Puts the engine back in front of the stack. */
  remove(): void {
    this.stack.dependencies.workflow = this.real;
  }
}
