import { describe, expect, it } from 'vitest';
import { grantedPorts, PORT_NAMES, type PortName } from '../../../functions/capabilities/catalog.js';
import type { Capabilities } from '../../../functions/wiring/capabilities.js';
import { ROUTES } from '../../../functions/wiring/routes.js';
import { SCHEDULES } from '../../../functions/wiring/schedules.js';
import { QUEUES } from '../../../functions/wiring/queues.js';
import { WORKFLOW_TASKS } from '../../../functions/wiring/tasks.js';

describe('Function: grantedPorts', () => {
  it.each<[string, Capabilities, PortName[]]>([
    ['nothing', {}, []],
    ['a read table', { tables: { cases: 'read' } }, ['cases']],
    [
      'every table but idempotency, which is no port of its own',
      { tables: { cases: 'readWrite', stores: 'read', agents: 'readWrite', idempotency: 'readWrite' } },
      ['cases', 'stores', 'agents'],
    ],
    ['only idempotency', { tables: { idempotency: 'readWrite' } }, []],
    ['the KPI table', { tables: { kpis: 'read' } }, ['kpis']],
    ['email', { mailer: true }, ['mailer']],
    ['no email, said explicitly', { mailer: false }, []],
    ['starting the workflow', { workflow: ['start'] }, ['workflow']],
    ['signalling the workflow', { workflow: ['signal'] }, ['workflow']],
    ['an empty workflow list', { workflow: [] }, []],
    ['reading attachments', { attachments: 'read' }, ['attachments']],
    ['presigning uploads', { attachments: 'presign' }, ['attachments']],
    ['survey links', { surveyLinks: true }, ['surveyLinks']],
    ['no survey links, said explicitly', { surveyLinks: false }, []],
    ['queueing work', { workQueue: true }, ['workQueue']],
    ['storefront key registration', { storefrontKeys: 'register' }, ['storefrontKeys']],
  ])('returns exactly the granted ports when the declaration has %s', (_, capabilities, granted) => {
    // Act
    const ports = grantedPorts(capabilities);

    // Assess
    expect(ports.sort()).toEqual(granted.sort());
  });

  it('names every port but the clock, one capability each, for every declared route, task, schedule and queue', () => {
    // Prepare
    const declarations = [...ROUTES, ...WORKFLOW_TASKS, ...SCHEDULES, ...QUEUES];

    // Act
    const granted = declarations.flatMap((declaration) => grantedPorts(declaration.capabilities));

    // Assess
    expect(PORT_NAMES.sort()).toEqual(
      [
        'agents',
        'attachments',
        'cases',
        'consoleSessions',
        'kpis',
        'mailer',
        'stores',
        'storefrontKeys',
        'surveyLinks',
        'workQueue',
        'workflow',
      ].sort(),
    );
    for (const port of granted) expect(PORT_NAMES).toContain(port);
  });
});
