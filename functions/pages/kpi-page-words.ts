import type { CaseType, Channel, Locale, RootCause } from '../domain/case.js';
import type { SurveyDimension } from '../domain/aftercare/survey.js';
import type { ReportPeriod } from '../domain/kpi/kpi-report.js';
import { en as emailEn } from '../email/en.js';
import { zhCN as emailZhCN } from '../email/zh-cn.js';

/** Every word the KPI page shows, per locale. */
export interface KpiPageWords {
  title: string;
  subtitle: (store: string, periods: string, from: string, to: string, timezone: string) => string;
  generatedAt: (when: string) => string;
  periodNames: Record<ReportPeriod, string>;
  noPeriods: string;
  noData: string;
  met: string;
  missed: string;
  hoursUnit: string;
  charts: {
    firstResponse: { title: string; series: string; target: (hours: string) => string };
    resolution: { title: string; series: string; target: (percent: string) => string };
    csat: { title: string; series: string; target: (percent: string) => string };
    sla: { title: string; firstResponse: string; resolution: string };
  };
  /** The text alternative of a chart: its values period by period, the target and how often it was met. */
  chartSummary: (title: string, target: string | null, values: string, verdict: string) => string;
  /** One period's value in a text alternative, and how they are joined. */
  periodValue: (label: string, value: string) => string;
  listSeparator: string;
  seriesValues: (series: string, values: string) => string;
  metCount: (met: number, judged: number) => string;
  figuresHeading: string;
  figuresCaption: string;
  detailsHeading: string;
  breakdownHeading: string;
  columns: {
    period: string;
    /** The corner of the breakdown table, over the types, channels and root causes. */
    breakdown: string;
    received: string;
    resolved: string;
    firstResponseAvg: string;
    firstResponseCalendar: string;
    firstResponseWithinSla: string;
    firstResponseTarget: string;
    resolutionRate: string;
    resolutionWithinSla: string;
    resolutionTarget: string;
    resolutionTimes: string;
    csat: string;
    csatResponses: string;
    csatTarget: string;
    escalations: string;
    breaches: string;
    reopens: string;
    revisits: string;
    rating: (dimension: string) => string;
  };
  ofCases: (part: number, whole: number) => string;
  averageMedian: (average: string, median: string) => string;
  levels: (one: number, two: number, three: number) => string;
  breachesOf: (firstResponse: number, resolution: number) => string;
  dimensions: Record<SurveyDimension, string>;
  caseTypes: Record<CaseType, string>;
  channels: Record<Channel, string>;
  rootCauses: Record<RootCause, string>;
  breakdownRows: { receivedType: string; resolvedType: string; channel: string; rootCause: string };
  legend: string;
}

const en: KpiPageWords = {
  title: 'Service KPIs',
  subtitle: (store, periods, from, to, timezone) => `${store} · ${periods}, ${from} to ${to} (${timezone})`,
  generatedAt: (when) => `Figures as of ${when}.`,
  periodNames: { week: 'weekly', month: 'monthly', quarter: 'quarterly' },
  noPeriods: 'There are no periods in this range.',
  noData: 'no data',
  met: 'met',
  missed: 'missed',
  hoursUnit: 'h',
  charts: {
    firstResponse: {
      title: 'Average first-response time (business hours)',
      series: 'Average first response',
      target: (hours) => `Target: under ${hours}`,
    },
    resolution: {
      title: 'Resolution rate',
      series: 'Resolution rate',
      target: (percent) => `Target: at least ${percent}`,
    },
    csat: {
      title: 'Customer satisfaction (CSAT)',
      series: 'Satisfied (4 or 5 of 5)',
      target: (percent) => `Target: at least ${percent}`,
    },
    sla: {
      title: 'SLA compliance',
      firstResponse: 'First response within SLA',
      resolution: 'Resolution within SLA',
    },
  },
  chartSummary: (title, target, values, verdict) =>
    `${title}${target ? ` (${target})` : ''}. ${values}.${verdict ? ` ${verdict}` : ''}`,
  periodValue: (label, value) => `${label}: ${value}`,
  listSeparator: ', ',
  seriesValues: (series, values) => `${series}: ${values}`,
  metCount: (met, judged) => `Target met in ${met} of ${judged} periods with data.`,
  figuresHeading: 'Figures per period',
  figuresCaption: 'Every figure of the charts, with its target and whether it was met.',
  detailsHeading: 'Escalations, reopens, revisits and ratings',
  breakdownHeading: 'Cases by type, channel and root cause',
  columns: {
    period: 'Period',
    breakdown: 'Cases',
    received: 'Received',
    resolved: 'Resolved',
    firstResponseAvg: 'First response, average (business h)',
    firstResponseCalendar: 'First response, average (calendar h)',
    firstResponseWithinSla: 'First response within SLA',
    firstResponseTarget: 'First-response target',
    resolutionRate: 'Resolution rate',
    resolutionWithinSla: 'Resolution within SLA',
    resolutionTarget: 'Resolution target',
    resolutionTimes: 'Resolution time, average / median (business h)',
    csat: 'CSAT',
    csatResponses: 'Survey answers / sent',
    csatTarget: 'CSAT target',
    escalations: 'Escalations (level 1 / 2 / 3)',
    breaches: 'Breaches (first response / resolution)',
    reopens: 'Reopened within 7 days',
    revisits: 'Revisits recurred',
    rating: (dimension) => `Average rating: ${dimension}`,
  },
  ofCases: (part, whole) => `${part} of ${whole}`,
  averageMedian: (average, median) => `${average} / ${median}`,
  levels: (one, two, three) => `${one} / ${two} / ${three}`,
  breachesOf: (firstResponse, resolution) => `${firstResponse} / ${resolution}`,
  dimensions: {
    overall: 'overall',
    attitude: 'attitude',
    professionalism: 'professionalism',
    problemSolving: 'problem solving',
    speed: 'speed',
  },
  caseTypes: emailEn.caseTypes,
  channels: { web: 'Web', app: 'App', email: 'Email', phone: 'Phone', chat: 'Chat', social: 'Social media' },
  rootCauses: {
    design_defect: 'Design defect',
    production_quality: 'Production quality',
    misuse: 'Misuse',
    logistics_damage: 'Damaged in delivery',
    other: 'Other',
  },
  breakdownRows: {
    receivedType: 'Received, by type',
    resolvedType: 'Resolved, by type',
    channel: 'Received, by channel',
    rootCause: 'Resolved, by root cause',
  },
  legend: 'Legend',
};

