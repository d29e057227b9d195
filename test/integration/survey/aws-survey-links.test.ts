import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsSurveyLinks } from '../../../functions/capabilities/survey-links/aws.js';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SurveyKeySecret-AbCdEf';
const PARAMETER_NAME = '/after-sales-test/survey-base-url';
const API_URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/test';
/** What CDK generates: 64 letters and digits, used as its UTF-8 bytes. */
const GENERATED_KEY = 'q7Vn2LxW9cRk4TbZ8mHs3JdF6gYp1NaE5uKw0XoCiBtQlMjUr7SvPzDe2hGy4fAn';

const secretsMock = mockClient(SecretsManagerClient);
const ssmMock = mockClient(SSMClient);

const stubEnvironment = (environment: Record<string, string>): void => {
  for (const [variable, value] of Object.entries(environment)) vi.stubEnv(variable, value);
};

beforeEach(() => {
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  // The function environment of a deployment without publicBaseUrl (bindCapabilities).
  stubEnvironment({
    SURVEY_KEY_SECRET_ARN: SECRET_ARN,
    SURVEY_BASE_URL_PARAMETER: PARAMETER_NAME,
    SURVEY_BASE_URL: '',
  });
  secretsMock.on(GetSecretValueCommand).resolves({ ARN: SECRET_ARN, SecretString: GENERATED_KEY });
  ssmMock.on(GetParameterCommand).resolves({ Parameter: { Name: PARAMETER_NAME, Type: 'String', Value: API_URL } });
});

afterEach(() => {
  secretsMock.reset();
  ssmMock.reset();
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
      expect(secretsMock).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
      expect(secretsMock).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: SECRET_ARN });
      expect(Buffer.from(first).toString('utf8')).toBe(GENERATED_KEY);
      expect(first.byteLength).toBe(64);
      expect(second).toBe(first);
      expect(ssmMock).toHaveReceivedCommandTimes(GetParameterCommand, 0);
    });

    it('makes one read for concurrent first calls', async () => {
      // Prepare
      const links = awsSurveyLinks();

      // Act
      const keys = await Promise.all([links.signingKey(), links.signingKey(), links.signingKey()]);

      // Assess
      expect(secretsMock).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
      expect(new Set(keys).size).toBe(1);
    });

    it('uses the bytes of a binary secret as they are', async () => {
      // Prepare
      const bytes = new Uint8Array(32).map((_, index) => index);
      secretsMock.on(GetSecretValueCommand).resolves({ ARN: SECRET_ARN, SecretBinary: bytes });
      const links = awsSurveyLinks();

      // Act
      const key = await links.signingKey();

      // Assess
      expect([...key]).toEqual([...bytes]);
    });

    it('refuses a secret shorter than 32 bytes, without showing its value', async () => {
      // Prepare
      secretsMock.on(GetSecretValueCommand).resolves({ ARN: SECRET_ARN, SecretString: 'too-short-a-key' });
      const links = awsSurveyLinks();

      // Act
      const read = links.signingKey();

      // Assess
      await expect(read).rejects.toThrow('holds 15 bytes; a survey key needs 32 or more');
      await expect(links.signingKey()).rejects.not.toThrow('too-short-a-key');
    });

    it('keeps no failed read: a throttled first call is a TransientError, the next call reads again', async () => {
      // Prepare
      secretsMock
        .on(GetSecretValueCommand)
        .rejectsOnce(
          Object.assign(new Error('Rate exceeded'), {
            name: 'ThrottlingException',
            $metadata: { httpStatusCode: 400 },
          }),
        )
        .resolves({ ARN: SECRET_ARN, SecretString: GENERATED_KEY });
      const links = awsSurveyLinks();

      // Act
      const failed = links.signingKey();
      await expect(failed).rejects.toMatchObject({ name: 'TransientError' });
      const key = await links.signingKey();

      // Assess
      expect(key.byteLength).toBe(64);
      expect(secretsMock).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
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
      expect(ssmMock).toHaveReceivedCommandTimes(GetParameterCommand, 1);
      expect(ssmMock).toHaveReceivedCommandWith(GetParameterCommand, { Name: PARAMETER_NAME, WithDecryption: false });
      expect(secretsMock).toHaveReceivedCommandTimes(GetSecretValueCommand, 0);
    });

    it('drops a trailing slash from the stored URL', async () => {
      // Prepare
      ssmMock.on(GetParameterCommand).resolves({ Parameter: { Name: PARAMETER_NAME, Value: `${API_URL}/` } });
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
      expect(ssmMock).toHaveReceivedCommandTimes(GetParameterCommand, 0);
    });

    it('refuses a stored value that is not an https URL', async () => {
      // Prepare
      ssmMock.on(GetParameterCommand).resolves({ Parameter: { Name: PARAMETER_NAME, Value: 'ftp://example.com' } });
      const links = awsSurveyLinks();

      // Act
      const read = links.baseUrl();

      // Assess
      await expect(read).rejects.toThrow(`from the SSM parameter ${PARAMETER_NAME} is not an https URL`);
    });

    it('passes a missing parameter on as an error, not a TransientError', async () => {
      // Prepare
      ssmMock.on(GetParameterCommand).rejects(
        new SSMServiceException({
          name: 'ParameterNotFound',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: 'ParameterNotFound',
        }),
      );
      const links = awsSurveyLinks();

      // Act
      const read = links.baseUrl();

      // Assess
      await expect(read).rejects.toMatchObject({ name: 'GetParameterError' });
    });
  });

  describe('Configuration', () => {
    it.each([
      ['SURVEY_KEY_SECRET_ARN', {}],
      ['SURVEY_BASE_URL_PARAMETER', { SURVEY_BASE_URL: '' }],
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
