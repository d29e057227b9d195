/** Simplified Chinese (zh-CN) emails: the words only; the layout is in `layouts.ts`. */
import type { EmailWording } from './wording.js';

export const zhCN: EmailWording = {
  caseTypes: {
    return: '退货',
    exchange: '换货',
    repair: '维修',
    refund: '退款',
    product_fault: '产品故障',
    usage_question: '使用咨询',
    complaint: '投诉',
    suggestion: '建议',
    logistics: '物流问题',
  },
  resolutionTypes: {
    refund: '退款',
    exchange: '换货',
    repair: '维修',
    replacement: '补发新品',
    compensation: '补偿',
    guidance: '使用指导',
    no_action: '无需处理',
  },
  slaMilestones: { firstResponse: '首次响应', resolution: '解决' },
  sentenceGap: '',
  labels: {
    caseNumber: '服务单号',
    caseId: '服务单 ID',
    order: '订单号',
    store: '店铺',
    requestType: '申请类型',
    priority: '优先级',
    handledBy: '负责客服',
    outcome: '处理结果',
    amount: '金额',
    slaTarget: 'SLA 目标',
    due: '截止时间',
    missedTarget: '超时目标',
    wasDue: '截止时间',
    escalationLevel: '升级级别',
    reassignedTo: '改派给',
    firstResponseDue: '首次响应截止时间',
  },
  customer: {
    subject: (storeName, headline, caseNumber) => `【${storeName}】${headline}（服务单号 ${caseNumber}）`,
    greeting: (customerName) => `${customerName}，您好：`,
    signoff: (storeName) => `${storeName}售后服务团队`,
    footer: '此邮件由系统自动发送，请勿直接回复。',
    howToAnswer: (storeName) => `如需回复，请通过${storeName}网站或 App 的售后服务页面操作；直接回复本邮件将无法送达。`,
  },
  staff: {
    subject: (headline, storeName) => `${headline}（${storeName}）`,
    signoff: '售后服务系统',
    supervisorsFooter: '此邮件为内部通知，仅发送给店铺主管。',
    staffFooter: '此邮件为内部通知，仅发送给店铺工作人员。',
    openToAct: '请在客服工作台中打开该服务单进行处理。',
  },

  case_acknowledged: {
    headline: '已收到您的售后申请',
    thanks: '感谢您的反馈，我们已收到您的售后申请。',
    next: '我们会尽快审核并安排专人跟进，每一步进展都会通过邮件通知您。',
    questions: (t) => `如需咨询，请联系${t.storeName}客服并提供以上服务单号。`,
  },
  case_rejected: {
    headline: '您的售后申请未通过审核',
    opening: (t) => `很抱歉，您的售后申请（服务单号 ${t.caseNumber}）未能通过审核。`,
    openingBeforeReasons: (t) => `很抱歉，您的售后申请（服务单号 ${t.caseNumber}）未能通过审核，原因如下：`,
    reconsider: (t) =>
      `如果您对审核结果有疑问，或能提供更多凭证（如照片、发票），欢迎联系${t.storeName}客服并提供服务单号，我们会再次为您核实。`,
  },
  case_under_review: {
    headline: '您的售后申请正在人工审核',
    opening: (t) =>
      `您的售后申请（服务单号 ${t.caseNumber}）需要由我们的主管进一步审核。审核完成后，我们会第一时间通过邮件告知您结果。`,
    meanwhile: '在此期间您无需进行任何操作，感谢您的耐心等待。',
  },
  review_requested: {
    headline: (t) => `[待审核] 服务单 ${t.caseNumber} 需要人工审核`,
    opening: (t) => `服务单 ${t.caseNumber} 未能通过自动审核，需要主管作出决定。`,
    reminderHeadline: (t) => `[提醒] 服务单 ${t.caseNumber} 仍在等待人工审核`,
    reminderOpening: (t) => `服务单 ${t.caseNumber} 仍在等待人工审核，已超过预期处理时间，请尽快处理。`,
    reasonsIntro: '需要人工审核的原因：',
    reason: (reason) => `${reason.message}（${reason.code}）`,
    action: '请在客服工作台中打开该服务单，批准或驳回此申请。',
  },
  case_assigned: {
    headline: (t) => `客服 ${t.agentName} 将为您处理售后申请`,
    opening: (t) =>
      `您的售后申请（服务单号 ${t.caseNumber}）已分配给客服 ${t.agentName}，接下来将由其为您全程跟进处理。`,
    updates: '处理过程中如有进展，我们会第一时间通过邮件通知您。',
    addInformation: (t) => `如需补充信息，请通过${t.storeName}网站或 App 的售后服务页面提交，并注明服务单号。`,
  },
  reply_posted: {
    headline: '您的售后申请有新回复',
    opening: (t) => `客服 ${t.authorName} 回复了您的售后申请（服务单号 ${t.caseNumber}）：`,
  },
  awaiting_customer: {
    headline: '需要您补充信息',
    opening: (t) => `为继续处理您的售后申请（服务单号 ${t.caseNumber}），我们需要您补充一些信息。`,
    latestReplyIntro: '我们最近的留言：',
    closing: '收到您的回复后，我们会立即继续处理。',
  },
  case_resolved: {
    headline: '您的售后申请已处理完成',
    opening: (t) => `您的售后申请（服务单号 ${t.caseNumber}）已处理完成。`,
    summaryIntro: '处理说明：',
    mismatch: (t) => `如处理结果与上述不符，请联系${t.storeName}客服并提供服务单号。`,
    thanks: '感谢您的耐心与支持。',
  },
  case_cancelled: {
    headline: '您的售后申请已取消',
    opening: (t) => `根据您的要求，您的售后申请（服务单号 ${t.caseNumber}）已取消，我们将不再继续处理。`,
    reasonIntro: '您填写的取消原因：',
    fileAgain: (t) => `如属误操作，或问题再次出现，欢迎通过${t.storeName}网站或 App 重新提交售后申请。`,
  },
  case_unassigned: {
    headline: (t) => `[待分配] 服务单 ${t.caseNumber} 暂无客服可接手`,
    opening: (t) =>
      `服务单 ${t.caseNumber} 已通过审核，但目前没有符合条件的客服可以接手（均不可用、已满负荷或技能不匹配），已进入待分配队列。`,
    action: '一旦有客服空闲，系统会自动分配。如需立即处理，请在客服工作台的待分配队列中手动分配。',
  },
  sla_warning: {
    headline: (t, shown) => `[${t.caseNumber}] SLA 预警：${shown.milestone}时限即将到期`,
    opening: (t, shown) => `服务单 ${t.caseNumber} 的${shown.milestone}时限即将到期，截止时间为 ${shown.due}。`,
    request: {
      firstResponse: '请确保在此之前回复客户。',
      resolution: '请确保在此之前解决该服务单。如需客户补充信息，可将服务单设为“等待客户回复”，等待期间 SLA 暂停计时。',
    },
  },
  sla_escalated: {
    headline: (t, shown) => `[${t.caseNumber}] SLA ${shown.milestone}超时，第 ${t.level} 级升级`,
    breach: (t, shown) => `服务单 ${t.caseNumber} 的${shown.milestone}时限已过，截止时间为 ${shown.due}。`,
    escalatedTo: {
      supervisors: '该服务单现已升级至店铺主管处理。',
      management: '该服务单现已升级至店铺管理层。',
    },
    request: {
      agent: { firstResponse: '请立即回复客户。', resolution: '请立即处理，尽快解决该服务单。' },
      unassignedQueue: {
        firstResponse: '该服务单目前尚未分配客服，请立即分配，以便尽快回复客户。',
        resolution: '该服务单目前尚未分配客服，请立即分配，以便尽快解决。',
      },
      supervisors: (assigneeName) => `请与负责客服 ${assigneeName} 确认情况，确保立即处理。`,
      supervisorsWhileUnassigned: '该服务单尚未分配客服，请立即分配。',
      management: '经多次提醒仍未按时处理，请督促相关人员立即跟进。',
    },
    reassignedAutomatically: (agentName) => `系统已自动将其改派给客服 ${agentName}。`,
    reassignAgain: '如有需要，您仍可在客服工作台中再次改派。',
    reassign: '您可以在客服工作台中将其改派给其他客服。',
    level: (level) => `第 ${level} 级`,
    notAssigned: '未分配',
  },
  p1_case_assigned: {
    headline: (t) => `[${t.caseNumber}] P1 服务单已分配给客服 ${t.agentName}`,
    opening: (t) =>
      `服务单 ${t.caseNumber} 为 P1 级（严重且紧急）服务单，现已分配给客服 ${t.agentName}。特此通知，便于您从一开始就关注其处理进展。`,
    action: '请在客服工作台中打开该服务单，跟进处理进展。',
  },
};
