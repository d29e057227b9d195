import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundResolution } from '../../support/case-requests.js';
import { api, startTestStack, type ApiResponse, type TestStack } from '../../support/local-stack.js';
import { putSlaPolicy, slaPolicy } from '../../support/sla-policies.js';
import { postSurveyForm, surveyEmailsTo } from '../../support/surveys.js';
import { caseInProgress, raiseCapacity, signInAll, staffView, type Staff } from '../api/staff-fixtures.js';

/**
 * The report routes over the local stack's HTTP API (in process): who may read them, what a bad query gets, content
 * negotiation, paging of the survey answers and the per-case export, the store's targets, and store isolation.
 * Three cases of store A are answered and resolved by agent1; two of their surveys are answered (overall 5 and 3).
 */
const ROUTES = ['/v1/reports/kpis', '/v1/reports/csat', '/v1/reports/cases.csv'] as const;

let stack: TestStack;
let staff: Staff;
const caseIds: string[] = [];
const customerEmails: string[] = [];

const pathsOf = (response: ApiResponse): string[] =>
  (response.json?.error?.details ?? []).map((detail: { path: string }) => detail.path);

beforeAll(async () => {
  stack = await startTestStack();
  staff = await signInAll(stack);
  await raiseCapacity(staff, ['agent1', 'agent2']);
  await putSlaPolicy(
    staff.admin1,
    slaPolicy({ firstResponse: 'PT1H', resolution: 'P1D', repeatEvery: 'PT1H', aftercare: { surveyDelay: 'PT0S' } }),
  );
  for (const overall of ['5', '3', undefined]) {
    const caseId = await caseInProgress(stack, staff);
    const resolved = await staff.agent1.post(`/v1/staff/cases/${caseId}/resolve`, refundResolution);
    expect(resolved.status, resolved.text).toBe(200);
    const { customer } = await staffView(staff, caseId);
    caseIds.push(caseId);
    customerEmails.push(customer.email);
    const [link] = await surveyEmailsTo(stack, customer.email);
    if (overall) {
      const answered = await postSurveyForm(link as string, { overall, comment: `Rated ${overall}` });
      expect(answered.status).toBe(200);
    }
  }
});
afterAll(async () => stack?.stop());

describe('API: /v1/reports/* access', () => {
  it.each(ROUTES)('%s: 401 without a token, 403 for an agent, 200 for a supervisor and an admin', async (route) => {
    expect((await api(stack).get(route)).status).toBe(401);
    expect((await staff.agent1.get(route)).status).toBe(403);
    expect((await staff.supervisor1.get(route)).status).toBe(200);
    expect((await staff.admin1.get(route)).status).toBe(200);
  });
});

describe('API: /v1/reports/* query validation', () => {
  it.each([
    ['from after to', 'from=2026-07-10&to=2026-07-01', 'from'],
    ['a range over 731 days', 'from=2024-01-01&to=2026-01-02', 'from'],
    ['a date that does not exist', 'from=2027-02-30&to=2027-03-05', 'from'],
    ['a last day that does not exist', 'to=2026-13-01', 'to'],
    ['a date that is not a date', 'from=yesterday', 'from'],
    // The calendar's last days: their period (or the day after) would fall in year 10000, past ISO 8601's dates.
    ['a last day at the end of year 9999', 'to=9999-12-31', 'to'],
    ['a range in year 9999', 'from=9999-12-01&to=9999-12-31', 'from'],
  ])('refuses %s with 400 naming the field on every report', async (_what, query, field) => {
    for (const route of ROUTES) {
      const response = await staff.supervisor1.get(`${route}?${query}`);
      expect(response.status, `${route}?${query}: ${response.text}`).toBe(400);
      expect(pathsOf(response)).toContain(field);
    }
  });

  it('refuses an unknown period, an unknown format and an out-of-range limit, naming each', async () => {
    const period = await staff.supervisor1.get('/v1/reports/kpis?period=year');
    const format = await staff.supervisor1.get('/v1/reports/kpis?format=xlsx');
    const csatLimit = await staff.supervisor1.get('/v1/reports/csat?limit=0');
    const exportLimit = await staff.supervisor1.get('/v1/reports/cases.csv?limit=5001');

    expect([period.status, format.status, csatLimit.status, exportLimit.status]).toEqual([400, 400, 400, 400]);
    expect(pathsOf(period)).toContain('period');
    expect(pathsOf(format)).toContain('format');
    expect(pathsOf(csatLimit)).toContain('limit');
    expect(pathsOf(exportLimit)).toContain('limit');
  });

  it('accepts a range of exactly 731 days', async () => {
    const response = await staff.supervisor1.get('/v1/reports/kpis?from=2024-01-01&to=2025-12-31&period=quarter');
    expect(response.status, response.text).toBe(200);
    expect(response.json.periods.map((period: { label: string }) => period.label)).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
  });
});

