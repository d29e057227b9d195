import type { TestStack } from './local-stack.js';

/** Emails sent to one address, newest first (tests give each case a customer of its own). */
export const emailsTo = async (stack: Pick<TestStack, 'outbox'>, address: string) =>
  (await stack.outbox.list()).filter((email) => email.to.includes(address));

/** Emails about one case, newest first: every notice names the case number in its subject. */
export const emailsAbout = async (stack: Pick<TestStack, 'outbox'>, caseNumber: string) =>
  (await stack.outbox.list()).filter((email) => email.subject.includes(caseNumber));
