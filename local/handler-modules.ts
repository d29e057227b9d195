import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUCKET_EVENTS, type BucketEventDeclaration } from '../functions/wiring/bucket-events.js';
import { QUEUES } from '../functions/wiring/queues.js';
import { ROUTES } from '../functions/wiring/routes.js';
import { SCHEDULES, type ScheduleDeclaration } from '../functions/wiring/schedules.js';
import { WORKFLOW_TASKS } from '../functions/wiring/tasks.js';
import type { QueueConsumer } from './local-work-queue.js';
import type { HttpHandler, ApiRoute } from './server.js';
import type { TaskHandler } from './task-dispatcher.js';

/**
 * The handler modules named by the wiring, imported the way Lambda loads them (each module's `handler` export). Import
 * them only after `provideDependencies`: a module may read its dependencies when it loads, as at a cold start.
 */
const HANDLERS_DIR = fileURLToPath(new URL('../functions/handlers/', import.meta.url));

const importHandler = async <H>(
  folder: 'http' | 'tasks' | 'schedules' | 'queues' | 'bucket-events',
  name: string,
): Promise<H> => {
  // A file URL of the source: tsx and vitest load TypeScript directly (vite would otherwise glob a `.js` pattern).
  const url = pathToFileURL(join(HANDLERS_DIR, folder, `${name}.ts`)).href;
  const module = (await import(/* @vite-ignore */ url)) as { handler?: unknown };
  if (typeof module.handler !== 'function') {
    throw new Error(`functions/handlers/${folder}/${name}.ts does not export a handler function`);
  }
  return module.handler as H;
};

/** Every route of `ROUTES` with its handler. */
export const loadApiRoutes = async (): Promise<ApiRoute[]> =>
  Promise.all(
    ROUTES.map(async (route) => ({ ...route, invoke: await importHandler<HttpHandler>('http', route.handler) })),
  );

/** `LocalWorkflowEngine`'s task handlers, keyed by the ARN placeholder each Task state names. */
export const loadTaskHandlers = async (): Promise<Record<string, TaskHandler>> =>
  Object.fromEntries(
    await Promise.all(
      WORKFLOW_TASKS.map(
        async (task) => [task.arnPlaceholder, await importHandler<TaskHandler>('tasks', task.handler)] as const,
      ),
    ),
  );

/** Every schedule of `SCHEDULES` with its handler (run by `LocalSchedules`). */
export const loadScheduleHandlers = async (): Promise<
  Array<{ declaration: ScheduleDeclaration; run: () => Promise<unknown> }>
> =>
  Promise.all(
    SCHEDULES.map(async (declaration) => ({
      declaration,
      run: await importHandler<() => Promise<unknown>>('schedules', declaration.handler),
    })),
  );

/** Each declared queue's consumer, keyed by the queue's name (`QUEUES[].name`). */
export const loadQueueConsumers = async (): Promise<Record<string, QueueConsumer>> =>
  Object.fromEntries(
    await Promise.all(
      QUEUES.map(async (queue) => [queue.name, await importHandler<QueueConsumer>('queues', queue.handler)] as const),
    ),
  );

/** Each function of `BUCKET_EVENTS` with its handler (the local attachment storage notifies it). */
export const loadBucketEventHandlers = async (): Promise<
  Array<{ declaration: BucketEventDeclaration; run: (event: unknown) => Promise<unknown> }>
> =>
  Promise.all(
    BUCKET_EVENTS.map(async (declaration) => ({
      declaration,
      run: await importHandler<(event: unknown) => Promise<unknown>>('bucket-events', declaration.handler),
    })),
  );
