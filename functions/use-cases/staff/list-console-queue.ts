import type { Dependencies } from '../../commons/dependencies.js';
import type { Agent } from '../../domain/agent.js';
import { CASE_STATUSES, isOpenCase, TERMINAL_STATUSES, type Case } from '../../domain/case.js';
import { ForbiddenError } from '../../domain/errors.js';
import {
  matchesFilters,
  queueViewsFor,
  type QueueFilters,
  type QueueSearch,
  type QueueView,
} from '../../domain/queue-views.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import type { CaseCount, CaseList, Page, PageRequest, QueueRef } from '../../ports/case-store.js';
import { findStaffCases } from './find-staff-cases.js';

/** The most cases one page shows: 50 rows keep the page under its 60 KB budget with a board of 30 agents. */
export const CONSOLE_PAGE_SIZE = 50;

export interface ConsoleQueueRequest {
  /** Absent: the user's first list (`queueViewsFor`). */
  view?: QueueView;
  filters: QueueFilters;
  search?: QueueSearch;
  nextToken?: string;
}

/**
 * The most a tab counts: past it the tab says "99+". Each count reads the index entries it counts (no case is sent),
 * so the cap bounds what a supervisor's page costs however long a queue grows.
 */
export const COUNT_CAP = 99;

/** How many cases a list holds, up to `COUNT_CAP` (`more`: at least one beyond it). */
export type ListCount = CaseCount;

export interface ConsoleQueue {
  /** The list shown (absent for a search). */
  view?: QueueView;
  /** Every list this user may open, in tab order. */
  views: QueueView[];
  cases: Case[];
  /** The next page of a single-queue list; merged lists (breached, a supervisor's revisits) have none. */
  nextToken?: string;
  /** A merged list left cases out (only its most urgent page is shown). */
  truncated?: boolean;
  /** Supervisors and admins: each list's size, for the tabs. */
  counts?: Partial<Record<QueueView, ListCount>>;
  /** Supervisors and admins: the store's agents (the board: load against capacity, availability), by agentId. */
  agents?: Agent[];
  /** The store's calendar time zone (IANA), in which the page tells times. */
  timeZone: string;
}

const OPEN_STATUSES = CASE_STATUSES.filter(isOpenCase);

/**
 * The console's queue page (`GET /console`), read through indexes only (no Scan):
 * 1. a search (case number, order id or customer email) goes through `findStaffCases`, the staff API's search, with
 *    its access rule (agents find only their own cases);
 * 2. otherwise the chosen list, which the user must be allowed (`queueViewsFor`, else 403): a queue (`mine`,
 *    `unassigned`) filtered by status, type and priority in the store's query and paged by its token; `review`,
 *    `flagged` and `failed` from their indexes, filtered within the page read; `breached` and a supervisor's
 *    `revisits` from the head of every queue of the store (the unassigned one and each agent's), merged by due time,
 *    the first `CONSOLE_PAGE_SIZE` only;
 * 3. for supervisors and admins, each list's count (`countCases` on the same indexes, concurrently, up to
 *    `COUNT_CAP`; the list shown counts from its page when that is the whole list) and the agents board;
 * 4. the store's calendar time zone, for the times shown.
 */
export const listConsoleQueue = async (
  dependencies: Pick<Dependencies, 'cases' | 'agents' | 'stores' | 'clock'>,
  user: StaffUser,
  request: ConsoleQueueRequest,
): Promise<ConsoleQueue> => {
  const views = queueViewsFor(user);
  const supervising = isSupervising(user);
  const [agents, slaPolicy] = await Promise.all([
    supervising ? dependencies.agents.list(user.storeId) : undefined,
    dependencies.stores.getSlaPolicy(user.storeId),
  ]);
  const extras = {
    timeZone: slaPolicy.calendar.timezone,
    ...(agents ? { agents: [...agents].sort((a, b) => a.agentId.localeCompare(b.agentId)) } : {}),
  };
  if (request.search) {
    const page = await findStaffCases(dependencies, user, request.search, {
      limit: CONSOLE_PAGE_SIZE,
      ...(request.nextToken ? { nextToken: request.nextToken } : {}),
    });
    return { views, cases: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}), ...extras };
  }
  const view = request.view ?? views[0];
  if (view === undefined || !views.includes(view)) throw new ForbiddenError('This list is not yours to see');
  const lists = new QueueLists(dependencies, user, agents ?? []);
  const page = await lists.read(view, request.filters, {
    limit: CONSOLE_PAGE_SIZE,
    ...(request.nextToken ? { nextToken: request.nextToken } : {}),
  });
  // The shown page counts as its list only when it is the whole list's first page, unfiltered.
  const whole = !request.nextToken && Object.values(request.filters).every((value) => value === undefined);
  const counts = supervising ? await lists.counts(views, whole ? { view, page } : undefined) : undefined;
  return {
    view,
    views,
    cases: page.items,
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    ...(page.more ? { truncated: true } : {}),
    ...(counts ? { counts } : {}),
    ...extras,
  };
};

/** Where a list's cases come from: one list of the store's, or the heads of several queues merged by due time. */
type ListSource = { kind: 'one'; list: ListedCases } | { kind: 'merged'; queues: QueueRef[] };

/** The store's lists a view reads through the store's list methods (pending revisits are only counted). */
type ListedCases = Exclude<CaseList, { kind: 'pendingRevisits' }>;

/**
 * Reads one list of the page or counts it; merged lists say whether they left cases out with `nextToken` absent and
 * `more`.
 */
class QueueLists {
  constructor(
    private readonly dependencies: Pick<Dependencies, 'cases' | 'clock'>,
    private readonly user: StaffUser,
    private readonly agents: readonly Agent[],
  ) {}

