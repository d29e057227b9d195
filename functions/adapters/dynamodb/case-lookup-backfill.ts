import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../domain/case.js';
import { caseKey, caseNumberItem, storeEmailKey } from './case-items.js';

const conditionFailed = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * Gives a case filed before the staff search existed what intake now writes with it: the byCustomerEmail key on the
 * case item and the pointer from its number. Idempotent: each write only while absent. Returns what it wrote.
 */
export const backfillCaseLookup = async (
  client: DynamoDBDocumentClient,
  table: string,
  value: Pick<Case, 'caseId' | 'caseNumber' | 'storeId' | 'customer'>,
): Promise<{ emailKey: boolean; numberPointer: boolean }> => {
  const written = { emailKey: false, numberPointer: false };
  try {
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: caseKey(value.caseId),
        UpdateExpression: 'SET storeEmailKey = :key',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(storeEmailKey)',
        ExpressionAttributeValues: { ':key': storeEmailKey(value.storeId, value.customer.email) },
      }),
    );
    written.emailKey = true;
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  try {
    await client.send(
      new PutCommand({
        TableName: table,
        Item: caseNumberItem(value),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    written.numberPointer = true;
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  return written;
};
