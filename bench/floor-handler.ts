/*
 * The cold-import floor of the bundle benchmark: a handler that imports only the DynamoDB document client, bundled and
 * minified like every function. Every function talks to DynamoDB, so this is the least a function can import.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { id: string }) =>
  client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.id, sk: 'PROFILE' } }));
