import type { CaseType, DecisionReason, Locale } from '../case.js';
import type { PolicyFinding, ReasonCode } from './review-case.js';
import { formatMoney } from '../money.js';

/** Customer-facing wording of policy findings, in the customer's language. Dates are UTC calendar days (YYYY-MM-DD). */

interface ParamReader {
  text(key: string): string;
  number(key: string): number;
  date(key: string): string;
  money(key: string): string;
  type(): string;
}

type Render = (p: ParamReader) => string;

const TYPE_LABELS: Record<CaseType, Record<Locale, string>> = {
  return: { 'zh-CN': '退货', en: 'return' },
  exchange: { 'zh-CN': '换货', en: 'exchange' },
  repair: { 'zh-CN': '维修', en: 'repair' },
  refund: { 'zh-CN': '退款', en: 'refund' },
  product_fault: { 'zh-CN': '产品故障', en: 'product fault' },
  usage_question: { 'zh-CN': '使用咨询', en: 'usage question' },
  complaint: { 'zh-CN': '投诉', en: 'complaint' },
  suggestion: { 'zh-CN': '建议', en: 'suggestion' },
  logistics: { 'zh-CN': '物流问题', en: 'delivery issue' },
};

const enDays = (days: number): string => `${days} ${days === 1 ? 'day' : 'days'}`;

/** A `Record` over every code and locale: a new code does not compile until it has both messages. */
const MESSAGES: Record<ReasonCode, Record<Locale, Render>> = {
  duplicate_open_claim: {
    'zh-CN': (p) => `商品 ${p.text('sku')} 已在售后申请 ${p.text('caseNumber')} 中处理，请在该申请中继续跟进。`,
    en: (p) =>
      `Item ${p.text('sku')} is already part of open case ${p.text('caseNumber')}; we will continue with it there.`,
  },
  delivery_date_required: {
    'zh-CN': (p) => `订单暂无签收记录，您的${p.type()}申请将由客服人工核实。`,
    en: (p) => `The order has no delivery date yet, so a team member will check your ${p.type()} request.`,
  },
  return_window_expired: {
    'zh-CN': (p) =>
      `退货退款需在签收后 ${p.number('days')} 天内申请。本订单于 ${p.date('startedAt')} 签收，申请期限已于 ${p.date('endedAt')} 截止。`,
    en: (p) =>
      `Returns and refunds are accepted within ${enDays(p.number('days'))} of delivery. This order was delivered on ${p.date('startedAt')}, so the period ended on ${p.date('endedAt')}.`,
  },
  exchange_window_expired: {
    'zh-CN': (p) =>
      `换货需在签收后 ${p.number('days')} 天内申请。本订单于 ${p.date('startedAt')} 签收，换货期限已于 ${p.date('endedAt')} 截止。`,
    en: (p) =>
      `Exchanges are accepted within ${enDays(p.number('days'))} of delivery. This order was delivered on ${p.date('startedAt')}, so the period ended on ${p.date('endedAt')}.`,
  },
  warranty_expired: {
    'zh-CN': (p) =>
      p.text('countedFrom') === 'order'
        ? `订单无签收记录，保修期自下单日起算 ${p.number('days')} 天。本订单于 ${p.date('startedAt')} 下单，保修已于 ${p.date('endedAt')} 到期。`
        : `保修期为签收后 ${p.number('days')} 天。本订单于 ${p.date('startedAt')} 签收，保修已于 ${p.date('endedAt')} 到期。`,
    en: (p) =>
      p.text('countedFrom') === 'order'
        ? `With no delivery date, the ${enDays(p.number('days'))} warranty counts from the order date. This order was placed on ${p.date('startedAt')}, so the warranty ended on ${p.date('endedAt')}.`
        : `The warranty covers ${enDays(p.number('days'))} from delivery. This order was delivered on ${p.date('startedAt')}, so the warranty ended on ${p.date('endedAt')}.`,
  },
  non_returnable_category: {
    'zh-CN': (p) => `商品 ${p.text('sku')} 属于“${p.text('category')}”类目，不支持退货、换货或退款。`,
    en: (p) =>
      `Item ${p.text('sku')} is in the category "${p.text('category')}", which cannot be returned, exchanged or refunded.`,
  },
  evidence_required: {
    'zh-CN': (p) =>
      `${p.type()}申请需至少上传 ${p.number('minimum')} 份照片、视频或 PDF 文件作为凭证，请补充后重新提交。`,
    en: (p) =>
      `This ${p.type()} request needs at least ${p.number('minimum')} photo, video or PDF as evidence. Please add one and submit again.`,
  },
  evidence_requested: {
    'zh-CN': (p) =>
      `${p.type()}申请需至少 ${p.number('minimum')} 份照片、视频或 PDF 文件作为凭证。申请已受理，请回复本申请并上传凭证，我们收到后继续处理。`,
    en: (p) =>
      `This ${p.type()} request needs at least ${p.number('minimum')} photo, video or PDF as evidence. Your request is accepted: reply to it with the file and we will carry on.`,
  },
  value_above_auto_approve_limit: {
    'zh-CN': (p) => `申请金额 ${p.money('value')} 超过自动审批上限 ${p.money('limit')}，将由主管人工审核。`,
    en: (p) =>
      `The amount of ${p.money('value')} is above the ${p.money('limit')} limit for automatic approval, so a supervisor will review your request.`,
  },
};

const formatDate = (value: string | number | undefined): string => {
  const date = new Date(value ?? Number.NaN);
  return Number.isNaN(date.getTime()) ? String(value ?? '') : date.toISOString().slice(0, 10);
};

const reader = (params: PolicyFinding['params'], locale: Locale): ParamReader => ({
  text: (key) => String(params[key] ?? ''),
  number: (key) => Number(params[key] ?? 0),
  date: (key) => formatDate(params[key]),
  money: (key) => formatMoney(Number(params[key] ?? 0), params.currency, locale),
  type: () => TYPE_LABELS[params.type as CaseType]?.[locale] ?? String(params.type ?? ''),
});

export const describeFinding = (finding: PolicyFinding, locale: Locale): string =>
  MESSAGES[finding.code][locale](reader(finding.params, locale));

/** The decision's reasons, one per finding, in the findings' order. */
export const toDecisionReasons = (findings: readonly PolicyFinding[], locale: Locale): DecisionReason[] =>
  findings.map((finding) => ({ code: finding.code, message: describeFinding(finding, locale) }));
