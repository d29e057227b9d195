import type { Case, CaseType, Channel, RootCause } from '../functions/domain/case.js';
import { newCaseId } from '../functions/domain/case.js';
import type { SurveyAttribution, SurveyRatings } from '../functions/domain/aftercare/survey.js';
import { SYSTEM, type Actor } from '../functions/domain/timeline.js';
import { timelineEvent } from '../functions/domain/timeline-events.js';
import type { CaseStore } from '../functions/ports/case-store.js';
import { intakeBody } from './intake.js';

/** The store-local days of a quarter: `firstDay` (YYYY-MM-DD, the quarter's first) and how many days it has. */
export interface Quarter {
  label: string;
  firstDay: string;
  lastDay: string;
  days: string[];
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The last whole quarter before `now`'s (by UTC date: the datasets' stores are both on UTC+8, far from the edge). */
export const previousQuarter = (now: Date): Quarter => {
  const startMonth = Math.floor(now.getUTCMonth() / 3) * 3 - 3;
  const start = Date.UTC(now.getUTCFullYear(), startMonth, 1);
  const end = Date.UTC(now.getUTCFullYear(), startMonth + 3, 1);
  const days: string[] = [];
  for (let day = start; day < end; day += 86_400_000) days.push(isoDay(day));
  const first = new Date(start);
  return {
    label: `${first.getUTCFullYear()}-Q${Math.floor(first.getUTCMonth() / 3) + 1}`,
    firstDay: days[0] as string,
    lastDay: days.at(-1) as string,
    days,
  };
};

/** A small deterministic generator (mulberry32), so both stores get the same mix for a given seed. */
const generator = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T,
    between: (low: number, high: number): number => low + next() * (high - low),
  };
};

const TYPES: readonly CaseType[] = ['return', 'return', 'exchange', 'repair', 'product_fault'];
const CHANNELS: readonly Channel[] = ['web', 'web', 'app', 'email', 'phone'];
const ROOT_CAUSES: readonly RootCause[] = [
  'design_defect',
  'production_quality',
  'misuse',
  'logistics_damage',
  'other',
];
/** Agent ids of the datasets (the counters key on the id; the agent directory is not read). */
const AGENTS = ['kpi-agent-1', 'kpi-agent-2', 'kpi-agent-3', 'kpi-agent-4'] as const;
const HOUR_MS = 3_600_000;
/** The datasets' stores are on Asia/Shanghai (UTC+8, no daylight saving). */
const UTC_OFFSET_HOURS = 8;

/** Shares of the cases (stated): all are answered and resolved; 45 % surveyed, 30 % answer the survey. */
const SURVEYED = 0.45;
const ANSWERED = 0.3;

/** One case's life, as the store writes it: the filing, then each change in order. */
interface PlannedCase {
  created: Case;
  changes: Array<{ at: Date; change: Parameters<CaseStore['update']>[1] }>;
}

const staff = (agentId: string): Actor => ({ kind: 'staff', id: agentId });

