import type { Locale } from '../../../domain/case-vocabulary.js';
import type { Priority, Severity, Urgency } from '../../../domain/case-vocabulary.js';
import type { Weekday } from '../../../domain/sla/business-calendar.js';

/** Every word of the console's admin and report pages, per locale. */
export interface AdminWords {
  sections: { label: string; store: string; policy: string; sla: string; agents: string; apiKeys: string };
  saved: string;
  fixErrors: string;
  conflict: string;
  forbiddenTitle: string;
  forbidden: string;
  notFoundTitle: string;
  notFound: string;
  version: (version: number) => string;
  sla: {
    title: string;
    intro: string;
    calendar: string;
    timezone: string;
    timezoneHint: string;
    alwaysOpen: string;
    weekly: string;
    weeklyHint: string;
    weekdays: Record<Weekday, string>;
    holidays: string;
    holidaysHint: string;
    makeUpDays: string;
    makeUpDaysHint: string;
    targets: string;
    targetsHint: string;
    firstResponse: (priority: Priority) => string;
    resolution: (priority: Priority) => string;
    escalation: string;
    repeatEvery: string;
    maxLevel: string;
    warnAt: string;
    warnAtHint: string;
    followUp: string;
    durations: Record<
      'surveyDelay' | 'surveyReminderAfter' | 'surveyExpiresAfter' | 'revisitAfter' | 'revisitAnswerWithin',
      string
    >;
    durationHint: string;
    save: string;
  };
  agents: {
    title: string;
    intro: string;
    columns: { agent: string; load: string; available: string; supervisor: string; skills: string; edit: string };
    yes: string;
    no: string;
    none: string;
    editLink: (name: string) => string;
    addTitle: string;
    editTitle: (name: string) => string;
    agentId: string;
    agentIdHint: string;
    name: string;
    email: string;
    types: string;
    categories: string;
    categoriesHint: string;
    locales: string;
    maxOpenCases: string;
    available: string;
    supervisorId: string;
    supervisorHint: string;
    add: string;
    save: string;
    back: string;
    added: (agentId: string) => string;
    empty: string;
  };
  store: {
    title: string;
    intro: string;
    name: string;
    timezone: string;
    defaultLocale: string;
    locales: Record<Locale, string>;
    supervisorEmails: string;
    adminEmails: string;
    emailsHint: string;
    caseNumberPrefix: string;
    caseNumberPrefixHint: string;
    reviewReminderAfter: string;
    reopenWindow: string;
    awaitingCustomerReminderAfter: string;
    awaitingCustomerLimit: string;
    awaitingCustomerOutcome: string;
    outcomes: { resolve_no_action: string; flag: string };
    compensationLimit: string;
    intakeLimit: string;
    kpiTargets: string;
    firstResponseMaxMinutes: string;
    resolutionRateMin: string;
    csatMin: string;
    durationHint: string;
    timing: string;
    save: string;
  };
  policy: {
    title: string;
    intro: string;
    windows: string;
    daysHint: string;
    returnWindowDays: string;
    exchangeWindowDays: string;
    warrantyDays: string;
    evidence: string;
    nonReturnableCategories: string;
    categoriesHint: string;
    evidenceRequiredTypes: string;
    missingEvidence: string;
    missingEvidenceChoices: { request: string; reject: string };
    review: string;
    autoApproveValueLimit: string;
    autoApproveValueLimitHint: string;
    highValueThreshold: string;
    highValueThresholdHint: string;
    repeatCaseThreshold: string;
    repeatCaseThresholdHint: string;
    priorityMatrix: string;
    priorityMatrixHint: string;
    severity: string;
    severities: Record<Severity, string>;
    urgencies: Record<Urgency, string>;
    /** A matrix cell's label (read by assistive technology; the table's headers show it). */
    cell: (severity: string, urgency: string) => string;
    save: string;
  };
  reports: {
    back: string;
    range: string;
    from: string;
    to: string;
    period: string;
    periods: { week: string; month: string; quarter: string };
    show: string;
    kpiCsv: string;
    casesCsv: string;
    csat: string;
    kpis: string;
    csatTitle: string;
    csatIntro: (from: string, to: string) => string;
    groups: { overall: string; agent: string; type: string; rootCause: string };
    columns: { group: string; sent: string; responses: string; avgOverall: string; satisfiedRate: string };
    answers: string;
    answerColumns: { answeredAt: string; overall: string; comment: string };
    noAnswers: string;
    more: string;
  };
  apiKeys: {
    title: string;
    intro: string;
    columns: { keyId: string; state: string; createdAt: string; validUntil: string };
    overlap: string;
    overlapHint: string;
    rotate: string;
    newKeyTitle: string;
    newKeyOnce: string;
    newKey: string;
    previousUntil: (until: string) => string;
    none: string;
    states: { current: string; overlap: string; retired: string; revoked: string };
  };
}

