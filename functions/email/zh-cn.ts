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
  surveyDimensions: {
    overall: '整体满意度',
    attitude: '服务态度',
    professionalism: '专业程度',
    problemSolving: '问题解决',
    speed: '处理速度',
  },
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
    linkExpires: '链接有效期至',
    resolvedAt: '解决时间',
    answerDue: '回访截止时间',
    awaitingSince: '等待客户回复起始时间',
  },
  customer: {
    subject: (storeName, headline, caseNumber) => `【${storeName}】${headline}（服务单号 ${caseNumber}）`,
    greeting: (customerName) => `${customerName}，您好：`,
    signoff: (storeName) => `${storeName}售后服务团队`,
    footer: '此邮件由系统自动发送，请勿直接回复。',
    howToAnswer: (storeName) => `如需回复，请通过${storeName}网站或 App 的售后服务页面操作；直接回复本邮件将无法送达。`,
    linkFallback: '如果按钮无法打开，请将以下链接复制到浏览器中打开：',
  },
  survey: {
    rate: '立即评价',
    quickIntro:
      '您也可以直接点击下方数字选择整体评分（1 分为非常不满意，5 分为非常满意）：点击后将打开已预选该评分的问卷，提交问卷前不会记录任何内容。',
    quickTitle: (rating) => `打开问卷并预选 ${rating} 分`,
    once: '此链接仅可使用一次：提交评价后即失效。',
  },
  staff: {
    subject: (headline, storeName) => `${headline}（${storeName}）`,
    signoff: '售后服务系统',
    supervisorsFooter: '此邮件为内部通知，仅发送给店铺主管。',
    staffFooter: '此邮件为内部通知，仅发送给店铺工作人员。',
    openToAct: '请在客服工作台中打开该服务单进行处理。',
    openCase: '打开服务单',
    linkFallback: '如果按钮无法打开，请将以下链接复制到浏览器中打开：',
    agentFooter: '此邮件为内部通知，仅发送给负责该服务单的客服。',
    revisitAnswer: (caseId) =>
      `请在客服工作台中记录回访结果：问题已解决请选“ok”（服务单将关闭），问题再次出现请选“recurred”（服务单将重新打开）。接口：POST /v1/staff/cases/${caseId}/revisit。`,
  },

  case_acknowledged: {
    headline: '已收到您的售后申请',
    thanks: '感谢您的反馈，我们已收到您的售后申请。',
    next: '我们会尽快审核并安排专人跟进，每一步进展都会通过邮件通知您。',
    assigned: (t) =>
      `您的申请已通过审核，并已分配给客服 ${t.agentName}，接下来将由其为您全程跟进处理。每一步进展都会通过邮件通知您。`,
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
    filesIntro: '本次回复附带以下文件（可在网站或 App 的售后申请页面中查看）：',
  },
  awaiting_customer: {
    headline: '需要您补充信息',
    opening: (t) => `为继续处理您的售后申请（服务单号 ${t.caseNumber}），我们需要您补充一些信息。`,
    latestReplyIntro: '我们最近的留言：',
    closing: '收到您的回复后，我们会立即继续处理。',
  },
  evidence_requested: {
    headline: '请补充问题照片',
    opening: (t) =>
      `您的${zhCN.caseTypes[t.caseType]}申请（服务单号 ${t.caseNumber}）已受理。为继续处理，我们需要至少 ${t.minimum} 份能说明问题的照片、视频或 PDF 文件。`,
    howToSend: (t) =>
      `请通过${t.storeName}网站或 App 的售后服务页面回复本申请并上传文件；直接回复本邮件将无法送达。无需重新提交申请。`,
    safety: '为了您的安全，在我们检查之前请停止使用该产品并断开电源。',
    closing: '收到凭证后，我们会立即继续处理。',
  },
  awaiting_customer_reminder: {
    headline: '提醒：我们仍在等待您补充信息',
    opening: (t) => `您的售后申请（服务单号 ${t.caseNumber}）仍在等待您补充信息，收到后我们才能继续处理。`,
    closing: {
      closes: '如果我们在近期仍未收到您的回复，该服务单将被关闭；之后如有需要，您可以随时重新提交申请。',
      stays: '如果我们在近期仍未收到您的回复，客服主管将跟进您的服务单。',
    },
  },
  awaiting_customer_overdue: {
    headline: (t) => `[${t.caseNumber}] 等待客户回复已超时`,
    opening: (t, since) =>
      `服务单 ${t.caseNumber} 自 ${since} 起等待客户补充信息，已超过店铺设定的等待期限，且已提醒过客户一次。`,
    action: '请决定下一步：联系客户、恢复处理或以“无需处理”结案。',
    notAssigned: '未分配',
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
  survey_invitation: {
    headline: '邀请您评价本次售后服务',
    opening: (t) =>
      `您的售后申请（服务单号 ${t.caseNumber}）已处理完成。诚邀您花一分钟时间，对本次处理进行评价，帮助我们做得更好。`,
    ratingsIntro: '您可以评价：',
  },
  survey_reminder: {
    headline: '温馨提醒：邀请您评价本次售后服务',
    opening: (t) =>
      `前几天我们邀请您评价售后申请（服务单号 ${t.caseNumber}）的处理情况。如果您有一分钟时间，我们仍然非常期待您的反馈。`,
    onlyReminder: '这是唯一一次提醒，之后我们不会再就此问卷打扰您。',
  },
  revisit_due: {
    headline: (t) => `[${t.caseNumber}] 回访到期：请确认问题未再出现`,
    opening: (t, shown) =>
      `服务单 ${t.caseNumber} 已于 ${shown.resolved} 解决（${shown.outcome}）。请联系客户，确认问题没有再次出现。`,
    deadline: (shown) => `请在 ${shown.answerDue} 之前记录回访结果，逾期将通知店铺主管。`,
  },
  revisit_overdue: {
    headline: (t) => `[${t.caseNumber}] 回访逾期：尚未记录回访结果`,
    opening: (t, answerDue) => `服务单 ${t.caseNumber} 的回访应在 ${answerDue} 之前完成，但至今尚未记录回访结果。`,
    request: {
      agent: (agentName) => `请与负责解决该服务单的客服 ${agentName} 确认，确保尽快联系客户并记录回访结果。`,
      unassigned: '该服务单目前没有负责客服，请直接联系客户并记录回访结果。',
    },
    notAssigned: '未分配',
  },
  case_reopened: {
    headline: '我们正在重新处理您的售后申请',
    opening: {
      revisit_recurred: (t) =>
        `在对您的售后申请（服务单号 ${t.caseNumber}）进行回访时，我们了解到问题再次出现。我们已重新打开该服务单，正在再次为您处理。`,
      customer_message: (t) =>
        `感谢您就售后申请（服务单号 ${t.caseNumber}）给我们留言。我们已重新打开该服务单，正在再次为您处理。`,
    },
    handledAgain: (agentName) => `将继续由客服 ${agentName} 为您跟进。`,
    updates: '处理过程中如有进展，我们会第一时间通过邮件通知您。',
    addInformation: (t) => `如需补充信息，请通过${t.storeName}网站或 App 的售后服务页面提交，并注明服务单号。`,
  },
  p1_case_assigned: {
    headline: (t) => `[${t.caseNumber}] P1 服务单已分配给客服 ${t.agentName}`,
    opening: (t) =>
      `服务单 ${t.caseNumber} 为 P1 级（严重且紧急）服务单，现已分配给客服 ${t.agentName}。特此通知，便于您从一开始就关注其处理进展。`,
    action: '请在客服工作台中打开该服务单，跟进处理进展。',
  },
  agent_case_assigned: {
    headline: (t) => `[${t.caseNumber}] 服务单已分配给您`,
    opening: (t) => `${t.agentName}，您好：服务单 ${t.caseNumber} 刚刚分配给您。`,
    action: '请在客服工作台中打开该服务单并回复客户。',
  },
  agent_case_reopened: {
    headline: (t) => `[${t.caseNumber}] 服务单已重新打开，仍由您处理`,
    opening: {
      customer_message: (t) =>
        `${t.agentName}，您好：您已解决的服务单 ${t.caseNumber} 收到客户的新留言，现已重新打开（第 ${t.round} 轮），仍由您处理。`,
      revisit_recurred: (t) =>
        `${t.agentName}，您好：您已解决的服务单 ${t.caseNumber} 在回访中发现问题再次出现，现已重新打开（第 ${t.round} 轮），仍由您处理。`,
    },
    action: '请在客服工作台中打开该服务单，查看最新情况并回复客户。',
  },
};
