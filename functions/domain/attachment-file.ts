/**
 * What a case keeps of each file sent with it (intake, a customer message, a staff reply): the id, the name the
 * uploader gave it, its type and size. Kept beside the ids (`Case.attachments`), so staff see what each file is
 * without a request to storage.
 */
export interface AttachmentFile {
  attachmentId: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** The longest file name kept (the upload request allows as many characters). */
export const MAX_FILE_NAME_LENGTH = 200;

/** A file uploaded before names were kept (or whose name was unreadable) is shown as its id. */
const UNNAMED = 'file';

/**
 * The file's name as kept: the last segment of whatever path a browser sent (`C:\photos\a.png` is `a.png`), trimmed,
 * with control and bidi override characters dropped (they could disguise an extension), at most
 * `MAX_FILE_NAME_LENGTH` characters; `file` when nothing is left.
 */
export const keptFileName = (raw: string): string => {
  const segment = raw.split(/[/\\]/).at(-1) ?? '';
  const visible = segment.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const kept = [...visible].slice(0, MAX_FILE_NAME_LENGTH).join('').trim();
  return kept === '' || kept === '.' || kept === '..' ? UNNAMED : kept;
};