const weekdaysEn: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

const weekdaysZh: Record<Weekday, string> = {
  monday: '星期一',
  tuesday: '星期二',
  wednesday: '星期三',
  thursday: '星期四',
  friday: '星期五',
  saturday: '星期六',
  sunday: '星期日',
};

const en: AdminWords = {
  sections: {
    label: 'Administration',
    store: 'Store profile',
    policy: 'Auto-review policy',
    sla: 'SLA and calendar',
    agents: 'Agents',
    apiKeys: 'Storefront API key',
  },
  saved: 'Saved.',
  fixErrors: 'Nothing was saved. Correct the fields marked below and save again.',
  conflict: 'Someone saved this page since you opened it. Nothing was saved: the page now shows the saved values.',
  forbiddenTitle: 'Admins only',
  forbidden: 'This page is for the store’s admins. Ask an admin if you need a change here.',
  notFoundTitle: 'Not found',
  notFound: 'There is no such agent in your store.',
  version: (version) => `Version ${version}`,
  sla: {
    title: 'SLA policy and business calendar',
    intro: 'Due times count business time in this calendar. Saving re-times the open cases.',
    calendar: 'Business calendar',
    timezone: 'Timezone',
    timezoneHint: 'IANA name, e.g. Asia/Shanghai',
    alwaysOpen: 'Open around the clock (24×7): ignore the hours, holidays and make-up days below',
    weekly: 'Working hours',
    weeklyHint: 'HH:MM-HH:MM, several separated by commas; empty: closed',
    weekdays: weekdaysEn,
    holidays: 'Holidays',
    holidaysHint: 'One date per line, YYYY-MM-DD',
    makeUpDays: 'Make-up workdays',
    makeUpDaysHint: 'Closed days worked instead, one date per line, YYYY-MM-DD',
    targets: 'Targets per priority',
    targetsHint: 'ISO 8601 business durations: PT4H is 4 working hours, P2D 2 working days',
    firstResponse: (priority) => `${priority} first response`,
    resolution: (priority) => `${priority} resolution`,
    escalation: 'Escalation',
    repeatEvery: 'Next level after (business time)',
    maxLevel: 'Highest level (1 to 3)',
    warnAt: 'Warn at share of the target',
    warnAtHint: 'Between 0 and 1, e.g. 0.8; empty: no warning',
    followUp: 'Survey and follow-up',
    durations: {
      surveyDelay: 'Survey sent after the resolution',
      surveyReminderAfter: 'Survey reminder after',
      surveyExpiresAfter: 'Survey link expires after',
      revisitAfter: 'Follow-up task due after (business time)',
      revisitAnswerWithin: 'Follow-up to be done within (business time)',
    },
    durationHint: 'ISO 8601 duration, e.g. P3D',
    save: 'Save SLA policy',
  },
  agents: {
    title: 'Agents',
    intro: 'Who cases are assigned to: their skills, capacity and availability.',
    columns: {
      agent: 'Agent',
      load: 'Open cases / capacity',
      available: 'Available',
      supervisor: 'Supervisor',
      skills: 'Skills',
      edit: 'Edit',
    },
    yes: 'Yes',
    no: 'No',
    none: '—',
    editLink: (name) => `Edit ${name}`,
    addTitle: 'Add an agent',
    editTitle: (name) => `Edit agent ${name}`,
    agentId: 'Username (agent id)',
    agentIdHint: 'Lowercase letters, digits, dots, dashes; cannot be changed later',
    name: 'Name',
    email: 'Email',
    types: 'Case types handled',
    categories: 'Product categories',
    categoriesHint: 'Separated by commas or one per line; empty: any',
    locales: 'Languages',
    maxOpenCases: 'Capacity (open cases at most)',
    available: 'Available for new cases',
    supervisorId: 'Supervisor (username)',
    supervisorHint: 'Empty: none',
    add: 'Add agent',
    save: 'Save agent',
    back: 'Back to agents',
    added: (agentId) => `Agent ${agentId} added. They can now sign in.`,
    empty: 'No agents yet.',
  },
  store: {
    title: 'Store profile',
    intro: 'Only the fields you change are saved; a change made meanwhile by another admin is never overwritten.',
    name: 'Store name',
    timezone: 'Timezone',
    defaultLocale: 'Default language',
    locales: { 'zh-CN': '简体中文', en: 'English' },
    supervisorEmails: 'Supervisor emails',
    adminEmails: 'Admin emails',
    emailsHint: 'One address per line',
    caseNumberPrefix: 'Case number prefix',
    caseNumberPrefixHint: '2 to 6 uppercase letters or digits, e.g. AS',
    reviewReminderAfter: 'Manual review reminder after',
    reopenWindow: 'Customer may reopen within',
    awaitingCustomerReminderAfter: 'Remind a silent customer after',
    awaitingCustomerLimit: 'Stop waiting for the customer after',
    awaitingCustomerOutcome: 'When the wait ends',
    outcomes: { resolve_no_action: 'Resolve as no action', flag: 'Flag for the supervisors' },
    compensationLimit: 'Highest compensation per resolution',
    intakeLimit: 'New cases per customer per hour',
    kpiTargets: 'KPI targets',
    firstResponseMaxMinutes: 'Average first response at most (business minutes)',
    resolutionRateMin: 'Resolution rate at least (0 to 1)',
    csatMin: 'CSAT at least (0 to 1)',
    durationHint: 'ISO 8601 duration, e.g. P1D or PT4H',
    timing: 'Timing and limits',
    save: 'Save store profile',
  },
  policy: {
    title: 'Auto-review policy',
    intro: 'New cases are decided by these rules at once; decisions made earlier keep their version.',
    windows: 'Time limits',
    daysHint: 'Whole days after delivery (the warranty counts from the order when there was no delivery)',
    returnWindowDays: 'Return window (days)',
    exchangeWindowDays: 'Exchange window (days)',
    warrantyDays: 'Warranty (days)',
    evidence: 'Categories and evidence',
    nonReturnableCategories: 'Non-returnable categories',
    categoriesHint: 'One category per line',
    evidenceRequiredTypes: 'Evidence (a photo, video or PDF) required for',
    missingEvidence: 'Without evidence',
    missingEvidenceChoices: { request: 'Ask the customer for it', reject: 'Reject the request' },
    review: 'Supervisor review and urgency',
    autoApproveValueLimit: 'Auto-approve money requests up to (order line value)',
    autoApproveValueLimitHint: 'Above this value, in the case currency, a supervisor reviews the request',
    highValueThreshold: 'Urgent from order value',
    highValueThresholdHint: 'When the customer gave no urgency; in the case currency',
    repeatCaseThreshold: 'Urgent from earlier cases (last 90 days)',
    repeatCaseThresholdHint: 'The customer’s earlier cases in this store, 1 to 100',
    priorityMatrix: 'Priority by severity and urgency',
    priorityMatrixHint: 'The priority a new case gets from its severity (rows) and urgency (columns)',
    severity: 'Severity',
    severities: { critical: 'Critical', major: 'Major', minor: 'Minor' },
    urgencies: { high: 'High urgency', medium: 'Medium urgency', low: 'Low urgency' },
    cell: (severity, urgency) => `Priority: ${severity}, ${urgency.toLowerCase()}`,
    save: 'Save policy',
  },
  reports: {
    back: 'Back to the console',
    range: 'Report range',
    from: 'From',
    to: 'To',
    period: 'Per',
    periods: { week: 'week', month: 'month', quarter: 'quarter' },
    show: 'Show report',
    kpiCsv: 'Download KPIs (CSV)',
    casesCsv: 'Download cases (CSV)',
    csat: 'Satisfaction (CSAT) report',
    kpis: 'KPI report',
    csatTitle: 'Satisfaction (CSAT)',
    csatIntro: (from, to) => `Answered surveys from ${from} to ${to}.`,
    groups: { overall: 'All answers', agent: 'By agent', type: 'By case type', rootCause: 'By root cause' },
    columns: {
      group: 'Group',
      sent: 'Surveys sent',
      responses: 'Answers',
      avgOverall: 'Average overall (1-5)',
      satisfiedRate: 'Satisfied (4-5)',
    },
    answers: 'Answers and comments',
    answerColumns: { answeredAt: 'Answered', overall: 'Overall', comment: 'Comment' },
    noAnswers: 'No answers in this range.',
    more: 'Next page of answers',
  },
  apiKeys: {
    title: 'Storefront API key',
    intro:
      'The storefront files cases with this key. A new key is shown once; the old one keeps working for the overlap.',
    columns: { keyId: 'Key id', state: 'State', createdAt: 'Created', validUntil: 'Works until' },
    overlap: 'Old key keeps working for',
    overlapHint: 'ISO 8601 duration, PT0S (a leaked key) to P7D; empty: P1D',
    rotate: 'Issue a new key',
    newKeyTitle: 'Your new storefront key',
    newKeyOnce: 'Copy it now: it is shown only this once and cannot be shown again.',
    newKey: 'New key',
    previousUntil: (until) => `The previous key works until ${until}.`,
    none: 'No key rotated yet: the store uses the key it was created with.',
    states: { current: 'Current', overlap: 'Still working (overlap)', retired: 'Ended', revoked: 'Revoked' },
  },
};

