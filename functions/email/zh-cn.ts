/** Simplified Chinese (zh-CN) emails. */
import type { CaseType, ResolutionType } from '../domain/case.js';
import type { SlaMilestone } from '../domain/sla/sla-policy.js';
import { escalationAudienceOf } from './escalation-audience.js';
import { formatLocalDueTime } from './local-due-time.js';
import { formatMoney } from './render.js';
import type { LocaleTemplates, Renderers, TemplateOf } from './templates.js';

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

const RESOLUTION_TYPE_LABELS: Record<ResolutionType, string> = {
  refund: '退款',
  exchange: '换货',
  repair: '维修',
  replacement: '补发新品',
  compensation: '补偿',
  guidance: '使用指导',
  no_action: '无需处理',
};

const SLA_MILESTONE_LABELS: Record<SlaMilestone, string> = {
  firstResponse: '首次响应',
  resolution: '解决',
};

const FOOTER = '此邮件由系统自动发送，请勿直接回复。';
const INTERNAL_FOOTER = '此邮件为内部通知，仅发送给店铺主管。';
const STAFF_FOOTER = '此邮件为内部通知，仅发送给店铺工作人员。';

/** 发件地址不接收回复：客户在提交申请的渠道回复。 */
const howToAnswer = (storeName: string): string =>
  `如需回复，请通过${storeName}网站或 App 的售后服务页面操作；直接回复本邮件将无法送达。`;

type SlaEscalation = TemplateOf<'sla_escalated'>;

/** 超时情况，以及按升级级别现在由谁处理。 */
const escalationOpening = (t: SlaEscalation): string => {
  const breach = `服务单 ${t.caseNumber} 的${SLA_MILESTONE_LABELS[t.milestone]}时限已过，截止时间为 ${formatLocalDueTime(t.dueAt, t.timezone)}。`;
  switch (escalationAudienceOf(t.level, t.assigneeName)) {
    case 'agent':
    case 'unassignedQueue':
      return breach;
    case 'supervisors':
      return `${breach}该服务单现已升级至店铺主管处理。`;
    case 'management':
      return `${breach}该服务单现已升级至店铺管理层。`;
  }
};

/** 收件人现在需要做什么。 */
const escalationRequest = (t: SlaEscalation): string => {
  const firstResponse = t.milestone === 'firstResponse';
  switch (escalationAudienceOf(t.level, t.assigneeName)) {
    case 'agent':
      return firstResponse ? '请立即回复客户。' : '请立即处理，尽快解决该服务单。';
    case 'unassignedQueue':
      return `该服务单目前尚未分配客服，请立即分配，以便${firstResponse ? '尽快回复客户' : '尽快解决'}。`;
    case 'supervisors':
      return t.assigneeName
        ? `请与负责客服 ${t.assigneeName} 确认情况，确保立即处理。`
        : '该服务单尚未分配客服，请立即分配。';
    case 'management':
      return '经多次提醒仍未按时处理，请督促相关人员立即跟进。';
  }
};

