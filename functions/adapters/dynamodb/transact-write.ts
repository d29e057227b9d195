import { randomUUID } from 'node:crypto';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * One logical TransactWriteItems with its own `ClientRequestToken`. The SDK resends the same serialized request when it
 * retries (a dropped connection, a timeout), so a retry of a transaction that already committed is answered with
 * success instead of failing its own conditions (a resolve answering 409). A new call is a new logical write with a new
 * token: a caller that retries after a known failure (a cancelled transaction) is checked anew. DynamoDB keeps a token
 * 10 minutes. The SDK (3.11xx) fills an absent token itself; it is set here so the guarantee does not hang on that.
 */
export const transactWrite = (client: DynamoDBDocumentClient, items: TransactItem[]) =>
  client.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
