import type { LocalDownload, LocalUpload } from '../../local/local-attachment-storage.js';

/** What the local server would pass on from a signed download URL (`/_local/downloads/<store>/<id>`). */
export const downloadFrom = (downloadUrl: string): LocalDownload => {
  const url = new URL(downloadUrl);
  const [, , , storeId = '', attachmentId = ''] = url.pathname.split('/');
  return {
    storeId,
    attachmentId,
    expires: url.searchParams.get('expires') ?? '',
    signature: url.searchParams.get('signature') ?? '',
  };
};

/** What the local server would pass on from a signed upload: the URL's path and query, the content type and body. */
export const uploadFrom = (uploadUrl: string, contentType: string, body: Buffer): LocalUpload => ({
  ...downloadFrom(uploadUrl),
  contentType,
  body,
});
