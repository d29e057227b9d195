import * as z from 'zod/mini';
import './zod-locale.js';

/**
 * An S3 event notification as Lambda receives it, the fields the upload records use. S3 sends one record per event;
 * its `s3:TestEvent` (sent when a notification is configured) has no `Records` and records nothing.
 */
export const bucketEventSchema = z.object({
  Records: z._default(
    z
      .array(
        z.object({
          eventName: z.string().check(z.maxLength(128)),
          s3: z.object({
            object: z.object({
              // URL-encoded, as S3 sends it (a space as `+`).
              key: z.string().check(z.minLength(1), z.maxLength(3072)),
              size: z.optional(z.number()),
            }),
          }),
        }),
      )
      .check(z.maxLength(100)),
    [],
  ),
});
