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
import type { Page, PageRequest, QueueRef } from '../../ports/case-store.js';
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

/** How many cases a list holds, up to `CONSOLE_PAGE_SIZE` (`more`: at least one beyond it). */
export interface ListCount {
  count: number;
  more: boolean;
}

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
 * 3. for supervisors and admins, each other list's count (bounded the same way) and the agents board;
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

/** Reads one list of the page; merged lists say whether they left cases out with `nextToken` absent and `more`. */
class QueueLists {
  constructor(
    private readonly dependencies: Pick<Dependencies, 'cases' | 'clock'>,
    private readonly user: StaffUser,
    private readonly agents: readonly Agent[],
  ) {}

  async read(view: QueueView, filters: QueueFilters, page: PageRequest): Promise<Page<Case> & { more?: boolean }> {
    const merge = (queues: ReadonlyArray<string | null>, ref: Omit<QueueRef, 'agentId'>) =>
      this.merged(queues, ref, page.limit);
    const { cases } = this.dependencies;
    const storeId = this.user.storeId;
    const inPage = async (read: Promise<Page<Case>>) => {
      const found = await read;
      return { ...found, items: found.items.filter((value) => matchesFilters(value, filters)) };
    };
    switch (view) {
      case 'mine':
        return cases.listQueue(storeId, this.queueRef(this.user.agentId ?? null, filters), page);
      case 'unassigned':
        return cases.listQueue(storeId, this.queueRef(null, filters), page);
      case 'review':
        return inPage(cases.listByStatus(storeId, 'pending_review', page));
      case 'flagged':
        return inPage(cases.listFlaggedCustomerWaits(storeId, page));
      case 'failed':
        return inPage(cases.listWorkflowFailures(storeId, page));
      case 'breached':
        return merge(this.everyQueue(), {
          ...this.queueRef(null, filters),
          state: 'active',
          statuses: filters.status ? [filters.status] : OPEN_STATUSES,
          dueBefore: this.dependencies.clock.now().toISOString(),
        });
      case 'revisits': {
        const revisits: Omit<QueueRef, 'agentId'> = { ...this.queueRef(null, filters), statuses: ['resolved'] };
        if (!isSupervising(this.user)) {
          return cases.listQueue(storeId, { ...revisits, agentId: this.user.agentId ?? null }, page);
        }
        return merge(this.everyQueue(), revisits);
      }
    }
  }

  /** Each list's count, unfiltered; `shown`: a list already read whole (one page, no filter), not read again. */
  async counts(
    views: readonly QueueView[],
    shown: { view: QueueView; page: Page<Case> & { more?: boolean } } | undefined,
  ): Promise<Partial<Record<QueueView, ListCount>>> {
    const entries = await Promise.all(
      views.map(async (view): Promise<[QueueView, ListCount]> => {
        const read = view === shown?.view ? shown.page : await this.read(view, {}, { limit: CONSOLE_PAGE_SIZE });
        return [view, { count: read.items.length, more: read.nextToken !== undefined || read.more === true }];
      }),
    );
    return Object.fromEntries(entries);
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

  private everyQueue(): Array<string | null> {
    return [null, ...this.agents.map((agent) => agent.agentId)];
  }

  /** The first cases of several queues, most urgent first (each queue's own order), at most `limit` of them. */
  private async merged(
    queues: ReadonlyArray<string | null>,
    ref: Omit<QueueRef, 'agentId'>,
    limit: number,
  ): Promise<Page<Case> & { more: boolean }> {
    const { cases } = this.dependencies;
    const pages = await Promise.all(
      queues.map((agentId) => cases.listQueue(this.user.storeId, { ...ref, agentId }, { limit })),
    );
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
