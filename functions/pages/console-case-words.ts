import type { SurveyDimension } from '../domain/aftercare/survey.js';
import type {
  CaseStatus,
  CaseType,
  Locale,
  ResolutionType,
  RootCause,
  Severity,
  Urgency,
} from '../domain/case-vocabulary.js';
import type { ActorKind, TimelineEventType } from '../domain/timeline.js';
import type { ConsoleCaseAction } from './console-case-actions.js';
import { CONSOLE_WORDS } from './console/console-words.js';
import { CASE_DUE_WORDS, type CaseDueWords } from './console/due-wording.js';

/** Every word the console's case page shows, per locale (the compiler asks for each in both). */
export interface ConsoleCaseWords {
  title: (caseNumber: string) => string;
  backToQueue: string;
  nextCase: string;
  status: string;
  priority: string;
  unclassified: string;
  type: string;
  channel: string;
  assignee: string;
  unassigned: string;
  statuses: Record<CaseStatus, string>;
  types: Record<CaseType, string>;
  sla: CaseDueWords & {
    heading: string;
    firstResponse: string;
    resolution: string;
    none: string;
    metAt: (time: string) => string;
    metLate: (time: string) => string;
    paused: string;
    void: string;
    escalation: (level: number) => string;
  };
  customer: { heading: string; name: string; email: string; language: string };
  order: {
    heading: string;
    orderId: string;
    orderedAt: string;
    deliveredAt: string;
    notDelivered: string;
    sku: string;
    item: string;
    quantity: string;
    unitPrice: string;
    total: string;
  };
  description: string;
  attachments: {
    heading: string;
    none: string;
    name: string;
    kind: string;
    size: string;
    unnamed: string;
    unknownType: string;
    open: (fileName: string) => string;
    thumbnail: (fileName: string) => string;
    bytes: (size: string) => string;
  };
  messages: { heading: string; none: string; customer: string; staff: (name: string) => string; files: string };
  timeline: {
    heading: string;
    public: string;
    internal: string;
    publicHint: string;
    internalHint: string;
    by: (name: string) => string;
    events: Record<TimelineEventType, string>;
    actors: Record<ActorKind, string>;
    fromTo: (from: string, to: string) => string;
  };
  survey: {
    heading: string;
    none: string;
    round: (round: number) => string;
    statuses: Record<'pending' | 'sent' | 'answered' | 'expired' | 'void', string>;
    dimensions: Record<SurveyDimension, string>;
    rating: (value: number) => string;
    comment: string;
    revisit: string;
    revisitStatuses: Record<'scheduled' | 'due' | 'overdue' | 'done', string>;
    resolution: string;
  };
  resolution: { heading: string; pending: (name: string) => string };
  resolutionTypes: Record<ResolutionType, string>;
  rootCauses: Record<RootCause, string>;
  severities: Record<Severity, string>;
  urgencies: Record<Urgency, string>;
  workflowFailed: (state: string) => string;
  actions: {
    heading: string;
    none: string;
    titles: Record<ConsoleCaseAction, string>;
    submits: Record<ConsoleCaseAction, string>;
    notices: Record<ConsoleCaseAction, string>;
    /** An agent's resolution above the store's auto-approve limit: recorded, waiting for a supervisor. */
    approvalRequested: string;
  };
  fields: {
    replyBody: string;
    replyFiles: string;
    replyFilesHint: string;
    noteBody: string;
    noteHint: string;
    newStatus: string;
    resolutionType: string;
    amount: string;
    amountHint: string;
    currency: string;
    currencyHint: (currency: string) => string;
    reference: string;
    rootCause: string;
    summary: string;
    agent: string;
    severity: string;
    urgency: string;
    keep: string;
    reason: string;
    decision: string;
    approve: string;
    reject: string;
    approval: string;
    approveResolution: string;
    declineResolution: string;
    outcome: string;
    outcomeOk: string;
    outcomeRecurred: string;
    note: string;
    optional: string;
    choose: string;
  };
  errors: {
    summary: string;
    required: string;
    tooLong: (max: number) => string;
    text: string;
    choice: string;
    amount: string;
    currency: string;
    files: string;
    refused: string;
    conflict: string;
    forbidden: string;
  };
  live: {
    newMessage: string;
    reload: string;
    viewing: (name: string) => string;
    replying: (name: string) => string;
  };
  shortcuts: {
    heading: string;
    hint: string;
    reply: string;
    note: string;
    resolve: string;
    next: string;
    help: string;
    close: string;
  };
  signedInAs: (name: string) => string;
  notFoundTitle: string;
  notFound: string;
  notYoursTitle: string;
  notYours: string;
}

