import { describe, expect, it } from 'vitest';
import { BUCKET_EVENTS } from '../../../functions/wiring/bucket-events.js';
import { QUEUES } from '../../../functions/wiring/queues.js';
import { ROUTES } from '../../../functions/wiring/routes.js';
import { SCHEDULES } from '../../../functions/wiring/schedules.js';
import { WORKFLOW_TASKS } from '../../../functions/wiring/tasks.js';

const declarations = [...ROUTES, ...WORKFLOW_TASKS, ...SCHEDULES, ...QUEUES, ...BUCKET_EVENTS].map((declaration) => ({
  name: declaration.name,
  tables: declaration.capabilities.tables ?? {},
}));

describe('Wiring: the KPI counters', () => {
  it('gives every function that writes cases the KPI table to write and the stores table to read', () => {
    // Prepare: a function that writes cases without them would change cases its counters never see
    const writers = declarations.filter(({ tables }) => tables.cases === 'readWrite');

    // Assess
    expect(writers.length).toBeGreaterThan(20);
    for (const { name, tables } of writers) {
      expect({ name, kpis: tables.kpis, stores: tables.stores !== undefined }).toEqual({
        name,
        kpis: 'readWrite',
        stores: true,
      });
    }
  });

  it('lets only case writers write the KPI table (reports read it)', () => {
    // Assess
    for (const { name, tables } of declarations.filter(({ tables }) => tables.kpis === 'readWrite')) {
      expect({ name, cases: tables.cases }).toEqual({ name, cases: 'readWrite' });
    }
  });
});
