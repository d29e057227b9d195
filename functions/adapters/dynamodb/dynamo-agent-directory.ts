import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Agent, AgentProfile } from '../../domain/agent.js';
import { NotFoundError, StateConflictError } from '../../domain/errors.js';
import type { AgentDirectory } from '../../ports/agent-directory.js';
import { AGENT_SORT_PREFIX, agentKey, agentPartition, fromAgentItem, toAgentItem } from './agent-items.js';
import { asTransientIfRetryable, guarded } from './dynamo-errors.js';
import { queryAll } from './query-all.js';

/** The profile fields an admin replaces; `agentId` is the key and the load counters belong to `CaseStore`. */
const EDITABLE_FIELDS = ['name', 'email', 'skills', 'maxOpenCases', 'available'] as const;

/** A store's agents in the agents table, one partition per store. */
export class DynamoAgentDirectory implements AgentDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly agentsTable: string,
  ) {}

  async list(storeId: string): Promise<Agent[]> {
    const items = await queryAll(this.client, {
      TableName: this.agentsTable,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': agentPartition(storeId), ':prefix': AGENT_SORT_PREFIX },
      ConsistentRead: true,
    });
    return items.map(fromAgentItem);
  }

  async get(storeId: string, agentId: string): Promise<Agent | undefined> {
    const result = await guarded(
      this.client.send(
        new GetCommand({ TableName: this.agentsTable, Key: agentKey(storeId, agentId), ConsistentRead: true }),
      ),
    );
    return result.Item ? fromAgentItem(result.Item) : undefined;
  }

  async create(storeId: string, profile: AgentProfile, now: Date): Promise<Agent> {
    const agent: Agent = {
      ...profile,
      storeId,
      openCases: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.agentsTable,
          Item: toAgentItem(agent),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new StateConflictError(`Agent ${profile.agentId} already exists`);
      }
      throw asTransientIfRetryable(error);
    }
    return agent;
  }

  async update(storeId: string, profile: AgentProfile, now: Date, replacing?: number): Promise<Agent> {
    const set: Record<string, unknown> = { updatedAt: now.toISOString() };
    for (const field of EDITABLE_FIELDS) set[field] = profile[field];
    if (profile.supervisorId !== undefined) set.supervisorId = profile.supervisorId;
    const names: Record<string, string> = { '#pk': 'pk', '#version': 'version' };
    const values: Record<string, unknown> = { ':zero': 0, ':one': 1 };
    const assignments = Object.entries(set).map(([field, value]) => {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      return `#${field} = :${field}`;
    });
    // A replace: a supervisor left out of the new profile is removed.
    let expression = `SET ${assignments.join(', ')}, #version = if_not_exists(#version, :zero) + :one`;
    // Agents created before versions carry none: version 0.
    let condition = 'attribute_exists(#pk)';
    if (replacing !== undefined) {
      values[':replacing'] = replacing;
      condition +=
        replacing === 0
          ? ' AND (attribute_not_exists(#version) OR #version = :replacing)'
          : ' AND #version = :replacing';
    }
    if (profile.supervisorId === undefined) {
      names['#supervisorId'] = 'supervisorId';
      expression += ' REMOVE #supervisorId';
    }
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.agentsTable,
          Key: agentKey(storeId, profile.agentId),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
          // Tells a missing agent (404) from a newer version (409) without a second read.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      if (!result.Attributes) throw new NotFoundError(`Agent ${profile.agentId} not found`);
      return fromAgentItem(result.Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        if (error.Item) throw new StateConflictError(`Agent ${profile.agentId} was changed meanwhile`);
        throw new NotFoundError(`Agent ${profile.agentId} not found`);
      }
      throw asTransientIfRetryable(error);
    }
  }
}
