import { keptFileName } from '../../domain/attachment-file.js';
import { newAttachmentId } from '../../domain/attachment-rules.js';
import { storefrontRoute } from '../../http/route.js';
import { attachmentRequestSchema } from '../../schemas/case-request.js';
import { jsonResponse } from '../../http/responses.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsStores } from '../../capabilities/tables/aws.js';
import { awsAttachments } from '../../capabilities/attachments/aws.js';

const ports = routePorts('createAttachment', { stores: awsStores, attachments: awsAttachments });

/** POST /v1/attachments: a short-lived upload URL whose signature binds the type and size; the file's name is kept with it. */
export const handler = storefrontRoute(
  { body: attachmentRequestSchema },
  ports,
  async ({ body, store, dependencies }) => {
    const attachmentId = newAttachmentId(dependencies.clock.now());
    const ticket = await dependencies.attachments.createUpload({
      storeId: store.storeId,
      attachmentId,
      contentType: body.contentType,
      size: body.size,
      fileName: keptFileName(body.fileName),
    });
    return jsonResponse(201, {
      attachmentId,
      uploadUrl: ticket.uploadUrl,
      uploadMethod: 'PUT',
      uploadHeaders: ticket.uploadHeaders,
      expiresAt: ticket.expiresAt,
    });
  },
);
