import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsSurveyLinks } from '../../../functions/capabilities/survey-links/aws.js';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SurveyKeySecret-AbCdEf';
const PARAMETER_NAME = '/after-sales-test/survey-base-url';
const API_URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/test';
const SESSION_TOKEN = 'session-token-of-the-function';
/** What CDK generates: 64 letters and digits, used as its UTF-8 bytes. */
const GENERATED_KEY = 'q7Vn2LxW9cRk4TbZ8mHs3JdF6gYp1NaE5uKw0XoCiBtQlMjUr7SvPzDe2hGy4fAn';

const SECRET_PATH = '/secretsmanager/get';
const PARAMETER_PATH = '/systemsmanager/parameters/get';

/** An answer of the extension: its status and JSON (or text) body. */
type Answer = { status: number; body: unknown };
interface Received {
  path: string;
  query: Record<string, string>;
  token: string | undefined;
}

/**
 * A stand-in for the AWS Parameters and Secrets Lambda Extension on localhost: it answers as the extension does (the
 * `GetSecretValue` and `GetParameter` JSON) from queued answers per path, and records every request.
 */
const extension = {
  received: [] as Received[],
  answers: new Map<string, Answer[]>(),
  fallback: new Map<string, Answer>(),
  answer(path: string, ...answers: Answer[]) {
    this.answers.set(path, [...answers]);
  },
  always(path: string, answer: Answer) {
    this.fallback.set(path, answer);
    this.answers.set(path, []);
  },
  requestsTo(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  },
};
let server: Server;

const stubEnvironment = (environment: Record<string, string>): void => {
  for (const [variable, value] of Object.entries(environment)) vi.stubEnv(variable, value);
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    extension.received.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      token: request.headers['x-aws-parameters-secrets-token'] as string | undefined,
    });
    const answer = extension.answers.get(url.pathname)?.shift() ??
      extension.fallback.get(url.pathname) ?? { status: 400, body: 'unknown path' };
    response.writeHead(answer.status, {
      'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json',
    });
    response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
});

afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  // The function environment of a deployment without publicBaseUrl (bindCapabilities), with what Lambda and the
  // extension's layer set.
  stubEnvironment({
    SURVEY_KEY_SECRET_ARN: SECRET_ARN,
    SURVEY_BASE_URL_PARAMETER: PARAMETER_NAME,
    SURVEY_BASE_URL: '',
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String((server.address() as AddressInfo).port),
  });
  extension.always(SECRET_PATH, { status: 200, body: { ARN: SECRET_ARN, SecretString: GENERATED_KEY } });
  extension.always(PARAMETER_PATH, {
    status: 200,
    body: { Parameter: { Name: PARAMETER_NAME, Type: 'String', Value: API_URL } },
  });
});

afterEach(() => {
  extension.received = [];
  extension.answers.clear();
  extension.fallback.clear();
  vi.unstubAllEnvs();
});

