import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isValidAttachmentKey } from '../../domain/attachment-rules.js';
import {
  UPLOAD_KEY_PREFIX,
  type ReportedUpload,
  type UploadRecords,
  type UploadState,
} from '../../ports/upload-records.js';
import { guarded } from './dynamo-errors.js';

/**
 * One item per reported upload in the cases table, keyed by the attachment id alone (`pk = UPLOAD#<attachmentId>`,
 * `sk = UPLOAD`) with the store it was uploaded under: ids are unique, so a lookup tells another store's upload
 * (refused at once) from one not reported yet (which may still arrive).
 */
const uploadKey = (attachmentId: string) => ({ pk: `${UPLOAD_KEY_PREFIX}${attachmentId}`, sk: 'UPLOAD' });

export class DynamoUploadRecords implements UploadRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly casesTable: string,
  ) {}

  async find(storeId: string, attachmentId: string): Promise<UploadState> {
    if (!isValidAttachmentKey(storeId, attachmentId)) return { state: 'unreported' };
    // Strongly consistent: a notification recorded a moment ago must count.
    const { Item } = await guarded(
      this.client.send(
        new GetCommand({ TableName: this.casesTable, Key: uploadKey(attachmentId), ConsistentRead: true }),
      ),
    );
    if (!Item) return { state: 'unreported' };
    if (Item.storeId !== storeId) return { state: 'elsewhere' };
    return {
      state: 'uploaded',
      file: {
        contentType: String(Item.contentType),
        size: Number(Item.size),
        ...(typeof Item.fileName === 'string' ? { fileName: Item.fileName } : {}),
      },
    };
  }

  async record(upload: ReportedUpload): Promise<void> {
    await guarded(
      this.client.send(
        new PutCommand({
          TableName: this.casesTable,
          Item: {
            ...uploadKey(upload.attachmentId),
            entity: 'upload',
            storeId: upload.storeId,
            attachmentId: upload.attachmentId,
            contentType: upload.contentType,
            size: upload.size,
            ...(upload.fileName !== undefined ? { fileName: upload.fileName } : {}),
            reportedAt: upload.reportedAt,
          },
        }),
      ),
    );
  }
}
