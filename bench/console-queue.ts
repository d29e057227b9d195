import { SYSTEM } from '../functions/domain/timeline.js';
import { timelineEvent } from '../functions/domain/timeline-events.js';
import type { LocalStack } from '../local/stack.js';
import { openCase } from './policy-save.js';
import { percentile, round } from './stats.js';

export interface ConsoleQueueFigures {
  store: string;
  /** Open cases in the store's unassigned queue when measured. */
  openCases: number;
  samples: number;
  /** `GET /console` with a session cookie, client side over the local HTTP server, per signed-in user. */
  pages: Array<{ user: string; list: string; p50Ms: number; p95Ms: number; bytes: number }>;
}

const WARM_UP = 3;
const SEED_CONCURRENCY = 10;

/** A console session cookie of a seeded user, from the local sign-in form post (same origin). */
const consoleSession = async (url: string, username: string): Promise<string> => {
  const answer = await fetch(`${url}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: `username=${username}`,
  });
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  if (answer.status !== 303 || !cookie) throw new Error(`Console sign-in of ${username} answered ${answer.status}`);
  return cookie;
};

/**
 * The console queue page's server render on a store with many open cases (issue 19: p95 <= 150 ms for 1,000): store
 * A's unassigned queue is topped up to `openCases` approved P3 cases (written straight to the table, as the policy
 * save's are), then `GET /console` is timed client side, `samples` times each after a warm-up: supervisor1 (the
 * unassigned queue's first page, the counts of six lists and the agents board) and agent1 (their own queue).
 */
export const measureConsoleQueue = async (
  { stack, alreadyOpen }: { stack: LocalStack; alreadyOpen: number },
  settings: { openCases: number; samples: number },
  log: (message: string) => void,
): Promise<ConsoleQueueFigures> => {
  const storeId = 'store-a';
  const missing = Math.max(0, settings.openCases - alreadyOpen);
  for (let start = 0; start < missing; start += SEED_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SEED_CONCURRENCY, missing - start) }, (_, index) =>
      openCase(storeId, 50_000 + start + index),
    );
    await Promise.all(
      batch.map((created) =>
        stack.dependencies.cases.create(created, timelineEvent(created.caseId, new Date(), 'case_submitted', SYSTEM)),
      ),
    );
  }
  log(`  ${storeId}: ${missing} open cases added to the ${alreadyOpen} already waiting`);
  const pages: ConsoleQueueFigures['pages'] = [];
  for (const [user, list] of [
    ['supervisor1', 'unassigned + counts + board'],
    ['agent1', 'own queue'],
  ] as const) {
    const cookie = await consoleSession(stack.url, user);
    const ms: number[] = [];
    let bytes = 0;
    for (let sample = 0; sample < WARM_UP + settings.samples; sample += 1) {
      const started = performance.now();
      const answer = await fetch(`${stack.url}/console`, { headers: { cookie }, redirect: 'manual' });
      const body = await answer.text();
      const elapsed = performance.now() - started;
      if (answer.status !== 200) throw new Error(`GET /console as ${user} answered ${answer.status}`);
      bytes = Buffer.byteLength(body);
      if (sample >= WARM_UP) ms.push(elapsed);
    }
    pages.push({ user, list, p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)), bytes });
    log(
      `  GET /console as ${user}: p50 ${round(percentile(ms, 50))} ms, p95 ${round(percentile(ms, 95))} ms, ${bytes} bytes`,
    );
  }
  return { store: storeId, openCases: alreadyOpen + missing, samples: settings.samples, pages };
};
