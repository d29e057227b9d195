import type { Dependencies } from '../../commons/dependencies.js';

/** At most this many keys per run: a run stays well within its timeout; the next run (a minute later) goes on. */
export const GATEWAY_KEYS_PER_RUN = 50;

export interface GatewayKeySweep {
  disabled: number;
  failed: number;
}

/**
 * The scheduled sweep (`retireGatewayKeys`, every minute): every replaced storefront key whose overlap has ended, or
 * that was revoked, is disabled at the gateway (in AWS its API Gateway API key; locally nothing to do), then forgotten.
 * The service refuses such keys from their end on anyway; this closes the gateway too. A key that fails is kept and
 * tried again at the next run.
 */
export const retireGatewayKeys = async ({
  stores,
  storefrontKeys,
}: Pick<Dependencies, 'stores' | 'storefrontKeys'>): Promise<GatewayKeySweep> => {
  const due = await stores.dueGatewayKeyRetirements(GATEWAY_KEYS_PER_RUN);
  const results = await Promise.allSettled(
    due.map(async (retirement) => {
      await storefrontKeys.disable(retirement.gatewayKeyId);
      await stores.forgetGatewayKeyRetirement(retirement);
    }),
  );
  const failed = results.filter((result) => result.status === 'rejected').length;
  return { disabled: results.length - failed, failed };
};
