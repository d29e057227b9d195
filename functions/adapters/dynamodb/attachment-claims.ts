import type { TransactItem } from './transact-write.js';

/**
 * An attachment belongs to one case: a claim item per file, in the cases table under its own key
 * (`ATTACHMENT#<storeId>#<attachmentId>`, sk `CLAIM`), put with the case write that attaches it, only while absent.
 * Of two writes attaching one file to two cases, exactly one commits.
 */
export const attachmentClaimKey = (storeId: string, attachmentId: string) => ({
  pk: `ATTACHMENT#${storeId}#${attachmentId}`,
  sk: 'CLAIM',
});

export const claimItems = (
  table: string,
  claim: { storeId: string; caseId: string; at: string },
  attachmentIds: readonly string[],
): TransactItem[] =>
  attachmentIds.map((attachmentId) => ({
    Put: {
      TableName: table,
      Item: {
        ...attachmentClaimKey(claim.storeId, attachmentId),
        entity: 'attachmentClaim',
        storeId: claim.storeId,
        attachmentId,
        caseId: claim.caseId,
        claimedAt: claim.at,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
      // Tells a file claimed by another case (refused) from one this case claimed meanwhile (read again).
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }));

/** The case a failed claim's item names; it comes back in DynamoDB's own form (`{ S: 'cs_...' }`). */
export const claimingCaseOf = (item: Record<string, unknown> | undefined): string | undefined => {
  const attribute = item?.caseId as { S?: string } | string | undefined;
  return typeof attribute === 'string' ? attribute : attribute?.S;
};
