import type { ValueProvider } from './aws-survey-links.js';

export interface ParametersSecretsExtensionOptions {
  /** The extension's port on localhost (`PARAMETERS_SECRETS_EXTENSION_HTTP_PORT`, 2773 by default). */
  port: number;
  /** The function's `AWS_SESSION_TOKEN`: the extension answers only requests that carry it. */
  sessionToken: string;
  /** `fetch` as the runtime has it; a test passes its own. */
  fetch?: typeof fetch;
}

/** The service's error named in the extension's answer (`ThrottlingException: Rate exceeded`, `ParameterNotFound`). */
const AWS_ERROR_NAME = /^\s*([A-Z][A-Za-z]+)\b/;

/**
 * An answer of the extension that is not a value, shaped as the SDK's errors are (the service's error name, the
 * status in `$metadata`), so `isTransientAwsError` reads a throttled or failed read as it would the SDK's.
 */
export class ExtensionReadError extends Error {
  readonly $metadata: { httpStatusCode: number };

  constructor(message: string, { name, status }: { name: string | undefined; status: number }) {
    super(message);
    this.name = name ?? 'ExtensionReadError';
    this.$metadata = { httpStatusCode: status };
  }
}

/**
 * Secrets Manager and Parameter Store through the AWS Parameters and Secrets Lambda Extension (a layer AWS publishes:
 * an HTTP server on localhost that calls the services with the function's role, and caches). It is how AWS reads a
 * secret or a parameter without an SDK client in the function: the survey functions' bundles lose the SSM and Secrets
 * Manager clients and Powertools parameters (about 150 KB). The same IAM grants apply (the extension uses the role).
 * A throttled or failing read answers with the service's status (429, 5xx), kept on the error as the SDK would.
 */
export class ParametersSecretsExtension {
  readonly secrets: ValueProvider;
  readonly parameters: ValueProvider;
  private readonly options: ParametersSecretsExtensionOptions;

  constructor(options: ParametersSecretsExtensionOptions) {
    this.options = options;
    this.secrets = { get: (secretId) => this.secretValue(secretId) };
    this.parameters = { get: (name) => this.parameterValue(name) };
  }

  /** A secret's `SecretString`, or its `SecretBinary` as bytes (the extension answers as `GetSecretValue`). */
  private async secretValue(secretId: string): Promise<unknown> {
    const answer = await this.read('/secretsmanager/get', { secretId }, 'Secrets Manager');
    const { SecretString, SecretBinary } = answer as { SecretString?: unknown; SecretBinary?: unknown };
    if (typeof SecretString === 'string') return SecretString;
    if (typeof SecretBinary === 'string') return new Uint8Array(Buffer.from(SecretBinary, 'base64'));
    return undefined;
  }

  /** A parameter's `Value` (the extension answers as `GetParameter`). */
  private async parameterValue(name: string): Promise<unknown> {
    const answer = await this.read('/systemsmanager/parameters/get', { name }, 'Parameter Store');
    return (answer as { Parameter?: { Value?: unknown } }).Parameter?.Value;
  }

  private async read(path: string, query: Record<string, string>, service: string): Promise<unknown> {
    const url = new URL(path, `http://localhost:${this.options.port}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const response = await (this.options.fetch ?? fetch)(url, {
      headers: { 'X-Aws-Parameters-Secrets-Token': this.options.sessionToken },
    });
    if (!response.ok) {
      // The body names the service's error; a secret's value is never in it.
      const detail = (await response.text()).slice(0, 200);
      throw new ExtensionReadError(`${service} read through the extension failed (${response.status}): ${detail}`, {
        name: AWS_ERROR_NAME.exec(detail)?.[1],
        status: response.status,
      });
    }
    return response.json();
  }
}
