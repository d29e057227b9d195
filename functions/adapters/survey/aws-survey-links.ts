import { errorName } from '../../commons/logger.js';
import { MIN_SURVEY_KEY_BYTES } from '../../domain/aftercare/survey-token.js';
import { TransientError } from '../../domain/errors.js';
import type { SurveyLinks } from '../../ports/survey-links.js';
import { isTransientAwsError } from '../transient-errors.js';

/**
 * What this adapter needs of a reader of secrets or parameters (`ParametersSecretsExtension`): `get` by name, the
 * value as stored (a secret's `SecretString`, or its `SecretBinary` bytes; a parameter's `Value`). The adapter keeps
 * the values itself for the life of the process.
 */
export interface ValueProvider {
  get(name: string): Promise<unknown>;
}

export interface AwsSurveyLinksOptions {
  /** Secrets Manager (through the Parameters and Secrets extension): the secret whose value is the signing key. */
  secrets: ValueProvider;
  keySecretId: string;
  /** The public base URL as given at deploy time, or an SSM String parameter (through the extension) holding it. */
  baseUrl: { url: string } | { parameterName: string; parameters: ValueProvider };
}

/**
 * The survey key and base URL in AWS. Each is read on first use and kept for the life of the process (one
 * `GetSecretValue` and at most one `GetParameter` per cold start), concurrent first calls sharing the one read; a
 * failed read is not kept, so the next call tries again. Throttling and server-side failures become `TransientError`
 * (the state machine's Retry matches it). The key's value is never logged or put in an error.
 *
 * The secret's `SecretString` is used as its UTF-8 bytes: CDK generates it as 64 letters and digits (about 380 bits).
 */
export class AwsSurveyLinks implements SurveyLinks {
  private readonly options: AwsSurveyLinksOptions;
  private key: Promise<Uint8Array> | undefined;
  private url: Promise<string> | undefined;

  constructor(options: AwsSurveyLinksOptions) {
    this.options = options;
  }

  signingKey(): Promise<Uint8Array> {
    this.key ??= this.readKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  baseUrl(): Promise<string> {
    this.url ??= this.readBaseUrl().catch((error: unknown) => {
      this.url = undefined;
      throw error;
    });
    return this.url;
  }

  private async readKey(): Promise<Uint8Array> {
    const value = await read('Secrets Manager GetSecretValue', () =>
      this.options.secrets.get(this.options.keySecretId),
    );
    const key =
      typeof value === 'string' ? new TextEncoder().encode(value) : value instanceof Uint8Array ? value : undefined;
    if (key === undefined) throw new Error('The survey key secret has no value');
    if (key.byteLength < MIN_SURVEY_KEY_BYTES) {
      throw new Error(
        `The survey key secret holds ${key.byteLength} bytes; a survey key needs ${MIN_SURVEY_KEY_BYTES} or more`,
      );
    }
    return key;
  }

  private async readBaseUrl(): Promise<string> {
    const source = this.options.baseUrl;
    if ('url' in source) return normalizedBaseUrl(source.url, 'SURVEY_BASE_URL');
    const value = await read('SSM GetParameter', () => source.parameters.get(source.parameterName));
    if (typeof value !== 'string') throw new Error(`The SSM parameter ${source.parameterName} has no value`);
    return normalizedBaseUrl(value, `the SSM parameter ${source.parameterName}`);
  }
}

/** `fetch` wraps a dropped connection (`TypeError`, the socket's error as its cause); the extension's own answers not. */
const read = async (operation: string, get: () => Promise<unknown>): Promise<unknown> => {
  try {
    return await get();
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    if (isTransientAwsError(cause)) {
      throw new TransientError(`${operation} failed transiently (${errorName(cause)})`, { cause: error });
    }
    throw error;
  }
};

/** An absolute https URL without a trailing slash, query or fragment, so links are `<base>/survey/<token>`. */
const normalizedBaseUrl = (value: string, source: string): string => {
  const trimmed = value.trim().replace(/\/+$/, '');
  let parsed: URL | undefined;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.protocol !== 'https:' || parsed.search || parsed.hash) {
    throw new Error(`The survey base URL from ${source} is not an https URL without query or fragment: "${value}"`);
  }
  return trimmed;
};
