import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundResolution } from '../support/case-requests.js';
import { launchChromium } from '../support/browser.js';
import { api, waitFor } from '../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../support/sla-policies.js';
import { staffApi, type StaffApi } from '../support/staff-api.js';
import { fileCase } from '../support/storefront.js';
import { postSurveyForm } from '../support/surveys.js';
import { WAIT_CEILING_MS } from '../support/wait-ceiling.js';
import { recomputeKpis, reportedKpis, type CaseView } from './support/kpi-recomputation.js';
import { startNpmStack, type NpmStartedStack } from './support/local-process.js';

/**
 * Issue 12's acceptance over `npm start`: a scripted mix of cases driven over HTTP only (storefront key, staff API,
 * survey links), then the KPI report of the current week and month checked against a recomputation of the README's
 * definitions from the cases' timelines made here, outside the service; its CSV parsed back into the same numbers; the
 * chart page drawn in headless Chromium; and store B's supervisor seeing none of store A's cases.
 * A 24x7 calendar with targets of seconds: first response PT20S, resolution PT40S, so breaches happen in the test.
 */
const FIRST_RESPONSE_MS = 20_000;
const RESOLUTION_MS = 40_000;
const policy = slaPolicy({
  firstResponse: 'PT20S',
  resolution: 'PT40S',
  repeatEvery: 'PT1H',
  aftercare: { surveyDelay: 'PT0S', surveyReminderAfter: 'PT1H', surveyExpiresAfter: 'PT2H' },
});
const TIME_ZONE = 'Asia/Shanghai';
const LINK = /https?:\/\/[^\s"'<>]+\/survey\/[A-Za-z0-9_.-]+/;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('npm start: KPI report, CSV, chart page and store isolation', () => {
  let stack: NpmStartedStack;
  let supervisor: StaffApi;
  let storefront: ReturnType<typeof api>;

  beforeAll(async () => {
    stack = await startNpmStack('after-sales-kpi-');
    storefront = api(stack);
    supervisor = await staffApi(stack, 'supervisor1');
    await putSlaPolicy(await staffApi(stack, 'admin1'), policy);
  });
  afterAll(async () => stack?.stop());

  const staffView = async (caseId: string): Promise<any> => {
    const response = await supervisor.get(`/v1/staff/cases/${caseId}`);
    if (response.status !== 200) throw new Error(`Staff view failed with ${response.status}: ${response.text}`);
    return response.json;
  };
  const viewWhen = (caseId: string, ready: (view: any) => boolean) =>
    waitFor(
      async () => {
        const view = await staffView(caseId);
        return ready(view) ? view : undefined;
      },
      { intervalMs: 250 },
    );
  const has = (view: any, type: string, detail?: (details: any) => boolean) =>
    view.timeline.some((event: any) => event.type === type && (!detail || detail(event.details ?? {})));
  const surveyLinks = async (email: string): Promise<string[]> =>
    ((await storefront.get('/_local/outbox')).json as Array<{ to: string[]; text: string }>)
      .filter((message) => message.to.includes(email))
      .flatMap((message) => LINK.exec(message.text)?.[0] ?? []);
  /** The survey link of the `round`-th survey to the address (the outbox's order is not the sending order). */
  const surveyLinkNumber = async (email: string, round: number): Promise<string> => {
    const links = await waitFor(
      async () => {
        const distinct = [...new Set(await surveyLinks(email))];
        return distinct.length >= round ? distinct : undefined;
      },
      { intervalMs: 250 },
    );
    return (round === 1 ? links[0] : links.find((link) => !usedLinks.has(link))) as string;
  };
  const usedLinks = new Set<string>();

  /** A case of its own customer, assigned and waiting for its first response; its agent signed in. */
  const assignedCase = async (name: string, overrides: Record<string, unknown> = {}) => {
    const email = `${name}-${Date.now()}@example.com`;
    const caseId = await fileCase(stack, { customer: { id: name, email, name: 'Li Lei', locale: 'en' }, ...overrides });
    const view = await viewWhen(caseId, (v) => v.status === 'assigned' && v.workflowWait?.signal === 'firstResponse');
    return { caseId, email, agent: await staffApi(stack, view.assignee.agentId) };
  };
  type Handled = Awaited<ReturnType<typeof assignedCase>>;
  const reply = async ({ caseId, agent }: Handled) =>
    expect((await agent.post(`/v1/staff/cases/${caseId}/replies`, { body: 'Sorry, on it.' })).status).toBe(201);
  const resolve = async ({ caseId, agent }: Handled, body: Record<string, unknown> = refundResolution) => {
    await viewWhen(caseId, (view) => view.workflowWait?.signal === 'resolution');
    const resolved = await agent.post(`/v1/staff/cases/${caseId}/resolve`, body);
    expect(resolved.status, resolved.text).toBe(200);
  };
  const answerSurvey = async ({ email }: Handled, round: number, fields: Record<string, string>) => {
    const link = await surveyLinkNumber(email, round);
    usedLinks.add(link);
    expect((await postSurveyForm(link, fields)).status).toBe(200);
  };

  /** The scripted mix; each resolves with the case's id once nothing more is pending on it. */
  const scenarios = {
    // Answered in time, resolved, survey all five ratings, satisfied.
    async inTime() {
      const handled = await assignedCase('kpi-in-time');
      await reply(handled);
      await resolve(handled);
      await answerSurvey(handled, 1, {
        overall: '5',
        attitude: '5',
        professionalism: '4',
        problemSolving: '5',
        speed: '4',
        comment: 'Quick.',
      });
      return handled.caseId;
    },
    // Answered in time, an exchange by phone, resolved with another root cause; surveyed, not satisfied, two ratings.
    async unhappy() {
      const handled = await assignedCase('kpi-unhappy', { type: 'exchange', channel: 'phone' });
      await reply(handled);
      await resolve(handled, { ...refundResolution, rootCause: 'logistics_damage' });
      await answerSurvey(handled, 1, { overall: '3', speed: '2' });
      return handled.caseId;
    },
    // Nobody answers within 20 s: first response breached (escalated to level 1); then the resolution's 40 s pass too.
    async breached() {
      const handled = await assignedCase('kpi-breached');
      await viewWhen(handled.caseId, (view) => has(view, 'sla_breached', (d) => d.milestone === 'firstResponse'));
      await reply(handled);
      await viewWhen(handled.caseId, (view) => has(view, 'sla_breached', (d) => d.milestone === 'resolution'));
      await resolve(handled);
      await viewWhen(handled.caseId, (view) => has(view, 'survey_sent')); // sent, never answered
      return handled.caseId;
    },
    // Awaits the customer for ~3 s (a pause in the resolution's business time), then resolved; survey answered.
    async paused() {
      const handled = await assignedCase('kpi-paused');
      await reply(handled);
      const awaiting = await handled.agent.post(`/v1/staff/cases/${handled.caseId}/status`, {
        status: 'awaiting_customer',
      });
      expect(awaiting.status, awaiting.text).toBe(200);
      await sleep(3_000);
      const message = await storefront.post(
        `/v1/cases/${handled.caseId}/messages`,
        { body: 'Here is the photo.' },
        { apiKey: stack.apiKeys.storeA },
      );
      expect(message.status, message.text).toBe(201);
      await resolve(handled);
      await answerSurvey(handled, 1, { overall: '4', attitude: '5' });
      return handled.caseId;
    },
    // Resolved, reopened by the customer's message, resolved again: counted once, one reopen within 7 days.
    async reopened() {
      const handled = await assignedCase('kpi-reopened');
      await reply(handled);
      await resolve(handled);
      await viewWhen(handled.caseId, (view) => has(view, 'survey_sent'));
      usedLinks.add(await surveyLinkNumber(handled.email, 1)); // left unanswered; voided by the reopening
      const message = await storefront.post(
        `/v1/cases/${handled.caseId}/messages`,
        { body: 'It leaks again.' },
        { apiKey: stack.apiKeys.storeA },
      );
      expect(message.status, message.text).toBe(201);
      await viewWhen(handled.caseId, (view) => view.round === 2);
      await resolve(handled);
      await answerSurvey(handled, 2, { overall: '5', problemSolving: '4' });
      return handled.caseId;
    },
    // Still waiting for the customer: first response met, unresolved, its resolution clock paused.
    async waiting() {
      const handled = await assignedCase('kpi-waiting');
      await reply(handled);
      const awaiting = await handled.agent.post(`/v1/staff/cases/${handled.caseId}/status`, {
        status: 'awaiting_customer',
      });
      expect(awaiting.status, awaiting.text).toBe(200);
      return handled.caseId;
    },
    // Cancelled by the customer before any reply: out of the resolution rate's cohort.
    async cancelled() {
      const handled = await assignedCase('kpi-cancelled');
      const cancelled = await storefront.post(
        `/v1/cases/${handled.caseId}/cancel`,
        { reason: 'Found the receipt, keeping it.' },
        { apiKey: stack.apiKeys.storeA },
      );
      expect(cancelled.status, cancelled.text).toBe(200);
      return handled.caseId;
    },
  };

  it('reports figures equal to a recomputation from the timelines, as JSON, CSV and charts; store B sees none', async () => {
    const storeBCaseId = await fileCase(
      stack,
      { customer: { id: 'kpi-store-b', email: 'kpi-store-b@example.com', name: 'Sam', locale: 'en' } },
      { apiKey: stack.apiKeys.storeB },
    );
    const caseIds = await Promise.all(Object.values(scenarios).map((scenario) => scenario()));
    const views: CaseView[] = await Promise.all(caseIds.map(staffView));
    for (const view of views) {
      // Sanity of the mix itself: what the recomputation is about happened.
      expect(view.timeline.length).toBeGreaterThan(3);
    }

    for (const period of ['week', 'month'] as const) {
      const report = await supervisor.get(`/v1/reports/kpis?period=${period}`);
      expect(report.status, report.text).toBe(200);
      expect(report.json).toMatchObject({ storeId: 'store-a', timezone: TIME_ZONE, period });
      expect(report.json.periods).toHaveLength(1);
      const [reported] = report.json.periods;
      const expected = recomputeKpis(views, {
        start: reported.start,
        end: reported.end,
        timeZone: TIME_ZONE,
        targets: { firstResponseMs: FIRST_RESPONSE_MS, resolutionMs: RESOLUTION_MS },
      });

      expect(reportedKpis(reported), `${period} figures`).toEqual(expected);
      // The mix is what it says: every kind of fact is in the comparison, not vacuously equal.
      expect(expected).toMatchObject({
        casesReceived: 7,
        casesResolved: 5,
        resolution: { cohortCases: 6, cohortResolved: 5 },
        csat: { surveysSent: 6, responses: 4 },
        reopens: { resolutions: 6, reopenedWithin7Days: 1 },
      });
      // At least the scripted breaches (a slow machine may add some: the comparison above holds either way).
      expect(expected.breaches.firstResponse).toBeGreaterThanOrEqual(1);
      expect(expected.breaches.resolution).toBeGreaterThanOrEqual(1);
      expect(expected.escalations).toBeGreaterThanOrEqual(2);
      expect(expected.firstResponse.withinSlaRate).toBeGreaterThan(0);
      expect(expected.firstResponse.withinSlaRate).toBeLessThan(1);
      expect(expected.resolution.withinSlaRate).toBeLessThan(1);
      // The ~3 s awaiting the customer is out of the business time, not of the calendar time.
      expect(expected.resolution.avgHours as number).toBeLessThan(expected.resolution.avgCalendarHours as number);

      // The CSV: a standard parser gives back the same numbers.
      const csv = await supervisor.get(`/v1/reports/kpis?period=${period}`, { headers: { accept: 'text/csv' } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const rows = parse<Record<string, string>>(csv.text, { columns: true, skip_empty_lines: true });
      expect(rows).toHaveLength(1);
      const row = rows[0] as Record<string, string>;
      const cell = (value: number | boolean | null) => (value === null ? '' : String(value));
      const asNumber = (text: string | undefined) => (text === '' || text === undefined ? null : Number(text));
      const csvFigures = {
        casesReceived: asNumber(row.casesReceived),
        casesResolved: asNumber(row.casesResolved),
        firstResponseCount: asNumber(row.firstResponseCount),
        firstResponseAvgMinutes: asNumber(row.firstResponseAvgMinutes),
        firstResponseAvgCalendarMinutes: asNumber(row.firstResponseAvgCalendarMinutes),
        firstResponseWithinSlaRate: asNumber(row.firstResponseWithinSlaRate),
        resolutionCohortCases: asNumber(row.resolutionCohortCases),
        resolutionCohortResolved: asNumber(row.resolutionCohortResolved),
        resolutionRate: asNumber(row.resolutionRate),
        resolutionWithinSlaRate: asNumber(row.resolutionWithinSlaRate),
        resolutionAvgHours: asNumber(row.resolutionAvgHours),
        resolutionMedianHours: asNumber(row.resolutionMedianHours),
        csatSurveysSent: asNumber(row.csatSurveysSent),
        csatResponses: asNumber(row.csatResponses),
        csatResponseRate: asNumber(row.csatResponseRate),
        csatAvgOverall: asNumber(row.csatAvgOverall),
        csatSatisfiedRate: asNumber(row.csatSatisfiedRate),
        escalations: asNumber(row.escalations),
        breachesFirstResponse: asNumber(row.breachesFirstResponse),
        breachesResolution: asNumber(row.breachesResolution),
        reopensWithin7Days: asNumber(row.reopensWithin7Days),
        received_type_return: asNumber(row.received_type_return),
        received_type_exchange: asNumber(row.received_type_exchange),
        received_channel_phone: asNumber(row.received_channel_phone),
        resolved_rootCause_logistics_damage: asNumber(row.resolved_rootCause_logistics_damage),
      };
      expect(csvFigures).toEqual({
        casesReceived: expected.casesReceived,
        casesResolved: expected.casesResolved,
        firstResponseCount: expected.firstResponse.count,
        firstResponseAvgMinutes: expected.firstResponse.avgMinutes,
        firstResponseAvgCalendarMinutes: expected.firstResponse.avgCalendarMinutes,
        firstResponseWithinSlaRate: expected.firstResponse.withinSlaRate,
        resolutionCohortCases: expected.resolution.cohortCases,
        resolutionCohortResolved: expected.resolution.cohortResolved,
        resolutionRate: expected.resolution.resolutionRate,
        resolutionWithinSlaRate: expected.resolution.withinSlaRate,
        resolutionAvgHours: expected.resolution.avgHours,
        resolutionMedianHours: expected.resolution.medianHours,
        csatSurveysSent: expected.csat.surveysSent,
        csatResponses: expected.csat.responses,
        csatResponseRate: expected.csat.responseRate,
        csatAvgOverall: expected.csat.avgOverall,
        csatSatisfiedRate: expected.csat.satisfiedRate,
        escalations: expected.escalations,
        breachesFirstResponse: expected.breaches.firstResponse,
        breachesResolution: expected.breaches.resolution,
        reopensWithin7Days: expected.reopens.reopenedWithin7Days,
        received_type_return: expected.byType.return?.received ?? 0,
        received_type_exchange: expected.byType.exchange?.received ?? 0,
        received_channel_phone: expected.byChannel.phone?.received ?? 0,
        resolved_rootCause_logistics_damage: expected.byRootCause.logistics_damage?.resolved ?? 0,
      });
      expect([row.firstResponseTargetMet, row.resolutionRateTargetMet, row.csatTargetMet]).toEqual([
        cell(reported.firstResponse.target.met),
        cell(reported.resolution.target.met),
        cell(reported.csat.target.met),
      ]);
    }

    // The per-case export: exactly store A's cases, no customer contact data.
    const exported = await supervisor.get('/v1/reports/cases.csv');
    expect(exported.status).toBe(200);
    const exportedRows = parse<Record<string, string>>(exported.text, { columns: true });
    expect(exportedRows.map((row) => row.caseId).sort()).toEqual([...caseIds].sort());
    expect(exported.text).not.toMatch(/@example\.com|Li Lei/);

    // Store B's supervisor: only store B's own case, none of store A's, in the report and the export.
    const supervisorB = await staffApi(stack, 'supervisor3');
    const reportB = await supervisorB.get('/v1/reports/kpis?period=month');
    expect(reportB.status).toBe(200);
    expect(reportB.json.storeId).toBe('store-b');
    expect(reportB.json.periods[0]).toMatchObject({
      casesReceived: 1,
      casesResolved: 0,
      firstResponse: { count: 0 },
      csat: { surveysSent: 0, responses: 0 },
      breaches: { firstResponse: 0, resolution: 0 },
    });
    const exportB = await supervisorB.get('/v1/reports/cases.csv');
    const exportBRows = parse<Record<string, string>>(exportB.text, { columns: true });
    expect(exportBRows.map((row) => row.caseId)).toEqual([storeBCaseId]);
    expect(caseIds.some((caseId) => exportB.text.includes(caseId))).toBe(false);
    const csatB = await supervisorB.get('/v1/reports/csat');
    expect(csatB.json).toMatchObject({ storeId: 'store-b', answers: [], overall: { responses: 0 } });

    // The chart page, signed in, in headless Chromium with its CSP enforced: four charts drawn, nothing refused.
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({
        extraHTTPHeaders: { authorization: `Bearer ${supervisor.token}`, 'accept-language': 'en' },
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      await page.addInitScript(() => {
        const scope = globalThis as unknown as {
          cspViolations: string[];
          addEventListener: (type: string, listener: (event: { violatedDirective: string }) => void) => void;
        };
        scope.cspViolations = [];
        scope.addEventListener('securitypolicyviolation', (event) => scope.cspViolations.push(event.violatedDirective));
      });
      const response = await page.goto(`${stack.url}/v1/reports/kpis?period=week&format=html`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'sha256-");
      await page.waitForFunction(
        () =>
          (globalThis as any).document.querySelectorAll('.chart[data-drawn]').length ===
          (globalThis as any).document.querySelectorAll('.chart').length,
        undefined,
        { timeout: WAIT_CEILING_MS },
      );
      const charts = await page.$$eval('.chart', (elements) =>
        elements.map((chart) => {
          const canvas = chart.querySelector('canvas') as any;
          if (!canvas) return { id: chart.id, painted: 0 };
          const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let at = 3; at < data.length; at += 4) if (data[at] !== 0) painted += 1;
          return { id: chart.id, painted };
        }),
      );
      expect(charts).toHaveLength(4);
      for (const chart of charts) expect(chart.painted, chart.id).toBeGreaterThan(0);
      expect(await page.evaluate(() => (globalThis as any).cspViolations)).toEqual([]);
      expect(problems).toEqual([]);
      const signedOut = await api(stack).get('/v1/reports/kpis?period=week&format=html');
      expect(signedOut.status).toBe(401);
    } finally {
      await browser.close();
    }
  });
});
