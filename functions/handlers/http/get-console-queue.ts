import { safeParse } from 'zod/mini';
import { consoleHtml, consoleRoute } from '../../http/console/console-route.js';
import { seeOther } from '../../http/console/console-request.js';
import { queueSearchOf } from '../../domain/queue-views.js';
import { consoleMessagePage } from '../../pages/console/console-layout.js';
import { QUEUE_CSP, renderQueuePage } from '../../pages/console/queue-page.js';
import { QUEUE_WORDS } from '../../pages/console/queue-words.js';
import { consoleQueueQuerySchema, withoutEmptyValues } from '../../schemas/console-queue-query.js';
import { listConsoleQueue } from '../../use-cases/staff/list-console-queue.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsAgents, awsCases, awsStores } from '../../capabilities/tables/aws.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';

const ports = routePorts('getConsoleQueue', {
  cases: awsCases,
  agents: awsAgents,
  stores: awsStores,
  consoleSessions: awsConsoleSessions,
});

/**
 * GET /console: the signed-in user's lists (`listConsoleQueue`, no Scan), chosen and filtered by the query the page's
 * own forms send (`?view=&status=&type=&priority=`, `?q=` to search, `?next=` for the next page). A value the forms
 * do not offer is a 400 page naming the field; a case number found goes straight to its case page.
 */
export const handler = consoleRoute(ports, async (request) => {
  const { dependencies, user, locale, path, csrfToken } = request;
  const parsed = safeParse(consoleQueueQuerySchema, withoutEmptyValues(request.query));
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'query');
    const words = QUEUE_WORDS[locale];
    return consoleHtml(400, consoleMessagePage(locale, words.badFilterTitle, words.badFilter(field)));
  }
  const { view, status, type, priority, q, next } = parsed.data;
  const filters = { ...(status ? { status } : {}), ...(type ? { type } : {}), ...(priority ? { priority } : {}) };
  const search = q ? queueSearchOf(q) : undefined;
  const queue = await listConsoleQueue(dependencies, user, {
    ...(view ? { view } : {}),
    filters,
    ...(search ? { search } : {}),
    ...(next ? { nextToken: next } : {}),
  });
  const [found] = queue.cases;
  if (search && 'caseNumber' in search && found) return seeOther(`/console/cases/${encodeURIComponent(found.caseId)}`);
  const html = renderQueuePage(
    { locale, user, path, query: request.query, csrfToken },
    queue,
    { ...(view ? { view } : {}), filters, ...(q ? { search: q } : {}), paged: next !== undefined },
    dependencies.clock.now(),
  );
  return consoleHtml(200, html, QUEUE_CSP);
});