const zhCN: AdminWords = {
  sections: {
    label: '管理',
    store: '店铺资料',
    policy: '自动审核规则',
    sla: 'SLA 与工作日历',
    agents: '客服',
    apiKeys: '店铺 API 密钥',
  },
  saved: '已保存。',
  fixErrors: '未保存任何内容。请更正下方标出的字段后再保存。',
  conflict: '在您打开此页后，已有其他人保存过。本次未保存：页面现在显示已保存的内容。',
  forbiddenTitle: '仅限管理员',
  forbidden: '此页面仅供店铺管理员使用。如需修改，请联系管理员。',
  notFoundTitle: '未找到',
  notFound: '您的店铺中没有这位客服。',
  version: (version) => `版本 ${version}`,
  sla: {
    title: 'SLA 规则与工作日历',
    intro: '截止时间按此日历的工作时间计算。保存后，未结服务单会重新计时。',
    calendar: '工作日历',
    timezone: '时区',
    timezoneHint: 'IANA 名称，例如 Asia/Shanghai',
    alwaysOpen: '全天候（7×24）：忽略下方的工作时间、节假日和调休上班日',
    weekly: '工作时间',
    weeklyHint: 'HH:MM-HH:MM，多段用逗号分隔；留空表示休息',
    weekdays: weekdaysZh,
    holidays: '节假日',
    holidaysHint: '每行一个日期，YYYY-MM-DD',
    makeUpDays: '调休上班日',
    makeUpDaysHint: '本应休息但需上班的日期，每行一个，YYYY-MM-DD',
    targets: '各优先级目标',
    targetsHint: 'ISO 8601 工作时长：PT4H 为 4 个工作小时，P2D 为 2 个工作日',
    firstResponse: (priority) => `${priority} 首次响应`,
    resolution: (priority) => `${priority} 解决`,
    escalation: '升级',
    repeatEvery: '升至下一级间隔（工作时间）',
    maxLevel: '最高级别（1 至 3）',
    warnAt: '达到目标的比例时预警',
    warnAtHint: '0 到 1 之间，例如 0.8；留空表示不预警',
    followUp: '满意度调查与回访',
    durations: {
      surveyDelay: '解决后发送调查的时间',
      surveyReminderAfter: '调查提醒时间',
      surveyExpiresAfter: '调查链接有效期',
      revisitAfter: '回访任务到期（工作时间）',
      revisitAnswerWithin: '回访须在此时间内完成（工作时间）',
    },
    durationHint: 'ISO 8601 时长，例如 P3D',
    save: '保存 SLA 规则',
  },
  agents: {
    title: '客服',
    intro: '服务单分配给谁：技能、容量和是否可接单。',
    columns: {
      agent: '客服',
      load: '未结单 / 容量',
      available: '可接单',
      supervisor: '主管',
      skills: '技能',
      edit: '编辑',
    },
    yes: '是',
    no: '否',
    none: '—',
    editLink: (name) => `编辑 ${name}`,
    addTitle: '添加客服',
    editTitle: (name) => `编辑客服 ${name}`,
    agentId: '用户名（客服 ID）',
    agentIdHint: '小写字母、数字、点、连字符；创建后不可更改',
    name: '姓名',
    email: '邮箱',
    types: '处理的服务类型',
    categories: '商品类目',
    categoriesHint: '用逗号分隔或每行一个；留空表示不限',
    locales: '语言',
    maxOpenCases: '容量（最多未结单数）',
    available: '可接新单',
    supervisorId: '主管（用户名）',
    supervisorHint: '留空表示无',
    add: '添加客服',
    save: '保存客服',
    back: '返回客服列表',
    added: (agentId) => `已添加客服 ${agentId}，现在可以登录了。`,
    empty: '还没有客服。',
  },
  store: {
    title: '店铺资料',
    intro: '只保存您修改的字段；其他管理员同时所做的修改不会被覆盖。',
    name: '店铺名称',
    timezone: '时区',
    defaultLocale: '默认语言',
    locales: { 'zh-CN': '简体中文', en: 'English' },
    supervisorEmails: '主管邮箱',
    adminEmails: '管理员邮箱',
    emailsHint: '每行一个地址',
    caseNumberPrefix: '服务单号前缀',
    caseNumberPrefixHint: '2 至 6 位大写字母或数字，例如 AS',
    reviewReminderAfter: '人工审核提醒时间',
    reopenWindow: '客户可重新打开的期限',
    awaitingCustomerReminderAfter: '客户未回复时提醒的时间',
    awaitingCustomerLimit: '停止等待客户的时间',
    awaitingCustomerOutcome: '等待结束时',
    outcomes: { resolve_no_action: '按无需处理结案', flag: '标记给主管' },
    compensationLimit: '每次解决的最高补偿',
    intakeLimit: '每位客户每小时最多新建服务单',
    kpiTargets: 'KPI 目标',
    firstResponseMaxMinutes: '平均首次响应不超过（工作分钟）',
    resolutionRateMin: '解决率不低于（0 到 1）',
    csatMin: '满意度不低于（0 到 1）',
    durationHint: 'ISO 8601 时长，例如 P1D 或 PT4H',
    timing: '时限与限额',
    save: '保存店铺资料',
  },
  policy: {
    title: '自动审核规则',
    intro: '新服务单立即按这些规则判定；之前的判定保留其版本。',
    windows: '时限',
    daysHint: '签收后的整天数（未签收时，保修期从下单起算）',
    returnWindowDays: '退货期限（天）',
    exchangeWindowDays: '换货期限（天）',
    warrantyDays: '保修期（天）',
    evidence: '类目与凭证',
    nonReturnableCategories: '不可退货类目',
    categoriesHint: '每行一个类目',
    evidenceRequiredTypes: '需要凭证（照片、视频或 PDF）的服务类型',
    missingEvidence: '缺少凭证时',
    missingEvidenceChoices: { request: '请客户补充', reject: '拒绝申请' },
    review: '主管审核与紧急程度',
    autoApproveValueLimit: '涉及金额的申请自动批准上限（订单行金额）',
    autoApproveValueLimitHint: '超过此金额（按服务单币种）的申请由主管审核',
    highValueThreshold: '订单金额达到此值即为紧急',
    highValueThresholdHint: '适用于客户未注明紧急程度时；按服务单币种',
    repeatCaseThreshold: '近 90 天已有服务单达到此数即为紧急',
    repeatCaseThresholdHint: '该客户此前在本店的服务单数，1 至 100',
    priorityMatrix: '按严重程度和紧急程度的优先级',
    priorityMatrixHint: '新服务单按严重程度（行）和紧急程度（列）得到的优先级',
    severity: '严重程度',
    severities: { critical: '严重', major: '较重', minor: '轻微' },
    urgencies: { high: '高紧急', medium: '中紧急', low: '低紧急' },
    cell: (severity, urgency) => `优先级：${severity}，${urgency}`,
    save: '保存规则',
  },
  reports: {
    back: '返回工作台',
    range: '报表范围',
    from: '开始日期',
    to: '结束日期',
    period: '统计周期',
    periods: { week: '按周', month: '按月', quarter: '按季度' },
    show: '显示报表',
    kpiCsv: '下载 KPI（CSV）',
    casesCsv: '下载服务单（CSV）',
    csat: '满意度（CSAT）报表',
    kpis: 'KPI 报表',
    csatTitle: '满意度（CSAT）',
    csatIntro: (from, to) => `${from} 至 ${to} 已回答的调查。`,
    groups: { overall: '全部回答', agent: '按客服', type: '按服务类型', rootCause: '按根本原因' },
    columns: {
      group: '分组',
      sent: '已发送调查',
      responses: '回答数',
      avgOverall: '总体平均分（1-5）',
      satisfiedRate: '满意（4-5 分）',
    },
    answers: '回答与评论',
    answerColumns: { answeredAt: '回答时间', overall: '总体', comment: '评论' },
    noAnswers: '此范围内没有回答。',
    more: '下一页回答',
  },
  apiKeys: {
    title: '店铺 API 密钥',
    intro: '店铺前台用此密钥提交服务单。新密钥只显示一次；旧密钥在过渡期内仍可使用。',
    columns: { keyId: '密钥 ID', state: '状态', createdAt: '创建时间', validUntil: '有效至' },
    overlap: '旧密钥继续有效',
    overlapHint: 'ISO 8601 时长，PT0S（密钥泄露时）至 P7D；留空为 P1D',
    rotate: '生成新密钥',
    newKeyTitle: '您的新店铺密钥',
    newKeyOnce: '请立即复制：它只显示这一次，之后无法再次查看。',
    newKey: '新密钥',
    previousUntil: (until) => `旧密钥有效至 ${until}。`,
    none: '尚未轮换：店铺使用创建时的密钥。',
    states: { current: '当前', overlap: '过渡期内仍可用', retired: '已失效', revoked: '已撤销' },
  },
};

export const ADMIN_WORDS: Record<Locale, AdminWords> = { en, 'zh-CN': zhCN };
