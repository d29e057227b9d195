import { logger } from '../functions/commons/logger.js';
import type { LocalStack } from '../local/stack.js';

/**
 * What the functions log, as CloudWatch Logs would ingest it. The deployed functions log JSON at INFO and above
 * (`applicationLogLevelV2: INFO`, `systemLogLevelV2: WARN`: no START/END/REPORT lines), one event per line; the local
 * stack runs every handler in this process with the one Powertools logger, so its lines are what the Lambdas would
 * write. While installed, the logger logs at INFO and its lines are counted and kept off the bench's output; any other
 * output passes through.
 */
export class LogMeter {
  private bytes = 0;
  private lines = 0;
  private restore: (() => void) | undefined;

  install(): void {
    if (this.restore) return;
    const previousLevel = logger.getLevelName();
    const streams = [process.stdout, process.stderr];
    const ownWrites = streams.map((stream) => Object.getOwnPropertyDescriptor(stream, 'write'));
    const writes = streams.map((stream) => stream.write.bind(stream));
    for (const [index, stream] of streams.entries()) {
      const write = writes[index];
      stream.write = (chunk: unknown, ...rest: unknown[]) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
        if (this.isLoggerLine(text)) {
          for (const line of text.split('\n').filter((part) => part.length > 0)) {
            this.bytes += Buffer.byteLength(line, 'utf8');
            this.lines += 1;
          }
          const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
          done?.();
          return true;
        }
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      };
    }
    logger.setLogLevel('INFO');
    this.restore = () => {
      for (const [index, stream] of streams.entries()) {
        // Put back exactly what was there: the prototype's method, or an own one someone else installed.
        const own = ownWrites[index];
        if (own) Object.defineProperty(stream, 'write', own);
        else delete (stream as { write?: unknown }).write;
      }
      logger.setLogLevel(previousLevel);
    };
  }

  uninstall(): void {
    this.restore?.();
    this.restore = undefined;
  }

  snapshot(): { bytes: number; lines: number } {
    return { bytes: this.bytes, lines: this.lines };
  }

  since(before: { bytes: number; lines: number }): { bytes: number; lines: number } {
    return { bytes: this.bytes - before.bytes, lines: this.lines - before.lines };
  }

  /** A Powertools line: one JSON object with its level and our service name. */
  private isLoggerLine(text: string): boolean {
    const first = text.trimStart();
    return first.startsWith('{') && text.includes('"level"') && text.includes('"service":"after-sales"');
  }
}

/**
 * Messages sent to the work queue (SQS in AWS): the local queue's `enqueue` is what `SendMessage` is there, the
 * consumer's continuations included.
 */
export class QueueMeter {
  private sent = 0;
  private restore: (() => void) | undefined;

  install(stack: Pick<LocalStack, 'workQueue'>): void {
    if (this.restore) return;
    const queue = stack.workQueue;
    const enqueue = queue.enqueue.bind(queue);
    queue.enqueue = async (job) => {
      this.sent += 1;
      return enqueue(job);
    };
    this.restore = () => {
      queue.enqueue = enqueue;
    };
  }

  uninstall(): void {
    this.restore?.();
    this.restore = undefined;
  }

  snapshot(): number {
    return this.sent;
  }

  since(before: number): number {
    return this.sent - before;
  }
}
