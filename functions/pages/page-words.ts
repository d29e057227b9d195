import type { Locale } from '../domain/case.js';
import type { SurveyDimension } from '../domain/aftercare/survey.js';

/** Every word the survey pages show, per locale. */
export interface PageWords {
  title: string;
  intro: (storeName: string, caseNumber: string) => string;
  dimensions: Record<SurveyDimension, string>;
  required: string;
  optional: string;
  scale: { low: string; high: string };
  rating: (value: number) => string;
  comment: string;
  commentHint: (max: number) => string;
  submit: string;
  expires: (date: string) => string;
  errorSummary: string;
  errors: {
    overall: string;
    rating: string;
    comment: (max: number) => string;
    /** The comment holds control characters, or nothing visible. */
    commentText: string;
    unknown: string;
  };
  thanksTitle: string;
  thanks: (storeName: string) => string;
  goneTitle: string;
  gone: { answered: string; expired: string; void: string };
  notFoundTitle: string;
  notFound: string;
  unsupportedTitle: string;
  unsupported: string;
  tooLargeTitle: string;
  tooLarge: string;
  failedTitle: string;
  failed: string;
}

const en: PageWords = {
  title: 'How did we do?',
  intro: (storeName, caseNumber) =>
    `${storeName} would like to know how your request (case ${caseNumber}) was handled. It takes a minute.`,
  dimensions: {
    overall: 'Overall satisfaction',
    attitude: 'Attitude of our staff',
    professionalism: 'Professionalism',
    problemSolving: 'Problem solving',
    speed: 'Speed',
  },
  required: 'required',
  optional: 'optional',
  scale: { low: '1 = very dissatisfied', high: '5 = very satisfied' },
  rating: (value) => `${value} of 5`,
  comment: 'Anything else you would like to tell us?',
  commentHint: (max) => `Optional, up to ${max} characters.`,
  submit: 'Send my answers',
  expires: (date) => `This link works once, until ${date}.`,
  errorSummary: 'Please check the marked answers.',
  errors: {
    overall: 'Please choose an overall rating.',
    rating: 'Choose a rating from 1 to 5.',
    comment: (max) => `Please keep the comment to ${max} characters.`,
    commentText: 'Please write the comment as plain text, without control characters.',
    unknown: 'This field is not part of the survey.',
  },
  thanksTitle: 'Thank you!',
  thanks: (storeName) => `Your answers have been recorded. ${storeName} will use them to improve its service.`,
  goneTitle: 'This survey is closed',
  gone: {
    answered: 'This survey has already been answered. Thank you!',
    expired: 'This survey link has expired.',
    void: 'This survey is no longer open: your request was reopened, and you will get a new survey when it is resolved.',
  },
  notFoundTitle: 'Survey not found',
  notFound: 'We could not find this survey. Please check that the link is complete, as in the email.',
  unsupportedTitle: 'Could not read the answers',
  unsupported: 'The answers were not sent as a form. Please use the survey page.',
  tooLargeTitle: 'Too much text',
  tooLarge: 'The answers are too long. Please shorten the comment and try again.',
  failedTitle: 'Something went wrong',
  failed: 'Something went wrong on our side. Please try again in a few minutes.',
};

const zhCN: PageWords = {
  title: '请评价我们的服务',
  intro: (storeName, caseNumber) =>
    `${storeName}希望了解您的售后申请（服务单号 ${caseNumber}）的处理情况，只需一分钟。`,
  dimensions: {
    overall: '整体满意度',
    attitude: '服务态度',
    professionalism: '专业程度',
    problemSolving: '问题解决',
    speed: '处理速度',
  },
  required: '必填',
  optional: '选填',
  scale: { low: '1 = 非常不满意', high: '5 = 非常满意' },
  rating: (value) => `${value} 分`,
  comment: '您还有其他意见或建议吗？',
  commentHint: (max) => `选填，最多 ${max} 字。`,
  submit: '提交评价',
  expires: (date) => `此链接只能提交一次，有效期至 ${date}。`,
  errorSummary: '请检查标出的内容。',
  errors: {
    overall: '请选择整体满意度评分。',
    rating: '请选择 1 到 5 分。',
    comment: (max) => `意见请不要超过 ${max} 字。`,
    commentText: '请用普通文字填写意见，不要包含控制字符。',
    unknown: '此字段不属于问卷。',
  },
  thanksTitle: '感谢您的评价！',
  thanks: (storeName) => `您的评价已记录，${storeName}将据此改进服务。`,
  goneTitle: '问卷已关闭',
  gone: {
    answered: '此问卷已经提交过了，感谢您的评价！',
    expired: '此问卷链接已过期。',
    void: '此问卷已失效：您的申请已重新打开，处理完成后我们会发送新的问卷。',
  },
  notFoundTitle: '未找到问卷',
  notFound: '未能找到此问卷，请确认链接与邮件中的完全一致。',
  unsupportedTitle: '无法读取您的回答',
  unsupported: '回答未以表单形式提交，请通过问卷页面提交。',
  tooLargeTitle: '内容过长',
  tooLarge: '提交的内容过长，请缩短意见后重试。',
  failedTitle: '出错了',
  failed: '我们这边出了点问题，请几分钟后重试。',
};

export const PAGE_WORDS: Record<Locale, PageWords> = { 'zh-CN': zhCN, en };

/** The locale of a page that knows no case (an unknown link): the browser's preference, else zh-CN. */
export const localeFromAcceptLanguage = (header: string | undefined): Locale => {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
};
