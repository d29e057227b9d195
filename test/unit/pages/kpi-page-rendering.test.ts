import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KpiReport } from '../../../functions/domain/kpi/kpi-report.js';
import { KPI_PAGE_CSP, kpiPage } from '../../../functions/pages/kpi-page.js';
import { periodFigures, weeklyReport } from '../../support/kpi-reports.js';

const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The contents of every element with this tag (no attributes other than the ones given). */
const contents = (html: string, open: string, tag: string): string[] =>
  [...html.matchAll(new RegExp(`${open.replace(/[[\]]/g, '\\$&')}([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (match) => match[1] as string,
  );

interface ChartData {
  labels: string[];
  hoursUnit: string;
  charts: { id: string; unit: string; yMax: number; target: number | null; series: { values: (number | null)[] }[] }[];
}
const chartData = (html: string): ChartData =>
  JSON.parse(contents(html, '<script type="application/json" id="kpi-data">', 'script')[0] as string) as ChartData;

const directive = (csp: string, name: string): string[] =>
  csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name)
    ?.slice(1) ?? [];

const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('Function: kpiPage', () => {
  it('allows exactly its inline scripts and stylesheet by hash, and nothing from anywhere else', () => {
    const { html, csp } = kpiPage(weeklyReport(13), { locale: 'en' });
    expect(csp).toBe(KPI_PAGE_CSP);
    const scripts = contents(html, '<script>', 'script');
    expect(scripts).toHaveLength(2);
    expect(directive(csp, 'script-src').sort()).toEqual(scripts.map(hashOf).sort());
    const styles = contents(html, '<style>', 'style');
    expect(directive(csp, 'style-src')).toEqual(styles.map(hashOf));
    expect(directive(csp, 'default-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    // No resource of its own to fetch: no src, no href, no url() anywhere.
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(styles.join('')).not.toMatch(/url\(|@import/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('puts every period on the charts, null figures as null (a gap), never 0, with the targets in the unit shown', () => {
    const report = weeklyReport(13);
    const data = chartData(kpiPage(report, { locale: 'en' }).html);
    expect(data.labels).toEqual(report.periods.map((period) => period.label));
    const [firstResponse, resolution, csat, sla] = data.charts;
    expect(data.charts.map((chart) => chart.id)).toEqual([
      'chart-first-response',
      'chart-resolution',
      'chart-csat',
      'chart-sla',
    ]);
    expect(firstResponse?.target).toBe(4);
    expect(firstResponse?.series[0]?.values[0]).toBe(48);
    expect(resolution?.target).toBe(90);
    expect(csat?.target).toBe(85);
    expect(sla?.target).toBeNull();
    expect(sla?.series).toHaveLength(2);
    // Week 5 (W31) had no case; week 8 (W34) no answered survey.
    for (const chart of data.charts) for (const series of chart.series) expect(series.values[4], chart.id).toBeNull();
    expect(csat?.series[0]?.values[7]).toBeNull();
    expect(resolution?.series[0]?.values[0]).toBeCloseTo((report.periods[0]?.resolution.resolutionRate ?? 0) * 100, 10);
    expect(firstResponse?.yMax).toBeGreaterThanOrEqual(48);
  });

  it('draws the target line where a store set its own targets', () => {
    const report = weeklyReport(3, {
      targets: { firstResponseMaxMinutes: 90, resolutionRateMin: 0.95, csatMin: 0.8 },
    });
    const { html } = kpiPage(report, { locale: 'en' });
    expect(chartData(html).charts.map((chart) => chart.target)).toEqual([1.5, 95, 80, null]);
    expect(text(html)).toContain('Target: under 1.5 h');
    expect(text(html)).toContain('Target: at least 95%');
  });

  it.each([1, 3, 13])('shows %i periods: one table row and one chart point each', (count) => {
    const { html } = kpiPage(weeklyReport(count), { locale: 'en' });
    expect(chartData(html).labels).toHaveLength(count);
    const figures = html.split('<h2 id="figures">')[1]?.split('</table>')[0] ?? '';
    expect(figures.match(/<tr><th scope="row">/g)).toHaveLength(count);
  });

  it('says met and missed in words, and "no data" where there was nothing to judge', () => {
    const report = weeklyReport(13);
    const { html } = kpiPage(report, { locale: 'en' });
    const checks = report.periods.flatMap((period) => [
      period.firstResponse.target.met,
      period.resolution.target.met,
      period.csat.target.met,
    ]);
    expect(html.match(/<td class="met">✓ met<\/td>/g)).toHaveLength(checks.filter((met) => met === true).length);
    expect(html.match(/<td class="missed">✗ missed<\/td>/g)).toHaveLength(checks.filter((met) => met === false).length);
    expect(html.match(/<td class="none">no data<\/td>/g)).toHaveLength(checks.filter((met) => met === null).length);
    const w31 = html.split('<th scope="row">2026-W31')[1]?.split('</tr>')[0] ?? '';
    expect(text(w31)).toContain('no data');
    expect(w31).not.toMatch(/>0(\.0)? h</);
  });

  it('gives each chart a text alternative with its values, the target and how often it was met', () => {
    const report = weeklyReport(13);
    const { html } = kpiPage(report, { locale: 'en' });
    const labels = [...html.matchAll(/<div class="chart" id="([a-z-]+)" role="img" aria-label="([^"]*)">/g)];
    expect(labels.map((match) => match[1])).toEqual([
      'chart-first-response',
      'chart-resolution',
      'chart-csat',
      'chart-sla',
    ]);
    const firstResponse = labels[0]?.[2] ?? '';
    expect(firstResponse).toContain('Target: under 4 h');
    expect(firstResponse).toContain('2026-W27: 48.0 h');
    expect(firstResponse).toContain('2026-W31: no data');
    const judged = report.periods.filter((period) => period.firstResponse.target.met !== null);
    const met = judged.filter((period) => period.firstResponse.target.met).length;
    expect(firstResponse).toContain(`Target met in ${met} of ${judged.length} periods with data.`);
    expect(labels[3]?.[2]).toContain('Resolution within SLA: 2026-W27: 80%');
  });

  it('renders in Chinese, numbers and words', () => {
    const { html } = kpiPage(weeklyReport(3), { locale: 'zh-CN' });
    expect(html).toContain('<html lang="zh-CN">');
    expect(text(html)).toContain('服务指标');
    expect(text(html)).toContain('目标：低于 4 小时');
    expect(text(html)).toContain('按周');
    expect(chartData(html).hoursUnit).toBe('小时');
    expect(text(html)).toMatch(/✓ 达标|✗ 未达标/);
    const main = html.split('<main>')[1]?.split('<script')[0] ?? '';
    expect(text(main)).not.toMatch(/no data|missed|Target|Period/);
    expect(html).toContain(
      'aria-label="平均首次响应时间（工作小时）（目标：低于 4 小时）。2026-W27：48.0 小时，2026-W28：',
    );
  });

  it('shows a range without periods as a message, with no chart and no script', () => {
    const { html } = kpiPage(weeklyReport(0), { locale: 'en' });
    expect(text(html)).toContain('There are no periods in this range.');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('class="chart"');
  });

  it('escapes text from the data everywhere: the store, labels and dates, in HTML and in the JSON', () => {
    const hostile = '</script><script>alert(1)</script><!--&"\'\u2028';
    const report: KpiReport = {
      ...weeklyReport(2),
      storeId: hostile,
      timezone: 'Asia/Shanghai',
      periods: [periodFigures(hostile), periodFigures('<img src=x onerror=alert(2)>', { start: hostile })],
    };
    const { html } = kpiPage(report, { locale: 'en' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const json = contents(html, '<script type="application/json" id="kpi-data">', 'script')[0] ?? '';
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(chartData(html).labels).toEqual([hostile, '<img src=x onerror=alert(2)>']);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const named = kpiPage(report, { locale: 'en', storeName: 'A & <B>' }).html;
    expect(named).toContain('<title>Service KPIs · A &amp; &lt;B&gt;</title>');
  });
});
