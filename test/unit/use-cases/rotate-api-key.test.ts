import { describe, expect, it, vi } from 'vitest';
import type { Dependencies } from '../../../functions/commons/dependencies.js';
import { hashApiKey } from '../../../functions/domain/api-key.js';
import { rotateApiKey } from '../../../functions/use-cases/admin/rotate-api-key.js';

const NOW = new Date('2026-11-22T08:00:00.000Z');

const dependencies = (register: Dependencies['storefrontKeys']['register']) => {
  const rotate = vi.fn(async () => ({ currentKeyHash: 'h', issuedAt: NOW.toISOString(), retired: [] }));
  const deps = {
    stores: { rotateApiKey: rotate } as unknown as Dependencies['stores'],
    storefrontKeys: { register: vi.fn(register), disable: vi.fn(async () => undefined) },
    clock: { now: () => NOW },
  };
  return { deps, rotate };
};

describe('Use case: rotateApiKey', () => {
  it('registers the new key at the gateway first, then stores only its hash with the gateway id and the overlap end', async () => {
    // Prepare
    const { deps, rotate } = dependencies(async () => ({ gatewayKeyId: 'gw-9' }));

    // Act
    const issued = await rotateApiKey(deps, 'store-a', { overlap: 'PT2H' });

    // Assess
    expect(deps.storefrontKeys.register).toHaveBeenCalledWith('store-a', issued.apiKey, NOW);
    expect(rotate).toHaveBeenCalledWith('store-a', {
      keyHash: hashApiKey(issued.apiKey),
      issuedAt: NOW,
      previousValidUntil: new Date('2026-11-22T10:00:00.000Z'),
      gatewayKeyId: 'gw-9',
    });
    expect(issued).toEqual({
      apiKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      issuedAt: NOW.toISOString(),
      previousKeyValidUntil: '2026-11-22T10:00:00.000Z',
    });
  });

  it('changes nothing in the directory when the gateway refuses the key', async () => {
    const { deps, rotate } = dependencies(async () => {
      throw new Error('TooManyRequestsException');
    });

    await expect(rotateApiKey(deps, 'store-a', {})).rejects.toThrow('TooManyRequestsException');
    expect(rotate).not.toHaveBeenCalled();
  });
});
