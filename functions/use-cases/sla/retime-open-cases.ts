import type { Dependencies } from '../../commons/dependencies.js';
import { TransientError } from '../../domain/errors.js';
import type { StoreSlaPolicy } from '../../domain/sla/sla-policy.js';
import type { QueueRef } from '../../ports/case-store.js';
import type { RetimeCursor, WorkJob } from '../../ports/work-queue.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';

export type RetimeJob = Extract<WorkJob, { kind: 'retimeOpenCases' }>;

export interface RetimeLimits {
  pageSize: number;
  /** Pages one job re-times before it hands the rest to a continuation job, so no invocation runs long. */
  pagesPerJob: number;
}

/** 5 pages of 100 cases, 8 at a time: a few seconds per job, far below the consumer's 60 s timeout. */
export const RETIME_LIMITS: RetimeLimits = { pageSize: 100, pagesPerJob: 5 };
/** Cases signalled at once: enough to finish a large store's queues quickly, few enough not to flood the tables. */
const CONCURRENCY = 8;
/** Consistent reads of the policy before the job is handed back to the queue for a later delivery. */
const POLICY_READS = 3;
const POLICY_READ_BACKOFF_MS = 100;

export type RetimeOutcome =
  | { outcome: 'retimed'; retimed: number; continuedFrom?: RetimeCursor }
  /** A newer policy was saved meanwhile; its own job re-times the cases. */
  | { outcome: 'superseded'; retimed: 0 };

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * The policy the job was enqueued for, read strongly consistently and past any cache (a warm function's copy, or an
 * eventually consistent read, could be the one it replaced, and would time the cases by it). Throws `TransientError`
 * while only an older version is readable, so the queue delivers the job again later.
 */
const readSavedPolicy = async (
  { stores }: Pick<Dependencies, 'stores'>,
  { storeId, slaPolicyVersion }: RetimeJob,
): Promise<StoreSlaPolicy> => {
  for (let attempt = 1; ; attempt += 1) {
    const policy = await stores.getSlaPolicy(storeId, { fresh: true });
    if (policy.version >= slaPolicyVersion) return policy;
    if (attempt >= POLICY_READS) {
      throw new TransientError(`SLA policy ${slaPolicyVersion} of ${storeId} not readable yet (${policy.version})`);
    }
    await sleep(POLICY_READ_BACKOFF_MS * attempt);
  }
};

/** The work queues still to re-time, in a stable order: the unassigned one, then each agent's by agentId. */
const queuesFrom = async (
  { agents }: Pick<Dependencies, 'agents'>,
  storeId: string,
  from: RetimeCursor | undefined,
): Promise<Array<{ agentId: string | null; nextToken?: string }>> => {
  const agentIds = (await agents.list(storeId)).map((agent) => agent.agentId).sort();
  const all: Array<string | null> = [null, ...agentIds];
  if (!from) return all.map((agentId) => ({ agentId }));
  // An agent removed meanwhile: carry on with the agents after it.
  const fromAgent = from.agentId;
  const start = fromAgent === null ? 0 : all.findIndex((agentId) => agentId !== null && agentId >= fromAgent);
  if (start < 0) return [];
  return all
    .slice(start)
    .map((agentId, index) =>
      index === 0 && agentId === from.agentId && from.nextToken ? { agentId, nextToken: from.nextToken } : { agentId },
    );
};

/**
 * The `retimeOpenCases` job, run by the work queue's consumer after an SLA policy save:
 * 1. reads the saved policy (`readSavedPolicy`); a newer one than the job's means a newer save, whose job does this;
 * 2. for each active case in every work queue of the store (the unassigned one and each agent's), syncs its due times
 *    and, when its workflow is parked on a wait that must now end sooner, re-times the wait (`signalWorkflow`, given
 *    the policy read in 1). Time already spent or paused is kept: due times are recomputed from each case's events;
 * 3. after `pagesPerJob` pages, enqueues the same job from where it stopped and returns.
 * Idempotent: a case re-timed twice gets the same due times, a wait completed twice is ignored. A queue that cannot be
 * read throws, and the queue delivers the job again (from its own cursor).
 */
export const retimeOpenCases = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  job: RetimeJob,
  limits: RetimeLimits = RETIME_LIMITS,
): Promise<RetimeOutcome> => {
  const policy = await readSavedPolicy(dependencies, job);
  if (policy.version > job.slaPolicyVersion) return { outcome: 'superseded', retimed: 0 };
  let retimed = 0;
  let pages = 0;
  for (const queue of await queuesFrom(dependencies, job.storeId, job.from)) {
    let nextToken = queue.nextToken;
    do {
      if (pages >= limits.pagesPerJob) {
        const continuedFrom: RetimeCursor = { agentId: queue.agentId, ...(nextToken ? { nextToken } : {}) };
        await dependencies.workQueue.enqueue({ ...job, from: continuedFrom });
        return { outcome: 'retimed', retimed, continuedFrom };
      }
      const ref: QueueRef = { agentId: queue.agentId, state: 'active' };
      const page = await dependencies.cases.listQueue(job.storeId, ref, { limit: limits.pageSize, nextToken });
      for (let start = 0; start < page.items.length; start += CONCURRENCY) {
        await Promise.all(
          page.items
            .slice(start, start + CONCURRENCY)
            .map((found) => signalWorkflow(dependencies, found.caseId, { policy })),
        );
      }
      retimed += page.items.length;
      pages += 1;
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return { outcome: 'retimed', retimed };
};
