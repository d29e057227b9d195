import type { CaseStatus, CaseType, Locale } from '../../domain/case-vocabulary.js';
import type { StaffRole } from '../../domain/staff.js';
import { QUEUE_DUE_WORDS, type QueueDueWords } from './due-wording.js';

/** Every word the staff console shows, per locale. A new page adds its words here, in both languages. */
export interface ConsoleWords extends QueueDueWords {
  product: string;
  skipToContent: string;
  nav: { label: string; queue: string; reports: string; admin: string };
  signedInAs: (name: string, store: string) => string;
  roles: Record<StaffRole, string>;
  language: { label: string; other: string; otherLang: Locale; otherName: string };
  signOut: string;
  signIn: { title: string; intro: string; localOnly: string; user: string; choose: string };
  queue: {
    columns: {
      caseNumber: string;
      priority: string;
      type: string;
      customer: string;
      status: string;
      due: string;
    };
    noClock: string;
    noPriority: string;
  };
  types: Record<CaseType, string>;
  statuses: Record<CaseStatus, string>;
  forbiddenTitle: string;
  forbidden: string;
  /** A page the signed-in role may not open (an agent on an admin page): not the cross-site refusal above. */
  roleRefusedTitle: string;
  roleRefused: (roles: 'admins' | 'supervisors') => string;
  /** The managed login's callback refused (bad or used state, a refused code, a token not of this pool). */
  signInFailedTitle: string;
  signInFailed: string;
  /** AWS without a console domain (`consoleDomainPrefix` context). */
  signInUnavailableTitle: string;
  signInUnavailable: string;
}

const en: ConsoleWords = {
  product: 'After-sales console',
  skipToContent: 'Skip to content',
  nav: { label: 'Console', queue: 'Queue', reports: 'Reports', admin: 'Admin' },
  signedInAs: (name, store) => `${name} · ${store}`,
  roles: { agent: 'Agent', supervisor: 'Supervisor', admin: 'Admin' },
  language: { label: 'Language', other: '中文', otherLang: 'zh-CN', otherName: '切换到中文' },
  signOut: 'Sign out',
  signIn: {
    title: 'Sign in to the console',
    intro: 'Choose who you are.',
    localOnly: 'Local stack only: no password. In AWS staff sign in with the user pool.',
    user: 'Staff member',
    choose: 'Sign in',
  },
  queue: {
    columns: {
      caseNumber: 'Case',
      priority: 'Priority',
      type: 'Type',
      customer: 'Customer',
      status: 'Status',
      due: 'SLA',
    },
    noClock: 'No clock running',
    noPriority: 'Not set',
  },
  ...QUEUE_DUE_WORDS.en,
  types: {
    return: 'Return',
    exchange: 'Exchange',
    repair: 'Repair',
    refund: 'Refund',
    product_fault: 'Product fault',
    usage_question: 'Usage question',
    complaint: 'Complaint',
    suggestion: 'Suggestion',
    logistics: 'Logistics',
  },
  statuses: {
    submitted: 'Submitted',
    pending_review: 'Pending review',
    rejected: 'Rejected',
    open: 'Open',
    assigned: 'Assigned',
    in_progress: 'In progress',
    awaiting_customer: 'Awaiting the customer',
    resolved: 'Resolved',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  forbiddenTitle: 'Not allowed',
  forbidden: 'This request did not come from a console page. Go back to the page and try again.',
  roleRefusedTitle: 'Not for your role',
  roleRefused: (roles) =>
    `This page is for the store’s ${roles === 'admins' ? 'admins' : 'supervisors and admins'}. Ask one of them if you need something here.`,
  signInFailedTitle: 'Sign-in did not complete',
  signInFailed:
    'The sign-in could not be verified (it was used already, took longer than 10 minutes, or came from elsewhere). Open the console again to sign in.',
  signInUnavailableTitle: 'Sign-in is not set up',
  signInUnavailable: 'This deployment has no console sign-in. An operator sets it up (docs/operations-and-deploy.md).',
};

const zhCN: ConsoleWords = {
  product: '售后客服工作台',
  skipToContent: '跳到正文',
  nav: { label: '工作台', queue: '待办队列', reports: '报表', admin: '管理' },
  signedInAs: (name, store) => `${name} · ${store}`,
  roles: { agent: '客服', supervisor: '主管', admin: '管理员' },
  language: { label: '语言', other: 'English', otherLang: 'en', otherName: 'Switch to English' },
  signOut: '退出登录',
  signIn: {
    title: '登录工作台',
    intro: '请选择您的账号。',
    localOnly: '仅限本地环境：无需密码。在 AWS 中员工通过用户池登录。',
    user: '员工',
    choose: '登录',
  },
  queue: {
    columns: {
      caseNumber: '服务单',
      priority: '优先级',
      type: '类型',
      customer: '客户',
      status: '状态',
      due: 'SLA',
    },
    noClock: '未计时',
    noPriority: '未定',
  },
  ...QUEUE_DUE_WORDS['zh-CN'],
  types: {
    return: '退货',
    exchange: '换货',
    repair: '维修',
    refund: '退款',
    product_fault: '产品故障',
    usage_question: '使用咨询',
    complaint: '投诉',
    suggestion: '建议',
    logistics: '物流',
  },
  statuses: {
    submitted: '已提交',
    pending_review: '待人工审核',
    rejected: '已驳回',
    open: '待分配',
    assigned: '已分配',
    in_progress: '处理中',
    awaiting_customer: '等待客户回复',
    resolved: '已解决',
    closed: '已关闭',
    cancelled: '已取消',
  },
  forbiddenTitle: '不允许的请求',
  forbidden: '该请求并非来自工作台页面。请返回页面后重试。',
  roleRefusedTitle: '您的角色无权访问此页面',
  roleRefused: (roles) => `此页面仅供店铺${roles === 'admins' ? '管理员' : '主管和管理员'}使用。如有需要，请联系他们。`,
  signInFailedTitle: '登录未完成',
  signInFailed: '无法验证本次登录（已被使用、超过 10 分钟或来自其他来源）。请重新打开工作台登录。',
  signInUnavailableTitle: '尚未配置登录',
  signInUnavailable: '此部署未配置工作台登录，请联系运维人员配置（见 docs/operations-and-deploy.md）。',
};

export const CONSOLE_WORDS: Record<Locale, ConsoleWords> = { en, 'zh-CN': zhCN };

/** The queue's "due in 2 h" / "breached 35 min ago" (`due-wording.ts`, shared with the clock script). */
export { queueDueText as dueText } from './due-wording.js';