describe('Function: awsSurveyLinks (AWS)', () => {
  describe('Method: signingKey', () => {
    it('reads the secret once for two calls and returns its UTF-8 bytes', async () => {
      // Prepare
      const links = awsSurveyLinks();

      // Act
      const first = await links.signingKey();
      const second = await links.signingKey();

      // Assess
      expect(extension.requestsTo(SECRET_PATH)).toEqual([
        { path: SECRET_PATH, query: { secretId: SECRET_ARN }, token: SESSION_TOKEN },
      ]);
      expect(Buffer.from(first).toString('utf8')).toBe(GENERATED_KEY);
      expect(first.byteLength).toBe(64);
      expect(second).toBe(first);
      expect(extension.requestsTo(PARAMETER_PATH)).toHaveLength(0);
    });

    it('makes one read for concurrent first calls', async () => {
      // Prepare
      const links = awsSurveyLinks();

      // Act
      const keys = await Promise.all([links.signingKey(), links.signingKey(), links.signingKey()]);

      // Assess
      expect(extension.requestsTo(SECRET_PATH)).toHaveLength(1);
      expect(new Set(keys).size).toBe(1);
    });

    it('uses the bytes of a binary secret as they are', async () => {
      // Prepare
      const bytes = new Uint8Array(32).map((_, index) => index);
      extension.always(SECRET_PATH, {
        status: 200,
        body: { ARN: SECRET_ARN, SecretBinary: Buffer.from(bytes).toString('base64') },
      });
      const links = awsSurveyLinks();

      // Act
      const key = await links.signingKey();

      // Assess
      expect([...key]).toEqual([...bytes]);
    });

    it('refuses a secret shorter than 32 bytes, without showing its value', async () => {
      // Prepare
      extension.always(SECRET_PATH, { status: 200, body: { ARN: SECRET_ARN, SecretString: 'too-short-a-key' } });
      const links = awsSurveyLinks();

      // Act
      const read = links.signingKey();

      // Assess
      await expect(read).rejects.toThrow('holds 15 bytes; a survey key needs 32 or more');
      await expect(links.signingKey()).rejects.not.toThrow('too-short-a-key');
    });

    it('keeps no failed read: a throttled first call is a TransientError, the next call reads again', async () => {
      // Prepare
      // The extension passes the service's refusal on: its status and the error's name.
      extension.answer(SECRET_PATH, { status: 400, body: 'ThrottlingException: Rate exceeded' });
      const links = awsSurveyLinks();

      // Act
      const failed = links.signingKey();
      await expect(failed).rejects.toMatchObject({ name: 'TransientError' });
      const key = await links.signingKey();

      // Assess
      expect(key.byteLength).toBe(64);
      expect(extension.requestsTo(SECRET_PATH)).toHaveLength(2);
    });

    it('reads a failing extension (a 5xx) as a TransientError', async () => {
      // Prepare
      extension.answer(SECRET_PATH, { status: 502, body: 'upstream failure' });
      const links = awsSurveyLinks();

      // Act
      const failed = links.signingKey();

      // Assess
      await expect(failed).rejects.toMatchObject({ name: 'TransientError' });
    });
  });

  describe('Method: baseUrl', () => {
    it('reads the SSM parameter once for two calls', async () => {
      // Prepare
      const links = awsSurveyLinks();

      // Act
      const first = await links.baseUrl();
      const second = await links.baseUrl();

      // Assess
      expect(first).toBe(API_URL);
      expect(second).toBe(API_URL);
      expect(extension.requestsTo(PARAMETER_PATH)).toEqual([
        { path: PARAMETER_PATH, query: { name: PARAMETER_NAME }, token: SESSION_TOKEN },
      ]);
      expect(extension.requestsTo(SECRET_PATH)).toHaveLength(0);
    });

    it('drops a trailing slash from the stored URL', async () => {
      // Prepare
      extension.always(PARAMETER_PATH, {
        status: 200,
        body: { Parameter: { Name: PARAMETER_NAME, Value: `${API_URL}/` } },
      });
      const links = awsSurveyLinks();

      // Act
      const url = await links.baseUrl();

      // Assess
      expect(url).toBe(API_URL);
    });

    it('uses SURVEY_BASE_URL when the deployment gives one, without any SSM call', async () => {
      // Prepare
      stubEnvironment({ SURVEY_BASE_URL: 'https://care.shop.example', SURVEY_BASE_URL_PARAMETER: '' });
      const links = awsSurveyLinks();

      // Act
      const url = await links.baseUrl();

      // Assess
      expect(url).toBe('https://care.shop.example');
      expect(extension.requestsTo(PARAMETER_PATH)).toHaveLength(0);
    });

    it('refuses a stored value that is not an https URL', async () => {
      // Prepare
      extension.always(PARAMETER_PATH, {
        status: 200,
        body: { Parameter: { Name: PARAMETER_NAME, Value: 'ftp://example.com' } },
      });
      const links = awsSurveyLinks();

      // Act
      const read = links.baseUrl();

      // Assess
      await expect(read).rejects.toThrow(`from the SSM parameter ${PARAMETER_NAME} is not an https URL`);
    });

    it('passes a missing parameter on as an error, not a TransientError', async () => {
      // Prepare
      extension.always(PARAMETER_PATH, { status: 400, body: 'ParameterNotFound: ParameterNotFound' });
      const links = awsSurveyLinks();

      // Act
      const read = links.baseUrl();

      // Assess
      await expect(read).rejects.toMatchObject({ name: 'ParameterNotFound', $metadata: { httpStatusCode: 400 } });
    });
  });

  describe('Configuration', () => {
    it.each([
      ['SURVEY_KEY_SECRET_ARN', {}],
      ['SURVEY_BASE_URL_PARAMETER', { SURVEY_BASE_URL: '' }],
      ['AWS_SESSION_TOKEN', {}],
    ])('fails naming %s when it is missing', (variable, extra) => {
      // Prepare
      stubEnvironment({ ...extra, [variable]: '' });

      // Act
      const create = () => awsSurveyLinks();

      // Assess
      expect(create).toThrow(
        expect.objectContaining({ name: 'MissingConfigError', message: `Missing required configuration: ${variable}` }),
      );
    });

    it('needs no parameter name when SURVEY_BASE_URL is set', () => {
      // Prepare
      stubEnvironment({ SURVEY_BASE_URL: 'https://care.shop.example', SURVEY_BASE_URL_PARAMETER: '' });

      // Act
      const create = () => awsSurveyLinks();

      // Assess
      expect(create).not.toThrow();
    });
  });
});
