import * as z from 'zod/mini';
import './zod-locale.js';
import { CASE_STATUSES, CASE_TYPES, PRIORITIES } from '../domain/case-vocabulary.js';
import { QUEUE_VIEWS } from '../domain/queue-views.js';

/**
 * The console queue page's query (`GET /console?view=&status=&type=&priority=&q=&next=`): the filter form's choices,
 * kept in the URL so a link or a reload shows the same list. Each value is bounded; an empty one (a form's "All") is
 * as if absent. Other parameters (`lang` is read before) are ignored, so a shared link with a tracking tag still opens.
 */
export const consoleQueueQuerySchema = z.object({
  view: z.optional(z.enum(QUEUE_VIEWS)),
  status: z.optional(z.enum(CASE_STATUSES)),
  type: z.optional(z.enum(CASE_TYPES)),
  priority: z.optional(z.enum(PRIORITIES)),
  /** The search box: a case number, an order id or a customer's email address. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(254))),
  /** The store's page token of the next page (opaque; a tampered one is refused by the store as a 400). */
  next: z.optional(z.string().check(z.maxLength(2048))),
});
export type ConsoleQueueQuery = z.output<typeof consoleQueueQuerySchema>;

/** The query without its empty values (the form sends `status=` for "All"). */
export const withoutEmptyValues = (query: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
