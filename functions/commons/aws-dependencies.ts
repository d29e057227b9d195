import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { S3AttachmentStorage } from '../adapters/attachments/s3-attachment-storage.js';
import { CachedStoreDirectory } from '../adapters/cached-store-directory.js';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoAgentDirectory } from '../adapters/dynamodb/dynamo-agent-directory.js';
import { DynamoCaseStore } from '../adapters/dynamodb/dynamo-case-store.js';
import { DynamoStoreDirectory } from '../adapters/dynamodb/dynamo-store-directory.js';
import { SesMailer } from '../adapters/mail/ses-mailer.js';
import { SfnCaseWorkflow } from '../adapters/workflow/sfn-case-workflow.js';
import { systemClock } from '../ports/clock.js';
import {
  attachmentsBucketFromEnv,
  dynamoEndpointFromEnv,
  mailConfigFromEnv,
  stateMachineArnFromEnv,
  optionalTableNameFromEnv,
  tableNameFromEnv,
} from './config.js';
import type { Dependencies } from './dependencies.js';

const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/**
 * The AWS adapters. Each is built on first use, so a function reads only the configuration its capabilities gave it
 * (a route without email has no MAIL_FROM) and still fails fast, naming the variable, when it is missing.
 */
export const createAwsDependencies = (): Dependencies => {
  const documentClient = once(() => createDocumentClient({ endpoint: dynamoEndpointFromEnv() }));
  const cases = once(
    () =>
      new DynamoCaseStore(documentClient(), {
        cases: tableNameFromEnv('cases'),
        stores: tableNameFromEnv('stores'),
        idempotency: optionalTableNameFromEnv('idempotency'),
        agents: optionalTableNameFromEnv('agents'),
      }),
  );
  const agents = once(() => new DynamoAgentDirectory(documentClient(), tableNameFromEnv('agents')));
  const stores = once(
    () => new CachedStoreDirectory(new DynamoStoreDirectory(documentClient(), tableNameFromEnv('stores'))),
  );
  const mailer = once(() => new SesMailer({ client: new SESv2Client({}), ...mailConfigFromEnv() }));
  const workflow = once(
    () => new SfnCaseWorkflow({ client: new SFNClient({}), stateMachineArn: stateMachineArnFromEnv() }),
  );
  const attachments = once(
    () => new S3AttachmentStorage({ client: new S3Client({}), bucket: attachmentsBucketFromEnv() }),
  );
  return {
    get cases() {
      return cases();
    },
    get agents() {
      return agents();
    },
    get stores() {
      return stores();
    },
    get mailer() {
      return mailer();
    },
    get workflow() {
      return workflow();
    },
    get attachments() {
      return attachments();
    },
    clock: systemClock,
  };
};
