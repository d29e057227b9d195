import { providedDependencies } from '../commons/dependencies.js';
import { systemClock } from '../ports/clock.js';
import type { Dependencies } from '../ports/dependencies.js';
import type { DeclaredBucketEvent } from '../wiring/bucket-events.js';
import type { DeclaredQueue } from '../wiring/queues.js';
import type { DeclaredRoute } from '../wiring/routes.js';
import type { DeclaredSchedule } from '../wiring/schedules.js';
import type { DeclaredTask } from '../wiring/tasks.js';
import type { GrantedPorts, PortName } from './catalog.js';

interface Declarations {
  route: DeclaredRoute;
  task: DeclaredTask;
  schedule: DeclaredSchedule;
  queue: DeclaredQueue;
  bucketEvent: DeclaredBucketEvent;
}
type Kind = keyof Declarations;
type NameOf<K extends Kind> = Declarations[K]['name'];

/** The ports a declared function receives: what its declaration's capabilities grant, read by the compiler. */
export type PortsOf<K extends Kind, N extends NameOf<K>> = GrantedPorts<
  Extract<Declarations[K], { name: N }>['capabilities']
>;

/** Exactly these ports, and the clock (every function has it). */
export type Ports<P extends PortName> = Pick<Dependencies, P | 'clock'>;

/** A port's AWS adapter factory (`functions/capabilities/<name>/aws.ts`), called once per container. */
export type AwsAdapter<P extends PortName> = () => Dependencies[P];

/** One AWS adapter for each granted port, no more and no fewer (the compiler checks both). */
export type AwsAdapters<P extends PortName> = { readonly [Q in P]: AwsAdapter<Q> };

/** Where a handler gets its ports. */
export interface PortSource<P extends PortName> {
  /** The local stack's adapters when it provides them; else the AWS adapters, made on the first call and kept. */
  get(): Promise<Ports<P>>;
}

const declaredPorts = <P extends PortName>(adapters: AwsAdapters<P>): PortSource<P> => {
  let aws: Ports<P> | undefined;
  return {
    // Every adapter is made on the first call, so a missing variable fails that call by name.
    get: async () => {
      const provided = providedDependencies();
      if (provided) return provided;
      aws ??= {
        ...Object.fromEntries(Object.entries<AwsAdapter<PortName>>(adapters).map(([port, make]) => [port, make()])),
        clock: systemClock,
      } as Ports<P>;
      return aws;
    },
  };
};

/**
 * The ports of a route (`ROUTES` in functions/wiring/routes.ts), from the AWS adapters its entry imports statically:
 * one per capability its declaration grants, so its bundle holds those clients and no other, and its handler sees
 * only those ports (a use case needing another one does not compile).
 */
export const routePorts = <N extends NameOf<'route'>>(_name: N, adapters: AwsAdapters<PortsOf<'route', N>>) =>
  declaredPorts(adapters);

/** The ports of a workflow task (`WORKFLOW_TASKS`), as `routePorts`. */
export const taskPorts = <N extends NameOf<'task'>>(_name: N, adapters: AwsAdapters<PortsOf<'task', N>>) =>
  declaredPorts(adapters);

/** The ports of a scheduled function (`SCHEDULES`), as `routePorts`. */
export const schedulePorts = <N extends NameOf<'schedule'>>(_name: N, adapters: AwsAdapters<PortsOf<'schedule', N>>) =>
  declaredPorts(adapters);

/** The ports of a queue consumer (`QUEUES`), as `routePorts`. */
export const queuePorts = <N extends NameOf<'queue'>>(_name: N, adapters: AwsAdapters<PortsOf<'queue', N>>) =>
  declaredPorts(adapters);

/** The ports of a function run by the bucket's notifications (`BUCKET_EVENTS`), as `routePorts`. */
export const bucketEventPorts = <N extends NameOf<'bucketEvent'>>(
  _name: N,
  adapters: AwsAdapters<PortsOf<'bucketEvent', N>>,
) => declaredPorts(adapters);