const en: ConsoleCaseWords = {
  title: (caseNumber) => `Case ${caseNumber}`,
  backToQueue: 'Back to the queue',
  nextCase: 'Next case',
  status: 'Status',
  priority: 'Priority',
  unclassified: 'Not classified yet',
  type: 'Type',
  channel: 'Channel',
  assignee: 'Assigned to',
  unassigned: 'Unassigned',
  statuses: CONSOLE_WORDS.en.statuses,
  types: CONSOLE_WORDS.en.types,
  sla: {
    heading: 'SLA clocks',
    firstResponse: 'First response',
    resolution: 'Resolution',
    none: 'No clock yet: the case is not classified.',
    ...CASE_DUE_WORDS.en,
    metAt: (time) => `met at ${time}`,
    metLate: (time) => `met late, at ${time}`,
    paused: 'paused while awaiting the customer',
    void: 'not counted (case cancelled)',
    escalation: (level) => `Escalation level ${level}`,
  },
  customer: { heading: 'Customer', name: 'Name', email: 'Email', language: 'Language' },
  order: {
    heading: 'Order',
    orderId: 'Order',
    orderedAt: 'Ordered',
    deliveredAt: 'Delivered',
    notDelivered: 'not delivered',
    sku: 'SKU',
    item: 'Item',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    total: 'Order value',
  },
  description: "Customer's description",
  attachments: {
    heading: 'Files',
    none: 'No files.',
    name: 'Name',
    kind: 'Type',
    size: 'Size',
    unnamed: 'Unnamed file',
    unknownType: 'unknown type',
    open: (fileName) => `Open ${fileName}`,
    thumbnail: (fileName) => `Picture: ${fileName}`,
    bytes: (size) => size,
  },
  messages: {
    heading: 'Conversation',
    none: 'No messages yet.',
    customer: 'Customer',
    staff: (name) => `Staff: ${name}`,
    files: 'Files',
  },
  timeline: {
    heading: 'Timeline',
    public: 'Public',
    internal: 'Internal',
    publicHint: 'Public: the customer sees it.',
    internalHint: 'Internal: staff only, never shown to the customer.',
    by: (name) => `by ${name}`,
    fromTo: (from, to) => `${from} → ${to}`,
    actors: { customer: 'the customer', storefront: 'the storefront', system: 'the system', staff: 'staff' },
    events: {
      case_submitted: 'Case filed',
      decision_made: 'Policy decision',
      review_requested: 'Manual review requested',
      review_reminder_sent: 'Review reminder sent',
      status_changed: 'Status changed',
      customer_notified: 'Customer emailed',
      supervisors_notified: 'Supervisors emailed',
      workflow_failed: 'Workflow failed',
      customer_wait_flagged: 'Customer wait flagged',
      workflow_retried: 'Workflow retried',
      classified: 'Classified',
      priority_overridden: 'Priority overridden',
      assigned: 'Assigned',
      queued_unassigned: 'Queued unassigned',
      reply_sent: 'Reply sent',
      customer_message: 'Customer message',
      note_added: 'Internal note',
      resolved: 'Resolved',
      resolution_approval_requested: 'Resolution approval requested',
      resolution_approved: 'Resolution approved',
      resolution_declined: 'Resolution declined',
      cancelled: 'Cancelled',
      notification_failed: 'Email failed',
      sla_breached: 'SLA breached',
      sla_warning: 'SLA warning',
      escalated: 'Escalated',
      survey_sent: 'Survey sent',
      survey_reminder_sent: 'Survey reminder sent',
      survey_answered: 'Survey answered',
      survey_expired: 'Survey expired',
      survey_voided: 'Survey voided',
      revisit_scheduled: 'Revisit scheduled',
      revisit_due: 'Revisit due',
      revisit_escalated: 'Revisit escalated',
      revisit_completed: 'Revisit done',
      reopened: 'Reopened',
      closed: 'Closed',
      follow_up_filed: 'Follow-up case filed',
    },
  },
  survey: {
    heading: 'Survey and follow-up',
    none: 'No survey yet.',
    round: (round) => `Round ${round}`,
    statuses: {
      pending: 'not sent yet',
      sent: 'sent, unanswered',
      answered: 'answered',
      expired: 'expired',
      void: 'voided',
    },
    dimensions: {
      overall: 'Overall',
      attitude: 'Attitude',
      professionalism: 'Professionalism',
      problemSolving: 'Problem solving',
      speed: 'Speed',
    },
    rating: (value) => `${value} of 5`,
    comment: 'Comment',
    revisit: 'Revisit',
    revisitStatuses: { scheduled: 'scheduled', due: 'due', overdue: 'overdue', done: 'done' },
    resolution: 'Resolution',
  },
  resolution: {
    heading: 'Resolution',
    pending: (name) => `Awaiting a supervisor's approval, asked by ${name}`,
  },
  resolutionTypes: {
    refund: 'Refund',
    exchange: 'Exchange',
    repair: 'Repair',
    replacement: 'Replacement',
    compensation: 'Compensation',
    guidance: 'Guidance',
    no_action: 'No action',
  },
  rootCauses: {
    design_defect: 'Design defect',
    production_quality: 'Production quality',
    misuse: 'Misuse',
    logistics_damage: 'Logistics damage',
    other: 'Other',
  },
  severities: { critical: 'Critical', major: 'Major', minor: 'Minor' },
  urgencies: { high: 'High', medium: 'Medium', low: 'Low' },
  workflowFailed: (state) => `The workflow stopped at ${state}: a supervisor can retry it.`,
  actions: {
    heading: 'Actions',
    none: 'No action is open to you on this case now.',
    titles: {
      reply: 'Reply to the customer',
      note: 'Internal note',
      status: 'Status',
      resolve: 'Resolve',
      assign: 'Assign',
      reclassify: 'Reclassify',
      review: 'Manual review',
      approval: 'Resolution approval',
      revisit: 'Revisit outcome',
      retry: 'Retry the workflow',
    },
    submits: {
      reply: 'Send the reply',
      note: 'Add the note',
      status: 'Change the status',
      resolve: 'Resolve the case',
      assign: 'Assign the case',
      reclassify: 'Save the classification',
      review: 'Record the review',
      approval: 'Record the decision',
      revisit: 'Record the outcome',
      retry: 'Retry the workflow',
    },
    notices: {
      reply: 'Reply sent: the customer is emailed.',
      note: 'Note added (internal).',
      status: 'Status changed.',
      resolve: 'Case resolved.',
      assign: 'Case assigned.',
      reclassify: 'Classification saved.',
      review: 'Review recorded.',
      approval: 'Decision recorded.',
      revisit: 'Revisit outcome recorded.',
      retry: 'Workflow restarted.',
    },
    approvalRequested: "Above the store's auto-approve limit: your resolution awaits a supervisor's approval.",
  },
  fields: {
    replyBody: 'Your reply (emailed to the customer)',
    replyFiles: 'Files to send with it',
    replyFilesHint: 'Tick files already on the case to send them with the reply.',
    noteBody: 'Note',
    noteHint: 'Staff only: the customer never sees it.',
    newStatus: 'New status',
    resolutionType: 'Resolution type',
    amount: 'Amount',
    amountHint: 'Required for a refund or compensation; none for guidance or no action.',
    currency: 'Currency',
    currencyHint: (currency) => `With an amount only; empty means the case's currency, ${currency}.`,
    reference: 'Reference (refund or order number)',
    rootCause: 'Root cause',
    summary: 'Summary (emailed to the customer)',
    agent: 'Agent',
    severity: 'Severity',
    urgency: 'Urgency',
    keep: 'Keep as it is',
    reason: 'Reason',
    decision: 'Decision',
    approve: 'Approve',
    reject: 'Reject',
    approval: 'Decision',
    approveResolution: 'Approve the resolution',
    declineResolution: 'Decline it',
    outcome: 'Outcome',
    outcomeOk: 'Solved: close the case',
    outcomeRecurred: 'Came back: reopen the case',
    note: 'Note',
    optional: '(optional)',
    choose: 'Choose…',
  },
  errors: {
    summary: 'Nothing was saved. Please check the marked fields.',
    required: 'Please fill this in.',
    tooLong: (max) => `At most ${max} characters.`,
    text: 'Plain text please: no control characters.',
    choice: 'Please choose one of the options.',
    amount: 'An amount more than 0, with the decimals of the currency.',
    currency: 'A currency code such as CNY.',
    files: 'Only files already on this case.',
    refused: 'Nothing was saved: the case refused this action.',
    conflict: 'Nothing was saved: the case has changed or does not allow this now. Reload it and try again.',
    forbidden: 'Your role may not do this.',
  },
  live: {
    newMessage: 'A new customer message arrived.',
    reload: 'Reload the case',
    viewing: (name) => `${name} is viewing this case`,
    replying: (name) => `${name} is replying`,
  },
  shortcuts: {
    heading: 'Keyboard shortcuts',
    hint: 'Press ? for keyboard shortcuts.',
    reply: 'Write a reply',
    note: 'Write an internal note',
    resolve: 'Resolve',
    next: 'Next case',
    help: 'Show this list',
    close: 'Close',
  },
  signedInAs: (name) => `Signed in as ${name}`,
  notFoundTitle: 'Case not found',
  notFound: 'There is no such case in your store. Check the link, or find the case from the queue.',
  notYoursTitle: 'Not your case',
  notYours: 'This case is assigned to someone else. A supervisor can assign it to you.',
};