const zhCN: KpiPageWords = {
  title: '服务指标',
  subtitle: (store, periods, from, to, timezone) => `${store} · ${periods}，${from} 至 ${to}（${timezone}）`,
  generatedAt: (when) => `数据截至 ${when}。`,
  periodNames: { week: '按周', month: '按月', quarter: '按季度' },
  noPeriods: '此时间范围内没有统计周期。',
  noData: '无数据',
  met: '达标',
  missed: '未达标',
  hoursUnit: '小时',
  charts: {
    firstResponse: {
      title: '平均首次响应时间（工作小时）',
      series: '平均首次响应',
      target: (hours) => `目标：低于 ${hours}`,
    },
    resolution: { title: '解决率', series: '解决率', target: (percent) => `目标：不低于 ${percent}` },
    csat: {
      title: '客户满意度（CSAT）',
      series: '满意（4 分或 5 分）',
      target: (percent) => `目标：不低于 ${percent}`,
    },
    sla: { title: 'SLA 达成率', firstResponse: '首次响应在 SLA 内', resolution: '解决在 SLA 内' },
  },
  chartSummary: (title, target, values, verdict) => `${title}${target ? `（${target}）` : ''}。${values}。${verdict}`,
  periodValue: (label, value) => `${label}：${value}`,
  listSeparator: '，',
  seriesValues: (series, values) => `${series}：${values}`,
  metCount: (met, judged) => `在 ${judged} 个有数据的周期中有 ${met} 个达标。`,
  figuresHeading: '各周期数据',
  figuresCaption: '图表中的全部数据，以及目标和是否达标。',
  detailsHeading: '升级、重开、回访与评分',
  breakdownHeading: '按类型、渠道和根本原因的服务单数',
  columns: {
    period: '周期',
    breakdown: '服务单',
    received: '受理',
    resolved: '解决',
    firstResponseAvg: '首次响应平均（工作小时）',
    firstResponseCalendar: '首次响应平均（自然小时）',
    firstResponseWithinSla: '首次响应在 SLA 内',
    firstResponseTarget: '首次响应目标',
    resolutionRate: '解决率',
    resolutionWithinSla: '解决在 SLA 内',
    resolutionTarget: '解决率目标',
    resolutionTimes: '解决时长 平均 / 中位数（工作小时）',
    csat: '满意度',
    csatResponses: '问卷回复 / 发送',
    csatTarget: '满意度目标',
    escalations: '升级（1 / 2 / 3 级）',
    breaches: '超时（首次响应 / 解决）',
    reopens: '7 天内重开',
    revisits: '回访复发',
    rating: (dimension) => `平均评分：${dimension}`,
  },
  ofCases: (part, whole) => `${part} / ${whole}`,
  averageMedian: (average, median) => `${average} / ${median}`,
  levels: (one, two, three) => `${one} / ${two} / ${three}`,
  breachesOf: (firstResponse, resolution) => `${firstResponse} / ${resolution}`,
  dimensions: {
    overall: '整体',
    attitude: '态度',
    professionalism: '专业',
    problemSolving: '问题解决',
    speed: '速度',
  },
  caseTypes: emailZhCN.caseTypes,
  channels: { web: '网站', app: 'App', email: '邮件', phone: '电话', chat: '在线客服', social: '社交媒体' },
  rootCauses: {
    design_defect: '设计缺陷',
    production_quality: '生产质量',
    misuse: '使用不当',
    logistics_damage: '运输损坏',
    other: '其他',
  },
  breakdownRows: {
    receivedType: '受理，按类型',
    resolvedType: '解决，按类型',
    channel: '受理，按渠道',
    rootCause: '解决，按根本原因',
  },
  legend: '图例',
};

export const KPI_PAGE_WORDS: Record<Locale, KpiPageWords> = { 'zh-CN': zhCN, en };
