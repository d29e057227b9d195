import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../functions/wiring/capabilities.js';
import { capabilityDefines } from '../../../functions/wiring/capability-flags.js';
import { ROUTES } from '../../../functions/wiring/routes.js';
import { SCHEDULES } from '../../../functions/wiring/schedules.js';
import { QUEUES } from '../../../functions/wiring/queues.js';
import { WORKFLOW_TASKS } from '../../../functions/wiring/tasks.js';

const NONE = {
  __DECLARES_CASES__: 'false',
  __DECLARES_STORES__: 'false',
  __DECLARES_AGENTS__: 'false',
  __DECLARES_KPIS__: 'false',
  __DECLARES_MAILER__: 'false',
  __DECLARES_WORKFLOW__: 'false',
  __DECLARES_ATTACHMENTS__: 'false',
  __DECLARES_SURVEY_LINKS__: 'false',
  __DECLARES_WORK_QUEUE__: 'false',
  __DECLARES_STOREFRONT_KEYS__: 'false',
};

describe('Function: capabilityDefines', () => {
  it.each<[string, Capabilities, Partial<typeof NONE>]>([
    ['nothing', {}, {}],
    ['a read table', { tables: { cases: 'read' } }, { __DECLARES_CASES__: 'true' }],
    [
      'every table but idempotency, which is no port of its own',
      { tables: { cases: 'readWrite', stores: 'read', agents: 'readWrite', idempotency: 'readWrite' } },
      { __DECLARES_CASES__: 'true', __DECLARES_STORES__: 'true', __DECLARES_AGENTS__: 'true' },
    ],
    ['only idempotency', { tables: { idempotency: 'readWrite' } }, {}],
    ['the KPI table', { tables: { kpis: 'read' } }, { __DECLARES_KPIS__: 'true' }],
    ['email', { sendsEmail: true }, { __DECLARES_MAILER__: 'true' }],
    ['no email, said explicitly', { sendsEmail: false }, {}],
    ['starting the workflow', { workflow: ['start'] }, { __DECLARES_WORKFLOW__: 'true' }],
    ['signalling the workflow', { workflow: ['signal'] }, { __DECLARES_WORKFLOW__: 'true' }],
    ['an empty workflow list', { workflow: [] }, {}],
    ['reading attachments', { attachments: 'read' }, { __DECLARES_ATTACHMENTS__: 'true' }],
    ['presigning uploads', { attachments: 'presign' }, { __DECLARES_ATTACHMENTS__: 'true' }],
    ['survey links', { surveyLinks: true }, { __DECLARES_SURVEY_LINKS__: 'true' }],
    ['no survey links, said explicitly', { surveyLinks: false }, {}],
    ['queueing work', { enqueuesWork: true }, { __DECLARES_WORK_QUEUE__: 'true' }],
    ['storefront key registration', { storefrontKeys: 'register' }, { __DECLARES_STOREFRONT_KEYS__: 'true' }],
  ])('returns a true flag exactly for each granted port when the declaration has %s', (_, capabilities, granted) => {
    // Act
    const defines = capabilityDefines(capabilities);

    // Assess
    expect(defines).toEqual({ ...NONE, ...granted });
  });

  it('returns the same ten flags for every declared route, task, schedule and queue consumer', () => {
    // Prepare
    const declarations = [...ROUTES, ...WORKFLOW_TASKS, ...SCHEDULES, ...QUEUES];

    // Act
    const flagNames = declarations.map((declaration) =>
      Object.keys(capabilityDefines(declaration.capabilities)).sort(),
    );

    // Assess
    for (const names of flagNames) expect(names).toEqual(Object.keys(NONE).sort());
  });
});
