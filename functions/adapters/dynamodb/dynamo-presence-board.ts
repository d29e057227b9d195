import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PRESENCE_STATES, type CasePresence, type PresenceState } from '../../domain/case-presence.js';
import type { PresenceBoard } from '../../ports/presence-board.js';
import { guarded } from './dynamo-errors.js';

const partition = (storeId: string, caseId: string): string => `PRESENCE#${storeId}#${caseId}`;

const isState = (value: unknown): value is PresenceState =>
  typeof value === 'string' && (PRESENCE_STATES as readonly string[]).includes(value);

/**
 * Presence in the presence table: one item per person and case (pk `PRESENCE#<storeId>#<caseId>`, sk the user id),
 * replaced by each poll, deleted by DynamoDB's TTL (`expiresAt`, epoch seconds) after it stops counting.
 */
export class DynamoPresenceBoard implements PresenceBoard {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async mark(presence: CasePresence): Promise<void> {
    await guarded(
      this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: partition(presence.storeId, presence.caseId),
            sk: presence.userId,
            name: presence.name,
            state: presence.state,
            until: presence.until,
            // TTL deletes within days; `until` is what counts, this only keeps the table small.
            expiresAt: Math.ceil(Date.parse(presence.until) / 1000) + 60,
          },
        }),
      ),
    );
  }

  async onCase(storeId: string, caseId: string, limit: number): Promise<CasePresence[]> {
    const result = await guarded(
      this.client.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partition(storeId, caseId) },
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).flatMap((item): CasePresence[] =>
      typeof item.sk === 'string' &&
      typeof item.name === 'string' &&
      typeof item.until === 'string' &&
      isState(item.state)
        ? [{ storeId, caseId, userId: item.sk, name: item.name, state: item.state, until: item.until }]
        : [],
    );
  }
}
