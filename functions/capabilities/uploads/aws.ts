import { DynamoUploadRecords } from '../../adapters/dynamodb/dynamo-upload-records.js';
import { tableNameFromEnv } from '../../commons/config.js';
import { tablesClient } from '../tables/aws.js';
import type { UploadRecords } from './capability.js';

/** The upload records in the cases table, through the process's one DynamoDB client. */
export const awsUploads = (): UploadRecords => new DynamoUploadRecords(tablesClient(), tableNameFromEnv('cases'));
