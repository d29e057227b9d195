import {
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  NotFoundException,
  paginateGetUsagePlans,
  UpdateApiKeyCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import type { StorefrontKeyGateway } from '../../ports/storefront-key-gateway.js';

/**
 * Registers storefront keys with API Gateway: an API key with the given value, added to the storefront usage plan.
 * The plan is found by its name: its id cannot be given to the function at deploy time (the plan depends on the API's
 * stage, which depends on this function). Replaced keys are disabled (not deleted) by the scheduled sweep once their
 * overlap ends (`retireGatewayKeys`); the service refuses them (401) from that moment anyway.
 */
export class ApiGatewayStorefrontKeys implements StorefrontKeyGateway {
  private usagePlanId: Promise<string> | undefined;

  constructor(
    private readonly client: APIGatewayClient,
    private readonly usagePlanName: string,
  ) {}

  async register(storeId: string, apiKey: string, issuedAt: Date): Promise<{ gatewayKeyId: string }> {
    const usagePlanId = await this.findUsagePlanId();
    const key = await this.client.send(
      new CreateApiKeyCommand({
        name: `store-${storeId}-${issuedAt.toISOString().replace(/[:.]/g, '-')}`,
        description: `Storefront key of store ${storeId}, issued ${issuedAt.toISOString()} by POST /v1/admin/store/api-keys`,
        value: apiKey,
        enabled: true,
      }),
    );
    if (!key.id) throw new Error('API Gateway returned no API key id');
    await this.client.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId: key.id, keyType: 'API_KEY' }));
    return { gatewayKeyId: key.id };
  }

  async disable(gatewayKeyId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateApiKeyCommand({
          apiKey: gatewayKeyId,
          patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }],
        }),
      );
    } catch (error) {
      // Deleted by an operator meanwhile: refused by the gateway all the same.
      if (!(error instanceof NotFoundException)) throw error;
    }
  }

  private findUsagePlanId(): Promise<string> {
    this.usagePlanId ??= (async () => {
      for await (const page of paginateGetUsagePlans({ client: this.client }, { limit: 500 })) {
        const plan = page.items?.find((candidate) => candidate.name === this.usagePlanName);
        if (plan?.id) return plan.id;
      }
      throw new Error(`No API Gateway usage plan named ${this.usagePlanName}`);
    })();
    // A failed look-up is tried again on the next call.
    this.usagePlanId.catch(() => (this.usagePlanId = undefined));
    return this.usagePlanId;
  }
}