  async read(view: QueueView, filters: QueueFilters, page: PageRequest): Promise<Page<Case> & { more?: boolean }> {
    const source = this.sourceOf(view, filters);
    if (source.kind === 'merged') return this.merged(source.queues, page.limit);
    const { cases } = this.dependencies;
    const storeId = this.user.storeId;
    const { list } = source;
    if (list.kind === 'queue') return cases.listQueue(storeId, list.queue, page);
    // The other lists have no filter of their own: the page read is filtered.
    const found = await (list.kind === 'status'
      ? cases.listByStatus(storeId, list.status, page)
      : list.kind === 'flaggedCustomerWaits'
        ? cases.listFlaggedCustomerWaits(storeId, page)
        : cases.listWorkflowFailures(storeId, page));
    return { ...found, items: found.items.filter((value) => matchesFilters(value, filters)) };
  }

  /**
   * Each list's count, unfiltered, all at once: counted by the store's indexes (`countCases`, no case read) up to
   * `COUNT_CAP`, a merged list as the sum of its queues' counts (a supervisor's revisits from the resolved cases).
   * `shown`: the list already read, whose page is its count when it is the whole list.
   */
  async counts(
    views: readonly QueueView[],
    shown: { view: QueueView; page: Page<Case> & { more?: boolean } } | undefined,
  ): Promise<Partial<Record<QueueView, ListCount>>> {
    const entries = await Promise.all(
      views.map(async (view): Promise<[QueueView, ListCount]> => {
        const whole = view === shown?.view && shown.page.nextToken === undefined && shown.page.more !== true;
        return [view, whole ? { count: shown.page.items.length, more: false } : await this.count(view)];
      }),
    );
    return Object.fromEntries(entries);
  }

  private async count(view: QueueView): Promise<ListCount> {
    const count = (list: CaseList) => this.dependencies.cases.countCases(this.user.storeId, list, COUNT_CAP);
    // Every queue's pending revisits are the store's resolved cases with one (the unassigned queue, which may hold
    // a thousand open cases, is not read to find none).
    if (view === 'revisits' && isSupervising(this.user)) return count({ kind: 'pendingRevisits' });
    const source = this.sourceOf(view, {});
    if (source.kind === 'one') return count(source.list);
    const parts = await Promise.all(source.queues.map((queue) => count({ kind: 'queue', queue })));
    const total = parts.reduce((sum, part) => sum + part.count, 0);
    return { count: Math.min(total, COUNT_CAP), more: total > COUNT_CAP || parts.some((part) => part.more) };
  }

  /**
   * Which store list each view is: `mine` and `unassigned` a queue with the filters in its query, `review` the
   * pending-review status, `flagged` and `failed` their indexes, `breached` the head of every queue of the store (the
   * unassigned one and each agent's) due before now, a supervisor's `revisits` every queue's resolved cases.
   */
  private sourceOf(view: QueueView, filters: QueueFilters): ListSource {
    const queue = (ref: QueueRef): ListSource => ({ kind: 'one', list: { kind: 'queue', queue: ref } });
    const everyQueue = (ref: Omit<QueueRef, 'agentId'>): ListSource => ({
      kind: 'merged',
      queues: [null, ...this.agents.map((agent) => agent.agentId)].map((agentId) => ({ ...ref, agentId })),
    });
    switch (view) {
      case 'mine':
        return queue(this.queueRef(this.user.agentId ?? null, filters));
      case 'unassigned':
        return queue(this.queueRef(null, filters));
      case 'review':
        return { kind: 'one', list: { kind: 'status', status: 'pending_review' } };
      case 'flagged':
        return { kind: 'one', list: { kind: 'flaggedCustomerWaits' } };
      case 'failed':
        return { kind: 'one', list: { kind: 'workflowFailures' } };
      case 'breached':
        return everyQueue({
          ...this.queueRef(null, filters),
          state: 'active',
          statuses: filters.status ? [filters.status] : OPEN_STATUSES,
          dueBefore: this.dependencies.clock.now().toISOString(),
        });
      case 'revisits': {
        const revisits: Omit<QueueRef, 'agentId'> = { ...this.queueRef(null, filters), statuses: ['resolved'] };
        return isSupervising(this.user)
          ? everyQueue(revisits)
          : queue({ ...revisits, agentId: this.user.agentId ?? null });
      }
    }
  }

  private queueRef(agentId: string | null, filters: QueueFilters): QueueRef {
    const done = filters.status !== undefined && TERMINAL_STATUSES.includes(filters.status);
    return {
      agentId,
      state: done ? 'done' : 'active',
      ...(filters.status ? { statuses: [filters.status] } : {}),
      ...(filters.type ? { types: [filters.type] } : {}),
      ...(filters.priority ? { priorities: [filters.priority] } : {}),
    };
  }

  /** The first cases of several queues, most urgent first (each queue's own order), at most `limit` of them. */
  private async merged(queues: readonly QueueRef[], limit: number): Promise<Page<Case> & { more: boolean }> {
    const { cases } = this.dependencies;
    const pages = await Promise.all(queues.map((queue) => cases.listQueue(this.user.storeId, queue, { limit })));
    const all = pages.flatMap((found) => found.items).sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
    return {
      items: all.slice(0, limit),
      more: all.length > limit || pages.some((found) => found.nextToken !== undefined),
    };
  }
}

/** The instant a case is ordered by in its queue (a revisit's answer due time, else the next SLA due time). */
const dueOf = (value: Case): string =>
  (value.status === 'resolved' ? value.revisit?.answerDueAt : value.deadlines?.nextDueAt) ?? '~';