describe('API: GET /v1/reports/kpis renderings', () => {
  const week = '/v1/reports/kpis?period=week';

  it('answers JSON by default and for Accept: application/json', async () => {
    for (const accept of [undefined, 'application/json', 'text/csv, application/json']) {
      const response = await staff.supervisor1.get(week, accept ? { headers: { accept } } : {});
      expect(response.headers.get('content-type'), String(accept)).toContain('application/json');
      expect(response.json.periods[0]).toMatchObject({ casesReceived: 3, casesResolved: 3 });
    }
  });

  it.each([
    ['Accept: text/csv', week, { accept: 'text/csv' }],
    ['format=csv', `${week}&format=csv`, {}],
    ['format=csv over Accept: application/json', `${week}&format=csv`, { accept: 'application/json' }],
  ])('answers CSV as an attachment for %s, with the JSON report numbers', async (_how, path, headers) => {
    const json = (await staff.supervisor1.get(week)).json;
    const response = await staff.supervisor1.get(path, { headers });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="kpis-week-${json.from}-${json.to}.csv"`,
    );
    const [row] = parse<Record<string, string>>(response.text, { columns: true });
    expect(row).toMatchObject({
      label: json.periods[0].label,
      casesReceived: '3',
      casesResolved: '3',
      csatResponses: '2',
      csatSatisfiedRate: '0.5',
      csatTargetMet: 'false',
    });
  });

  it('answers JSON for format=json even with Accept: text/csv', async () => {
    const response = await staff.supervisor1.get(`${week}&format=json`, { headers: { accept: 'text/csv' } });
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it.each([
    ['Accept: text/html', week, { accept: 'text/html' }],
    ['format=html', `${week}&format=html`, {}],
  ])('answers the chart page for %s, with its own CSP', async (_how, path, headers) => {
    const response = await staff.supervisor1.get(path, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'sha256-");
    expect(response.text).toMatch(/class="chart"/);
  });

  it('refuses the chart page to an agent and to nobody signed in', async () => {
    expect((await staff.agent1.get(`${week}&format=html`)).status).toBe(403);
    expect((await api(stack).get(week, { headers: { accept: 'text/html' } })).status).toBe(401);
  });
});

describe('API: GET /v1/reports/csat paging', () => {
  it('pages the answers with nextToken, each once, oldest first', async () => {
    const first = await staff.supervisor1.get('/v1/reports/csat?limit=1');
    const second = await staff.supervisor1.get(
      `/v1/reports/csat?limit=1&nextToken=${encodeURIComponent(first.json.nextToken)}`,
    );

    expect(first.status).toBe(200);
    expect(first.json.answers).toHaveLength(1);
    expect(first.json.nextToken).toEqual(expect.any(String));
    expect(first.json.overall).toMatchObject({ surveysSent: 3, responses: 2, satisfiedRate: 0.5 });
    expect(first.json.byAgent).toEqual([
      expect.objectContaining({ agentId: 'agent1', surveysSent: 3, responses: 2, responseRate: 2 / 3, avgOverall: 4 }),
    ]);
    expect(first.json.byRootCause).toEqual([
      expect.objectContaining({ rootCause: 'production_quality', responses: 2, satisfiedRate: 0.5 }),
    ]);
    expect(second.status).toBe(200);
    const answers = [...first.json.answers, ...second.json.answers];
    expect(answers.map((answer: { overall: number }) => answer.overall)).toEqual([5, 3]);
    expect(answers.map((answer: { comment: string }) => answer.comment)).toEqual(['Rated 5', 'Rated 3']);
    if (second.json.nextToken) {
      const third = await staff.supervisor1.get(
        `/v1/reports/csat?limit=1&nextToken=${encodeURIComponent(second.json.nextToken)}`,
      );
      expect(third.json.answers).toEqual([]);
    }
  });

  it('refuses a tampered or foreign nextToken with 400 naming nextToken', async () => {
    const { nextToken } = (await staff.supervisor1.get('/v1/reports/csat?limit=1')).json as { nextToken: string };
    const tampered = `${nextToken.slice(0, -2)}${nextToken.endsWith('AA') ? 'BB' : 'AA'}`;
    const outsideRange = Buffer.from('2019-01-01T00:00:00.000Z#cs_x', 'utf8').toString('base64url');

    for (const token of [tampered, 'not a token!', outsideRange, 'x'.repeat(2049)]) {
      const response = await staff.supervisor1.get(`/v1/reports/csat?limit=1&nextToken=${encodeURIComponent(token)}`);
      expect(response.status, token).toBe(400);
      expect(pathsOf(response)).toContain('nextToken');
    }
  });
});

describe('API: GET /v1/reports/cases.csv', () => {
  it('pages the export with X-Next-Token: every case once, no customer data', async () => {
    const pages: ApiResponse[] = [];
    let token: string | null = null;
    do {
      const query: string = token ? `&nextToken=${encodeURIComponent(token)}` : '';
      const page = await staff.supervisor1.get(`/v1/reports/cases.csv?limit=2${query}`);
      expect(page.status).toBe(200);
      pages.push(page);
      token = page.headers.get('x-next-token');
    } while (token && pages.length < 10);

    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]?.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(pages[0]?.headers.get('content-disposition')).toMatch(/^attachment; filename="cases-\d{4}-\d\d-\d\d-/);
    const rows = pages.flatMap((page) => parse<Record<string, string>>(page.text, { columns: true }));
    expect(rows.map((row) => row.caseId)).toEqual(caseIds);
    expect(rows[0]).toMatchObject({ state: 'resolved', resolutionType: 'refund', rootCause: 'production_quality' });
    const text = pages.map((page) => page.text).join('');
    for (const personal of [...customerEmails, 'Li Lei', 'KT-100', 'Kettle', 'leaks', 'SO-']) {
      expect(text).not.toContain(personal);
    }
  });

  it('refuses a tampered nextToken with 400 naming nextToken', async () => {
    const response = await staff.supervisor1.get('/v1/reports/cases.csv?limit=1&nextToken=%25%25');
    expect(response.status).toBe(400);
    expect(pathsOf(response)).toContain('nextToken');
  });
});

describe('API: /v1/reports/* store isolation', () => {
  it("shows store B's supervisor and admin none of store A's cases, answers or rows", async () => {
    for (const user of [staff.supervisor3, staff.admin3]) {
      const kpis = await user.get('/v1/reports/kpis?period=month');
      const csat = await user.get('/v1/reports/csat');
      const exported = await user.get('/v1/reports/cases.csv');

      expect(kpis.json).toMatchObject({ storeId: 'store-b' });
      expect(kpis.json.periods[0]).toMatchObject({
        casesReceived: 0,
        casesResolved: 0,
        firstResponse: { count: 0 },
        csat: { surveysSent: 0, responses: 0 },
      });
      expect(csat.json).toMatchObject({ storeId: 'store-b', answers: [], overall: { responses: 0 } });
      expect(parse(exported.text, { columns: true })).toEqual([]);
    }
  });

  it("refuses store A's page tokens to store B with a 400 naming nextToken", async () => {
    const { nextToken } = (await staff.supervisor1.get('/v1/reports/csat?limit=1')).json as { nextToken: string };
    const exportToken = (await staff.supervisor1.get('/v1/reports/cases.csv?limit=1')).headers.get('x-next-token');

    const csat = await staff.supervisor3.get(`/v1/reports/csat?nextToken=${encodeURIComponent(nextToken)}`);
    const exported = await staff.supervisor3.get(
      `/v1/reports/cases.csv?nextToken=${encodeURIComponent(exportToken ?? '')}`,
    );

    expect(csat.status).toBe(400);
    expect(csat.json.error.details).toEqual([expect.objectContaining({ path: 'nextToken' })]);
    expect(exported.status).toBe(400);
    expect(caseIds.some((caseId) => exported.text.includes(caseId))).toBe(false);
  });
});

describe('API: store kpiTargets in the report', () => {
  it("judges the figures against the store's own targets once an admin saves them, store B's unchanged", async () => {
    const before = (await staff.supervisor1.get('/v1/reports/kpis?period=week')).json.periods[0];
    const { storeId: _storeId, ...profile } = (await staff.admin1.get('/v1/admin/store')).json;

    const saved = await staff.admin1.put('/v1/admin/store', {
      ...profile,
      kpiTargets: { firstResponseMaxMinutes: 30, resolutionRateMin: 1, csatMin: 0.5 },
    });
    const after = await staff.supervisor1.get('/v1/reports/kpis?period=week');
    const csv = await staff.supervisor1.get('/v1/reports/kpis?period=week&format=csv');
    const storeB = (await staff.supervisor3.get('/v1/reports/kpis?period=week')).json;

    expect(saved.status, saved.text).toBe(200);
    expect(before.csat.target).toEqual({ target: 0.85, met: false });
    expect(before.firstResponse.target).toEqual({ target: 240, met: true });
    expect(after.json.targets).toEqual({ firstResponseMaxMinutes: 30, resolutionRateMin: 1, csatMin: 0.5 });
    expect(after.json.periods[0].csat.target).toEqual({ target: 0.5, met: true });
    expect(after.json.periods[0].firstResponse.target).toEqual({ target: 30, met: true });
    expect(after.json.periods[0].resolution.target).toEqual({ target: 1, met: true });
    expect(parse(csv.text, { columns: true })[0]).toMatchObject({
      firstResponseTargetMaxMinutes: '30',
      resolutionRateTargetMin: '1',
      csatTargetMin: '0.5',
      csatTargetMet: 'true',
    });
    expect(storeB.targets).toEqual({ firstResponseMaxMinutes: 240, resolutionRateMin: 0.9, csatMin: 0.85 });
  });
});
