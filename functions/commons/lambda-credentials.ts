/**
 * What every bundled AWS client uses as its default credential provider (esbuild aliases
 * `@aws-sdk/credential-provider-node` to this file: `infra/function-bundling.ts`). Lambda hands a function its role's
 * credentials in environment variables, the first link of the SDK's default chain; the rest of that chain (profiles,
 * SSO, web identity, STS, instance metadata, with their nested clients) weighs about 120 KB in every bundle and is never
 * reached there. Only bundles use it: tests and the local stack run with the SDK's own chain.
 */
export const defaultProvider =
  () => async (): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> => {
    const {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_SESSION_TOKEN: sessionToken,
    } = process.env;
    if (!accessKeyId || !secretAccessKey) {
      throw new Error('No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)');
    }
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  };
