import type { Locale } from '../../domain/case-vocabulary.js';
import type { QueueView } from '../../domain/queue-views.js';

/** The queue page's and agents board's words, per locale (the shell's and the table's are in `console-words.ts`). */
export interface QueueWords {
  titles: Record<QueueView, string>;
  intros: Record<QueueView, string>;
  empty: Record<QueueView, string>;
  listsLabel: string;
  filters: {
    legend: string;
    view: string;
    status: string;
    type: string;
    priority: string;
    all: string;
    apply: string;
    clear: string;
  };
  search: { label: string; hint: string; submit: string; title: (text: string) => string; none: string };
  lastActivity: string;
  nextPage: string;
  firstPage: string;
  merged: (shown: number) => string;
  board: {
    title: string;
    agent: string;
    load: string;
    loadOf: (open: number, max: number) => string;
    availability: string;
    available: string;
    away: string;
    makeAvailable: (name: string) => string;
    makeAway: (name: string) => string;
    none: string;
  };
  badFilter: (field: string) => string;
  badFilterTitle: string;
}

const en: QueueWords = {
  titles: {
    mine: 'My queue',
    unassigned: 'Unassigned queue',
    review: 'Pending review',
    breached: 'Breached',
    flagged: 'Flagged',
    failed: 'Failed workflows',
    revisits: 'Revisits due',
  },
  intros: {
    mine: 'Cases assigned to you, most urgent deadline first.',
    unassigned: 'Approved cases no agent holds yet, most urgent deadline first.',
    review: 'Cases waiting for a manual review, newest first.',
    breached: 'Open cases past an SLA due time, in every queue, most overdue first.',
    flagged: 'Cases waiting for the customer longer than the store allows, newest first.',
    failed: 'Cases whose workflow failed and waits for a retry, newest failure first.',
    revisits: 'Resolved cases whose follow-up call is due, soonest first.',
  },
  empty: {
    mine: 'No open cases are assigned to you.',
    unassigned: 'No case waits for an agent.',
    review: 'No case waits for a review.',
    breached: 'No open case is past its due time.',
    flagged: 'No case is flagged.',
    failed: 'No workflow has failed.',
    revisits: 'No revisit is due.',
  },
  listsLabel: 'Lists',
  filters: {
    legend: 'Filter the list',
    view: 'List',
    status: 'Status',
    type: 'Type',
    priority: 'Priority',
    all: 'All',
    apply: 'Apply filters',
    clear: 'Clear filters',
  },
  search: {
    label: 'Find a case',
    hint: 'Case number, order id or customer email',
    submit: 'Search',
    title: (text) => `Cases matching “${text}”`,
    none: 'No case of yours matches.',
  },
  lastActivity: 'Customer last active',
  nextPage: 'Next page',
  firstPage: 'First page',
  merged: (shown) => `Showing the ${shown} most urgent only.`,
  board: {
    title: 'Agents',
    agent: 'Agent',
    load: 'Open cases / capacity',
    loadOf: (open, max) => `${open} / ${max}`,
    availability: 'Availability',
    available: 'Available',
    away: 'Away',
    makeAvailable: (name) => `Make ${name} available`,
    makeAway: (name) => `Set ${name} away`,
    none: 'The store has no agents yet.',
  },
  badFilter: (field) => `The filter “${field}” has a value this page does not offer. Choose it from the form.`,
  badFilterTitle: 'Unknown filter',
};

const zhCN: QueueWords = {
  titles: {
    mine: '我的队列',
    unassigned: '待分配队列',
    review: '待审核',
    breached: '已超时',
    flagged: '已标记',
    failed: '流程失败',
    revisits: '待回访',
  },
  intros: {
    mine: '分配给您的服务单，最紧急的截止时间在前。',
    unassigned: '已通过审核、尚无客服处理的服务单，最紧急的在前。',
    review: '等待人工审核的服务单，最新的在前。',
    breached: '所有队列中已超过 SLA 截止时间的未结服务单，超时最久的在前。',
    flagged: '等待客户回复超过店铺时限的服务单，最新的在前。',
    failed: '流程失败、等待重试的服务单，最近失败的在前。',
    revisits: '已解决、到期需回访的服务单，最早到期的在前。',
  },
  empty: {
    mine: '目前没有分配给您的未结服务单。',
    unassigned: '没有等待分配的服务单。',
    review: '没有等待审核的服务单。',
    breached: '没有超时的未结服务单。',
    flagged: '没有被标记的服务单。',
    failed: '没有失败的流程。',
    revisits: '没有到期的回访。',
  },
  listsLabel: '列表',
  filters: {
    legend: '筛选列表',
    view: '列表',
    status: '状态',
    type: '类型',
    priority: '优先级',
    all: '全部',
    apply: '应用筛选',
    clear: '清除筛选',
  },
  search: {
    label: '查找服务单',
    hint: '服务单号、订单号或客户邮箱',
    submit: '搜索',
    title: (text) => `与“${text}”匹配的服务单`,
    none: '没有匹配的服务单。',
  },
  lastActivity: '客户最近活动',
  nextPage: '下一页',
  firstPage: '第一页',
  merged: (shown) => `仅显示最紧急的 ${shown} 条。`,
  board: {
    title: '客服',
    agent: '客服',
    load: '未结服务单 / 上限',
    loadOf: (open, max) => `${open} / ${max}`,
    availability: '状态',
    available: '在岗',
    away: '离岗',
    makeAvailable: (name) => `将 ${name} 设为在岗`,
    makeAway: (name) => `将 ${name} 设为离岗`,
    none: '店铺还没有客服。',
  },
  badFilter: (field) => `筛选项“${field}”的值不在可选范围内。请在表单中选择。`,
  badFilterTitle: '未知的筛选项',
};

export const QUEUE_WORDS: Record<Locale, QueueWords> = { en, 'zh-CN': zhCN };
