import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import { UndeclaredCapabilityError } from '../../../functions/domain/errors.js';
import { systemClock } from '../../../functions/ports/clock.js';
import { localDependenciesFor } from '../../../local/declared-local-dependencies.js';

const tables = { cases: 'c', stores: 's', idempotency: 'i', agents: 'a', kpis: 'kpis', presence: 'p' };
const client = { send: vi.fn() } as unknown as DynamoDBDocumentClient;
const stackPorts = () =>
  ({
    cases: {},
    stores: { name: 'stores' },
    agents: { name: 'agents' },
    mailer: { name: 'mailer' },
    workflow: { name: 'workflow' },
    attachments: { name: 'attachments' },
    clock: systemClock,
  }) as unknown as Dependencies;

describe('Function: localDependenciesFor', () => {
  it('throws UndeclaredCapabilityError naming each port the declaration does not grant', () => {
    // Act
    const dependencies = localDependenciesFor({ tables: { cases: 'read' } }, stackPorts(), client, tables);

    // Assess
    expect(() => dependencies.mailer).toThrow(UndeclaredCapabilityError);
    expect(() => dependencies.mailer).toThrow(/capability mailer;/);
    expect(() => dependencies.stores).toThrow(/tables\.stores/);
    expect(() => dependencies.workflow).toThrow(/workflow/);
    expect(dependencies.cases).toBeDefined();
  });

  it('returns the stack adapter of a granted port at each use, so a swapped adapter is seen', () => {
    // Prepare
    const stack = stackPorts();
    const dependencies = localDependenciesFor({ workflow: ['signal'] }, stack, client, tables);
    const replacement = { start: vi.fn(), completeWait: vi.fn() };

    // Act
    stack.workflow = replacement;

    // Assess
    expect(dependencies.workflow).toBe(replacement);
  });

  it('gives the case store only the declared tables: taking a case number needs the stores table', async () => {
    // Prepare
    const dependencies = localDependenciesFor({ tables: { cases: 'readWrite' } }, stackPorts(), client, tables);

    // Act
    const takeNumber = dependencies.cases.nextCaseSequence('store-a', '20261124');

    // Assess
    await expect(takeNumber).rejects.toThrow(/tables\.stores/);
    expect(client.send).not.toHaveBeenCalled();
  });
});