const zhCN: ConsoleCaseWords = {
  title: (caseNumber) => `服务单 ${caseNumber}`,
  backToQueue: '返回工作队列',
  nextCase: '下一个服务单',
  status: '状态',
  priority: '优先级',
  unclassified: '尚未分级',
  type: '类型',
  channel: '渠道',
  assignee: '处理人',
  unassigned: '未分配',
  statuses: CONSOLE_WORDS['zh-CN'].statuses,
  types: CONSOLE_WORDS['zh-CN'].types,
  sla: {
    heading: 'SLA 时限',
    firstResponse: '首次响应',
    resolution: '解决',
    none: '尚无时限：服务单还未分级。',
    ...CASE_DUE_WORDS['zh-CN'],
    metAt: (time) => `已于 ${time} 达成`,
    metLate: (time) => `已于 ${time} 达成（超时）`,
    paused: '等待客户回复，计时暂停',
    void: '不计入（服务单已取消）',
    escalation: (level) => `升级等级 ${level}`,
  },
  customer: { heading: '客户', name: '姓名', email: '邮箱', language: '语言' },
  order: {
    heading: '订单',
    orderId: '订单号',
    orderedAt: '下单时间',
    deliveredAt: '签收时间',
    notDelivered: '未签收',
    sku: 'SKU',
    item: '商品',
    quantity: '数量',
    unitPrice: '单价',
    total: '订单金额',
  },
  description: '客户描述',
  attachments: {
    heading: '附件',
    none: '没有附件。',
    name: '文件名',
    kind: '类型',
    size: '大小',
    unnamed: '未命名文件',
    unknownType: '未知类型',
    open: (fileName) => `打开 ${fileName}`,
    thumbnail: (fileName) => `图片：${fileName}`,
    bytes: (size) => size,
  },
  messages: {
    heading: '沟通记录',
    none: '还没有消息。',
    customer: '客户',
    staff: (name) => `客服：${name}`,
    files: '附件',
  },
  timeline: {
    heading: '时间线',
    public: '公开',
    internal: '内部',
    publicHint: '公开：客户可见。',
    internalHint: '内部：仅员工可见，客户永远看不到。',
    by: (name) => `操作人：${name}`,
    fromTo: (from, to) => `${from} → ${to}`,
    actors: { customer: '客户', storefront: '店铺系统', system: '系统', staff: '员工' },
    events: {
      case_submitted: '服务单已提交',
      decision_made: '政策审核结果',
      review_requested: '转人工审核',
      review_reminder_sent: '已发送审核提醒',
      status_changed: '状态变更',
      customer_notified: '已邮件通知客户',
      supervisors_notified: '已邮件通知主管',
      workflow_failed: '流程失败',
      customer_wait_flagged: '等待客户超时已标记',
      workflow_retried: '流程已重试',
      classified: '已分级',
      priority_overridden: '优先级已调整',
      assigned: '已分配',
      queued_unassigned: '进入未分配队列',
      reply_sent: '已回复客户',
      customer_message: '客户消息',
      note_added: '内部备注',
      resolved: '已解决',
      resolution_approval_requested: '解决方案待审批',
      resolution_approved: '解决方案已批准',
      resolution_declined: '解决方案被驳回',
      cancelled: '已取消',
      notification_failed: '邮件发送失败',
      sla_breached: 'SLA 超时',
      sla_warning: 'SLA 预警',
      escalated: '已升级',
      survey_sent: '已发送满意度调查',
      survey_reminder_sent: '已发送调查提醒',
      survey_answered: '客户已评价',
      survey_expired: '调查已过期',
      survey_voided: '调查已作废',
      revisit_scheduled: '已安排回访',
      revisit_due: '回访到期',
      revisit_escalated: '回访已升级',
      revisit_completed: '回访完成',
      reopened: '已重新打开',
      closed: '已关闭',
      follow_up_filed: '已创建后续服务单',
    },
  },
  survey: {
    heading: '满意度调查与回访',
    none: '还没有调查。',
    round: (round) => `第 ${round} 轮`,
    statuses: { pending: '尚未发送', sent: '已发送，未评价', answered: '已评价', expired: '已过期', void: '已作废' },
    dimensions: {
      overall: '整体满意度',
      attitude: '服务态度',
      professionalism: '专业程度',
      problemSolving: '问题解决',
      speed: '处理速度',
    },
    rating: (value) => `${value} 分（满分 5 分）`,
    comment: '意见',
    revisit: '回访',
    revisitStatuses: { scheduled: '已安排', due: '待回访', overdue: '已逾期', done: '已完成' },
    resolution: '解决方案',
  },
  resolution: {
    heading: '解决方案',
    pending: (name) => `等待主管审批，申请人：${name}`,
  },
  resolutionTypes: {
    refund: '退款',
    exchange: '换货',
    repair: '维修',
    replacement: '补发',
    compensation: '补偿',
    guidance: '使用指导',
    no_action: '无需处理',
  },
  rootCauses: {
    design_defect: '设计缺陷',
    production_quality: '生产质量',
    misuse: '使用不当',
    logistics_damage: '物流损坏',
    other: '其他',
  },
  severities: { critical: '严重', major: '较重', minor: '轻微' },
  urgencies: { high: '高', medium: '中', low: '低' },
  workflowFailed: (state) => `流程停在 ${state}：主管可以重试。`,
  actions: {
    heading: '操作',
    none: '您目前不能对此服务单进行任何操作。',
    titles: {
      reply: '回复客户',
      note: '内部备注',
      status: '状态',
      resolve: '解决',
      assign: '分配',
      reclassify: '重新分级',
      review: '人工审核',
      approval: '解决方案审批',
      revisit: '回访结果',
      retry: '重试流程',
    },
    submits: {
      reply: '发送回复',
      note: '添加备注',
      status: '更改状态',
      resolve: '解决服务单',
      assign: '分配服务单',
      reclassify: '保存分级',
      review: '提交审核结果',
      approval: '提交审批结果',
      revisit: '提交回访结果',
      retry: '重试流程',
    },
    notices: {
      reply: '已发送回复，客户会收到邮件。',
      note: '已添加内部备注。',
      status: '状态已更改。',
      resolve: '服务单已解决。',
      assign: '服务单已分配。',
      reclassify: '分级已保存。',
      review: '审核结果已记录。',
      approval: '审批结果已记录。',
      revisit: '回访结果已记录。',
      retry: '流程已重新启动。',
    },
    approvalRequested: '超出门店自动批准额度：您的解决方案已提交主管审批。',
  },
  fields: {
    replyBody: '回复内容（将通过邮件发送给客户）',
    replyFiles: '随回复发送的附件',
    replyFilesHint: '勾选服务单上已有的文件，随回复一起发送。',
    noteBody: '备注',
    noteHint: '仅员工可见，客户看不到。',
    newStatus: '新状态',
    resolutionType: '解决方式',
    amount: '金额',
    amountHint: '退款和补偿必填；使用指导和无需处理不填。',
    currency: '币种',
    currencyHint: (currency) => `仅在填写金额时使用；留空即为服务单币种 ${currency}。`,
    reference: '参考号（退款或订单号）',
    rootCause: '根本原因',
    summary: '处理说明（将通过邮件发送给客户）',
    agent: '客服',
    severity: '严重程度',
    urgency: '紧急程度',
    keep: '保持不变',
    reason: '原因',
    decision: '审核结果',
    approve: '通过',
    reject: '驳回',
    approval: '审批结果',
    approveResolution: '批准此解决方案',
    declineResolution: '驳回此解决方案',
    outcome: '回访结果',
    outcomeOk: '已解决：关闭服务单',
    outcomeRecurred: '问题复发：重新打开',
    note: '备注',
    optional: '（选填）',
    choose: '请选择…',
  },
  errors: {
    summary: '未保存任何内容，请检查标出的字段。',
    required: '请填写此项。',
    tooLong: (max) => `最多 ${max} 个字符。`,
    text: '请使用普通文字，不要包含控制字符。',
    choice: '请从选项中选择一项。',
    amount: '金额需大于 0，小数位数与币种一致。',
    currency: '请填写币种代码，例如 CNY。',
    files: '只能选择此服务单上已有的文件。',
    refused: '未保存：服务单拒绝了此操作。',
    conflict: '未保存：服务单已变化或当前不允许此操作，请刷新后重试。',
    forbidden: '您的角色不能进行此操作。',
  },
  live: {
    newMessage: '客户发来了新消息。',
    reload: '刷新服务单',
    viewing: (name) => `${name} 正在查看此服务单`,
    replying: (name) => `${name} 正在回复`,
  },
  shortcuts: {
    heading: '键盘快捷键',
    hint: '按 ? 查看键盘快捷键。',
    reply: '撰写回复',
    note: '撰写内部备注',
    resolve: '解决',
    next: '下一个服务单',
    help: '显示此列表',
    close: '关闭',
  },
  signedInAs: (name) => `当前登录：${name}`,
  notFoundTitle: '未找到服务单',
  notFound: '您的店铺中没有这个服务单。请检查链接，或从工作队列中查找。',
  notYoursTitle: '不是您的服务单',
  notYours: '此服务单已分配给其他人，主管可以将它分配给您。',
};

export const CONSOLE_CASE_WORDS: Record<Locale, ConsoleCaseWords> = { 'zh-CN': zhCN, en };
