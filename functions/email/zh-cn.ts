/** Simplified Chinese (zh-CN) emails. */
import type { CaseType } from '../domain/case.js';
import type { LocaleTemplates, Renderers } from './templates.js';

const CASE_TYPE_LABELS: Record<CaseType, string> = {
  return: '退货',
  exchange: '换货',
  repair: '维修',
  refund: '退款',
  product_fault: '产品故障',
  usage_question: '使用咨询',
  complaint: '投诉',
  suggestion: '建议',
  logistics: '物流问题',
};

const FOOTER = '此邮件由系统自动发送，请勿直接回复。';
const INTERNAL_FOOTER = '此邮件为内部通知，仅发送给店铺主管。';

const renderers: Renderers = {
  case_acknowledged: (t) => ({
    subject: `【${t.storeName}】已收到您的售后申请（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      { kind: 'paragraph', text: '感谢您的反馈，我们已收到您的售后申请。' },
      {
        kind: 'facts',
        rows: [
          { label: '服务单号', value: t.caseNumber },
          ...(t.caseType ? [{ label: '申请类型', value: CASE_TYPE_LABELS[t.caseType] }] : []),
        ],
      },
      { kind: 'paragraph', text: '我们会尽快审核并安排专人跟进，每一步进展都会通过邮件通知您。' },
      { kind: 'paragraph', text: `如需咨询，请联系${t.storeName}客服并提供以上服务单号。` },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  case_rejected: (t) => ({
    subject: `【${t.storeName}】您的售后申请未通过审核（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      {
        kind: 'paragraph',
        text:
          t.reasons.length > 0
            ? `很抱歉，您的售后申请（服务单号 ${t.caseNumber}）未能通过审核，原因如下：`
            : `很抱歉，您的售后申请（服务单号 ${t.caseNumber}）未能通过审核。`,
      },
      { kind: 'list', items: t.reasons.map((reason) => reason.message) },
      {
        kind: 'paragraph',
        text: `如果您对审核结果有疑问，或能提供更多凭证（如照片、发票），欢迎联系${t.storeName}客服并提供服务单号，我们会再次为您核实。`,
      },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  case_under_review: (t) => ({
    subject: `【${t.storeName}】您的售后申请正在人工审核（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      {
        kind: 'paragraph',
        text: `您的售后申请（服务单号 ${t.caseNumber}）需要由我们的主管进一步审核。审核完成后，我们会第一时间通过邮件告知您结果。`,
      },
      { kind: 'paragraph', text: '在此期间您无需进行任何操作，感谢您的耐心等待。' },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  review_requested: (t) => ({
    subject: t.reminder
      ? `[提醒] 服务单 ${t.caseNumber} 仍在等待人工审核（${t.storeName}）`
      : `[待审核] 服务单 ${t.caseNumber} 需要人工审核（${t.storeName}）`,
    blocks: [
      {
        kind: 'paragraph',
        text: t.reminder
          ? `服务单 ${t.caseNumber} 仍在等待人工审核，已超过预期处理时间，请尽快处理。`
          : `服务单 ${t.caseNumber} 未能通过自动审核，需要主管作出决定。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '服务单号', value: t.caseNumber },
          { label: '服务单 ID', value: t.caseId },
          { label: '订单号', value: t.orderId },
          { label: '店铺', value: t.storeName },
        ],
      },
      ...(t.reasons.length > 0 ? [{ kind: 'paragraph' as const, text: '需要人工审核的原因：' }] : []),
      { kind: 'list', items: t.reasons.map((reason) => `${reason.message}（${reason.code}）`) },
      { kind: 'paragraph', text: '请在客服工作台中打开该服务单，批准或驳回此申请。' },
    ],
    signoff: '售后服务系统',
    footer: INTERNAL_FOOTER,
  }),
};

export const zhCN: LocaleTemplates = { caseTypeLabels: CASE_TYPE_LABELS, renderers };