const reassignmentNote = (t: SlaEscalation): string => {
  const done = t.reassignedTo ? `系统已自动将其改派给客服 ${t.reassignedTo}。` : '';
  const possible = !t.reassignmentAllowed
    ? ''
    : t.reassignedTo
      ? '如有需要，您仍可在客服工作台中再次改派。'
      : '您可以在客服工作台中将其改派给其他客服。';
  return `${done}${possible}`;
};

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
  case_assigned: (t) => ({
    subject: `【${t.storeName}】客服 ${t.agentName} 将为您处理售后申请（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      {
        kind: 'paragraph',
        text: `您的售后申请（服务单号 ${t.caseNumber}）已分配给客服 ${t.agentName}，接下来将由其为您全程跟进处理。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '服务单号', value: t.caseNumber },
          { label: '负责客服', value: t.agentName },
        ],
      },
      { kind: 'paragraph', text: '处理过程中如有进展，我们会第一时间通过邮件通知您。' },
      { kind: 'paragraph', text: `如需补充信息，请通过${t.storeName}网站或 App 的售后服务页面提交，并注明服务单号。` },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  reply_posted: (t) => ({
    subject: `【${t.storeName}】您的售后申请有新回复（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      { kind: 'paragraph', text: `客服 ${t.authorName} 回复了您的售后申请（服务单号 ${t.caseNumber}）：` },
      { kind: 'quote', text: t.body },
      { kind: 'paragraph', text: howToAnswer(t.storeName) },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  awaiting_customer: (t) => ({
    subject: `【${t.storeName}】需要您补充信息（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      { kind: 'paragraph', text: `为继续处理您的售后申请（服务单号 ${t.caseNumber}），我们需要您补充一些信息。` },
      ...(t.latestReply ? [{ kind: 'paragraph' as const, text: '我们最近的留言：' }] : []),
      { kind: 'quote', text: t.latestReply ?? '' },
      { kind: 'paragraph', text: howToAnswer(t.storeName) },
      { kind: 'paragraph', text: '收到您的回复后，我们会立即继续处理。' },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  case_resolved: (t) => ({
    subject: `【${t.storeName}】您的售后申请已处理完成（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      { kind: 'paragraph', text: `您的售后申请（服务单号 ${t.caseNumber}）已处理完成。` },
      {
        kind: 'facts',
        rows: [
          { label: '服务单号', value: t.caseNumber },
          { label: '处理结果', value: RESOLUTION_TYPE_LABELS[t.resolutionType] },
          ...(t.amount ? [{ label: '金额', value: formatMoney(t.amount.value, t.amount.currency, 'zh-CN') }] : []),
        ],
      },
      { kind: 'paragraph', text: '处理说明：' },
      { kind: 'quote', text: t.summary },
      { kind: 'paragraph', text: `如处理结果与上述不符，请联系${t.storeName}客服并提供服务单号。` },
      { kind: 'paragraph', text: '感谢您的耐心与支持。' },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  case_cancelled: (t) => ({
    subject: `【${t.storeName}】您的售后申请已取消（服务单号 ${t.caseNumber}）`,
    greeting: `${t.customerName}，您好：`,
    blocks: [
      {
        kind: 'paragraph',
        text: `根据您的要求，您的售后申请（服务单号 ${t.caseNumber}）已取消，我们将不再继续处理。`,
      },
      ...(t.reason ? [{ kind: 'paragraph' as const, text: '您填写的取消原因：' }] : []),
      { kind: 'quote', text: t.reason ?? '' },
      { kind: 'paragraph', text: `如属误操作，或问题再次出现，欢迎通过${t.storeName}网站或 App 重新提交售后申请。` },
    ],
    signoff: `${t.storeName}售后服务团队`,
    footer: FOOTER,
  }),
  case_unassigned: (t) => ({
    subject: `[待分配] 服务单 ${t.caseNumber} 暂无客服可接手（${t.storeName}）`,
    blocks: [
      {
        kind: 'paragraph',
        text: `服务单 ${t.caseNumber} 已通过审核，但目前没有符合条件的客服可以接手（均不可用、已满负荷或技能不匹配），已进入待分配队列。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '服务单号', value: t.caseNumber },
          { label: '服务单 ID', value: t.caseId },
          ...(t.priority ? [{ label: '优先级', value: t.priority }] : []),
          { label: '申请类型', value: CASE_TYPE_LABELS[t.caseType] },
          { label: '店铺', value: t.storeName },
        ],
      },
      {
        kind: 'paragraph',
        text: '一旦有客服空闲，系统会自动分配。如需立即处理，请在客服工作台的待分配队列中手动分配。',
      },
    ],
    signoff: '售后服务系统',
    footer: INTERNAL_FOOTER,
  }),
  sla_warning: (t) => {
    const milestone = SLA_MILESTONE_LABELS[t.milestone];
    const due = formatLocalDueTime(t.dueAt, t.timezone);
    return {
      subject: `[${t.caseNumber}] SLA 预警：${milestone}时限即将到期（${t.storeName}）`,
      blocks: [
        { kind: 'paragraph', text: `服务单 ${t.caseNumber} 的${milestone}时限即将到期，截止时间为 ${due}。` },
        {
          kind: 'paragraph',
          text:
            t.milestone === 'firstResponse'
              ? '请确保在此之前回复客户。'
              : '请确保在此之前解决该服务单。如需客户补充信息，可将服务单设为“等待客户回复”，等待期间 SLA 暂停计时。',
        },
        {
          kind: 'facts',
          rows: [
            { label: '服务单号', value: t.caseNumber },
            { label: '服务单 ID', value: t.caseId },
            { label: '优先级', value: t.priority },
            { label: 'SLA 目标', value: milestone },
            { label: '截止时间', value: due },
            { label: '店铺', value: t.storeName },
          ],
        },
        { kind: 'paragraph', text: '请在客服工作台中打开该服务单进行处理。' },
      ],
      signoff: '售后服务系统',
      footer: STAFF_FOOTER,
    };
  },
  sla_escalated: (t) => {
    const reassignment = reassignmentNote(t);
    return {
      subject: `[${t.caseNumber}] SLA ${SLA_MILESTONE_LABELS[t.milestone]}超时，第 ${t.level} 级升级（${t.storeName}）`,
      blocks: [
        { kind: 'paragraph', text: escalationOpening(t) },
        { kind: 'paragraph', text: escalationRequest(t) },
        ...(reassignment ? [{ kind: 'paragraph' as const, text: reassignment }] : []),
        {
          kind: 'facts',
          rows: [
            { label: '服务单号', value: t.caseNumber },
            { label: '服务单 ID', value: t.caseId },
            { label: '优先级', value: t.priority },
            { label: '超时目标', value: SLA_MILESTONE_LABELS[t.milestone] },
            { label: '截止时间', value: formatLocalDueTime(t.dueAt, t.timezone) },
            { label: '升级级别', value: `第 ${t.level} 级` },
            { label: '负责客服', value: t.assigneeName || '未分配' },
            ...(t.reassignedTo ? [{ label: '改派给', value: t.reassignedTo }] : []),
            { label: '店铺', value: t.storeName },
          ],
        },
        { kind: 'paragraph', text: '请在客服工作台中打开该服务单进行处理。' },
      ],
      signoff: '售后服务系统',
      footer: STAFF_FOOTER,
    };
  },
  p1_case_assigned: (t) => ({
    subject: `[${t.caseNumber}] P1 服务单已分配给客服 ${t.agentName}（${t.storeName}）`,
    blocks: [
      {
        kind: 'paragraph',
        text: `服务单 ${t.caseNumber} 为 P1 级（严重且紧急）服务单，现已分配给客服 ${t.agentName}。特此通知，便于您从一开始就关注其处理进展。`,
      },
      {
        kind: 'facts',
        rows: [
          { label: '服务单号', value: t.caseNumber },
          { label: '服务单 ID', value: t.caseId },
          { label: '优先级', value: 'P1' },
          { label: '申请类型', value: CASE_TYPE_LABELS[t.caseType] },
          { label: '负责客服', value: t.agentName },
          ...(t.firstResponseDueAt
            ? [{ label: '首次响应截止时间', value: formatLocalDueTime(t.firstResponseDueAt, t.timezone) }]
            : []),
          { label: '店铺', value: t.storeName },
        ],
      },
      { kind: 'paragraph', text: '请在客服工作台中打开该服务单，跟进处理进展。' },
    ],
    signoff: '售后服务系统',
    footer: INTERNAL_FOOTER,
  }),
};

export const zhCN: LocaleTemplates = {
  caseTypeLabels: CASE_TYPE_LABELS,
  resolutionTypeLabels: RESOLUTION_TYPE_LABELS,
  slaMilestoneLabels: SLA_MILESTONE_LABELS,
  renderers,
};