const plan = (storeId: string, index: number, quarter: Quarter, random: ReturnType<typeof generator>): PlannedCase => {
  const day = quarter.days[index % quarter.days.length] as string;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // Filed between 08:00 and 20:00 store time.
  const createdMs = Date.UTC(year, month - 1, date, 8 - UTC_OFFSET_HOURS) + random.between(0, 12) * HOUR_MS;
  const createdAt = new Date(createdMs).toISOString();
  const agentId = random.pick(AGENTS);
  const type = random.pick(TYPES);
  const channel = random.pick(CHANNELS);
  const rootCause = random.pick(ROOT_CAUSES);
  const caseId = newCaseId(new Date(createdMs));
  const created: Case = {
    ...intakeBody(),
    type,
    channel,
    caseId,
    caseNumber: `KPI-${storeId}-${String(index).padStart(6, '0')}`,
    storeId,
    status: 'assigned',
    createdAt,
    updatedAt: createdAt,
    decision: { outcome: 'approved', reasons: [], policyVersion: 1, decidedAt: createdAt, decidedBy: 'policy' },
    classification: {
      severity: 'major',
      urgency: 'medium',
      priority: 'P3',
      severityRule: 'type_default',
      urgencyRule: 'type_default',
      classifiedAt: createdAt,
      classifiedBy: 'rules',
    },
    assignee: { agentId, name: agentId, assignedAt: createdAt, assignedBy: 'assignment' },
  };
  const repliedMs = createdMs + random.between(0.5, 30) * HOUR_MS;
  const resolvedMs = repliedMs + random.between(1, 96) * HOUR_MS;
  const replied = new Date(repliedMs);
  const resolved = new Date(resolvedMs);
  const changes: PlannedCase['changes'] = [
    {
      at: replied,
      change: {
        set: { firstRespondedAt: replied.toISOString(), status: 'in_progress', updatedAt: replied.toISOString() },
        events: [
          timelineEvent(caseId, replied, 'reply_sent', staff(agentId)),
          timelineEvent(caseId, replied, 'status_changed', SYSTEM, { from: 'assigned', to: 'in_progress' }),
        ],
      },
    },
    {
      at: resolved,
      change: {
        ifStatusIn: ['in_progress'],
        set: {
          status: 'resolved',
          updatedAt: resolved.toISOString(),
          resolution: {
            type: 'refund',
            rootCause,
            summary: 'Refunded',
            resolvedAt: resolved.toISOString(),
            resolvedBy: agentId,
          },
        },
        events: [
          timelineEvent(caseId, resolved, 'resolved', staff(agentId), {
            from: 'in_progress',
            to: 'resolved',
            details: { type: 'refund', rootCause },
          }),
        ],
      },
    },
  ];
  const surveyDraw = random.next();
  if (surveyDraw < SURVEYED) {
    const sent = new Date(resolvedMs + HOUR_MS);
    const attribution: SurveyAttribution = {
      agentId,
      agentName: agentId,
      resolvedBy: agentId,
      type,
      priority: 'P3',
      resolutionType: 'refund',
      rootCause,
      channel,
    };
    const survey = {
      round: 1,
      status: 'sent' as const,
      tokenId: `kpi${index}`,
      sentAt: sent.toISOString(),
      expiresAt: new Date(sent.getTime() + 14 * 24 * HOUR_MS).toISOString(),
      attribution,
    };
    changes.push({
      at: sent,
      change: {
        set: { survey, updatedAt: sent.toISOString() },
        events: [timelineEvent(caseId, sent, 'survey_sent', SYSTEM, { details: { round: 1, attribution } })],
      },
    });
    if (surveyDraw < ANSWERED) {
      const answered = new Date(sent.getTime() + random.between(1, 72) * HOUR_MS);
      const overall = random.pick([5, 5, 5, 4, 4, 3, 2]);
      const ratings: SurveyRatings = { overall, attitude: random.pick([5, 4, 3]), speed: random.pick([5, 4, 3, 2]) };
      changes.push({
        at: answered,
        change: {
          ifSurveyOpen: { tokenId: survey.tokenId },
          set: {
            survey: { ...survey, status: 'answered', answeredAt: answered.toISOString(), ratings, comment: 'Fine' },
            updatedAt: answered.toISOString(),
          },
          events: [
            timelineEvent(
              caseId,
              answered,
              'survey_answered',
              { kind: 'customer', id: created.customer.id },
              {
                details: { round: 1, ratings, comment: 'Fine', attribution },
              },
            ),
          ],
        },
      });
    }
  }
  return { created, changes };
};

export interface DatasetFigures {
  storeId: string;
  cases: number;
  /** Case store writes: each case's filing and its changes (all of them counting). */
  writes: number;
  buildMs: number;
}

/**
 * Writes `count` cases of `storeId` over `quarter` through `cases` (the KPI-counting case store): each filed, answered
 * and resolved in the quarter, some surveyed and answered, `concurrency` cases at a time (each case's changes in
 * order). The counters are what those writes counted; nothing is written to the KPI table directly.
 */
export const buildDataset = async (
  cases: Pick<CaseStore, 'create' | 'update'>,
  {
    storeId,
    count,
    quarter,
    concurrency,
    seed,
  }: {
    storeId: string;
    count: number;
    quarter: Quarter;
    concurrency: number;
    seed: number;
  },
): Promise<DatasetFigures> => {
  const random = generator(seed);
  const started = performance.now();
  let next = 0;
  let writes = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      const { created, changes } = plan(storeId, index, quarter, random);
      await cases.create(created, timelineEvent(created.caseId, new Date(created.createdAt), 'case_submitted', SYSTEM));
      writes += 1;
      let current = created;
      for (const { change } of changes) {
        await cases.update(current, change);
        current = { ...current, ...change.set };
        writes += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { storeId, cases: count, writes, buildMs: Math.round(performance.now() - started) };
};
