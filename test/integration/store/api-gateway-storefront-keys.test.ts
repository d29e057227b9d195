import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  GetUsagePlansCommand,
  NotFoundException,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiGatewayStorefrontKeys } from '../../../functions/adapters/api-gateway/api-gateway-storefront-keys.js';

const apiGateway = mockClient(APIGatewayClient);
afterEach(() => apiGateway.reset());

const ISSUED_AT = new Date('2026-11-22T08:00:00.000Z');
const KEY = 'a'.repeat(64);

describe('Class: ApiGatewayStorefrontKeys', () => {
  it('creates an enabled API key with the issued value and adds it to the usage plan found by name', async () => {
    // Prepare
    apiGateway
      .on(GetUsagePlansCommand)
      .resolvesOnce({ items: [{ id: 'other', name: 'another-stack-storefronts' }], position: 'p2' })
      .resolvesOnce({ items: [{ id: 'plan-1', name: 'after-sales-prod-storefronts' }] });
    apiGateway.on(CreateApiKeyCommand).resolves({ id: 'key-1', value: KEY });
    apiGateway.on(CreateUsagePlanKeyCommand).resolves({});
    const keys = new ApiGatewayStorefrontKeys(new APIGatewayClient({}), 'after-sales-prod-storefronts');

    // Act
    const first = await keys.register('A', KEY, ISSUED_AT);
    await keys.register('A', 'b'.repeat(64), ISSUED_AT);

    // Assess
    expect(first).toEqual({ gatewayKeyId: 'key-1' });
    expect(apiGateway).toHaveReceivedCommandWith(CreateApiKeyCommand, {
      name: 'store-A-2026-11-22T08-00-00-000Z',
      value: KEY,
      enabled: true,
    });
    expect(apiGateway).toHaveReceivedCommandWith(CreateUsagePlanKeyCommand, {
      usagePlanId: 'plan-1',
      keyId: 'key-1',
      keyType: 'API_KEY',
    });
    // The plan id is looked up once per process (two pages), not per rotation.
    expect(apiGateway).toHaveReceivedCommandTimes(GetUsagePlansCommand, 2);
  });

  it('fails without creating a key when no usage plan has the name, and looks again next time', async () => {
    // Prepare
    apiGateway.on(GetUsagePlansCommand).resolves({ items: [] });
    const keys = new ApiGatewayStorefrontKeys(new APIGatewayClient({}), 'after-sales-prod-storefronts');

    // Act and assess
    await expect(keys.register('A', KEY, ISSUED_AT)).rejects.toThrow(/No API Gateway usage plan named/);
    await expect(keys.register('A', KEY, ISSUED_AT)).rejects.toThrow(/No API Gateway usage plan named/);
    expect(apiGateway).toHaveReceivedCommandTimes(GetUsagePlansCommand, 2);
    expect(apiGateway).not.toHaveReceivedCommand(CreateApiKeyCommand);
  });

  it('disables a replaced key (enabled false), and takes a key deleted meanwhile as done', async () => {
    // Prepare
    apiGateway
      .on(UpdateApiKeyCommand)
      .resolvesOnce({ id: 'key-1', enabled: false })
      .rejectsOnce(new NotFoundException({ message: 'Invalid API Key identifier specified', $metadata: {} }));
    const keys = new ApiGatewayStorefrontKeys(new APIGatewayClient({}), 'after-sales-prod-storefronts');

    // Act
    await keys.disable('key-1');
    await keys.disable('key-2');

    // Assess
    expect(apiGateway).toHaveReceivedCommandWith(UpdateApiKeyCommand, {
      apiKey: 'key-1',
      patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
    });
    expect(apiGateway).toHaveReceivedCommandTimes(UpdateApiKeyCommand, 2);
    expect(apiGateway).not.toHaveReceivedCommand(GetUsagePlansCommand);
  });

  it('lets any other failure through, so the sweep tries the key again', async () => {
    apiGateway.on(UpdateApiKeyCommand).rejects(new Error('throttled'));
    const keys = new ApiGatewayStorefrontKeys(new APIGatewayClient({}), 'after-sales-prod-storefronts');
    await expect(keys.disable('key-1')).rejects.toThrow('throttled');
  });
});
