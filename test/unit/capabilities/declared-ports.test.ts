import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { GrantedPorts } from '../../../functions/capabilities/catalog.js';
import { routePorts, taskPorts, type Ports, type PortsOf } from '../../../functions/capabilities/declared-ports.js';
import { awsMailer } from '../../../functions/capabilities/mailer/aws.js';
import { awsCases, awsKpis, awsStores } from '../../../functions/capabilities/tables/aws.js';
import { awsWorkflow } from '../../../functions/capabilities/workflow/aws.js';
import { provideDependencies, type Dependencies } from '../../../functions/commons/dependencies.js';
import { systemClock } from '../../../functions/ports/clock.js';
import { replyToCase } from '../../../functions/use-cases/staff/reply-to-case.js';
import type { DeclaredRoute } from '../../../functions/wiring/routes.js';

type Reply = Parameters<typeof replyToCase>[1];

// `replyToCase`'s declaration as written in functions/wiring/routes.ts, and the same without `workQueue`.
type ReplyToCase = Extract<DeclaredRoute, { name: 'replyToCase' }>['capabilities'];
type WithoutWorkQueue = Omit<ReplyToCase, 'workQueue'>;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Declared ports: what the compiler checks', () => {
  it('compiles a handler whose declaration grants every port its use case needs', () => {
    const handle = (dependencies: Ports<GrantedPorts<ReplyToCase>>, reply: Reply) => replyToCase(dependencies, reply);

    expect(handle).toBeTypeOf('function');
  });

  it('refuses a handler whose declaration forgot a port its use case needs', () => {
    const handle = (dependencies: Ports<GrantedPorts<WithoutWorkQueue>>, reply: Reply) =>
      // @ts-expect-error: replyToCase queues its email's job, and this declaration does not grant `workQueue`.
      replyToCase(dependencies, reply);

    expect(handle).toBeTypeOf('function');
  });

  it('reads the granted ports off the declarations in functions/wiring/', () => {
    expectTypeOf<PortsOf<'route', 'replyToCase'>>().toEqualTypeOf<
      'cases' | 'stores' | 'kpis' | 'workflow' | 'workQueue' | 'uploads'
    >();
    expectTypeOf<PortsOf<'route', 'getCase'>>().toEqualTypeOf<'cases' | 'stores'>();
    expectTypeOf<PortsOf<'task', 'rejectCase'>>().toEqualTypeOf<'cases' | 'stores' | 'kpis' | 'mailer'>();
  });

  it('asks an entry for exactly the AWS adapters of its declaration, no fewer and no more', () => {
    const missing = () =>
      // @ts-expect-error: getCase declares the stores table, so its entry must import the stores adapter.
      routePorts('getCase', { cases: awsCases });
    const extra = () =>
      routePorts('getCase', {
        cases: awsCases,
        stores: awsStores,
        // @ts-expect-error: getCase does not send email, so its bundle must not carry the SES client.
        mailer: awsMailer,
      });

    expect([missing, extra]).toHaveLength(2);
  });
});

describe('Declared ports: at run time', () => {
  it('makes the AWS adapters of the declared ports once, with the clock', async () => {
    // Prepare
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('CASES_TABLE', 'cases-table');
    vi.stubEnv('STORES_TABLE', 'stores-table');
    vi.stubEnv('KPIS_TABLE', 'kpis-table');
    vi.stubEnv('STATE_MACHINE_ARN', 'arn:aws:states:us-east-1:000000000000:stateMachine:test');
    const ports = taskPorts('awaitSignal', {
      cases: awsCases,
      stores: awsStores,
      kpis: awsKpis,
      workflow: awsWorkflow,
    });

    // Act
    const first = await ports.get();
    const second = await ports.get();

    // Assess
    expect(Object.keys(first).sort()).toEqual(['cases', 'clock', 'kpis', 'stores', 'workflow']);
    expect(first.clock).toBe(systemClock);
    expect(second).toBe(first);
  });

  it('rejects naming the variable when a declared port has no configuration', async () => {
    // Prepare
    vi.stubEnv('CASES_TABLE', '');
    const ports = routePorts('getCase', { cases: awsCases, stores: awsStores });

    // Act
    const got = ports.get();

    // Assess
    await expect(got).rejects.toMatchObject({
      name: 'MissingConfigError',
      message: 'Missing required configuration: CASES_TABLE',
    });
  });

  it('returns the provided adapters (the local stack, tests) instead of the AWS ones', async () => {
    // Prepare
    const provided = { clock: systemClock } as Dependencies;
    provideDependencies(provided);
    const ports = routePorts('getCase', { cases: awsCases, stores: awsStores });

    // Act
    const got = await ports.get();

    // Assess
    expect(got).toBe(provided);
  });
});
