import { waitFor, type TestStack } from './local-stack.js';
import { emailsTo } from './outbox.js';

const SURVEY_LINK = /https?:\/\/[^\s"'<>]+\/survey\/([A-Za-z0-9_.-]+)/;

/** The survey links in the emails to one address, newest first: each email's first link. */
export const surveyLinksTo = async (stack: Pick<TestStack, 'outbox'>, address: string): Promise<string[]> =>
  (await emailsTo(stack, address)).flatMap((email) => {
    const match = SURVEY_LINK.exec(email.text);
    return match ? [match[0]] : [];
  });

/** Waits until `count` survey emails (invitations and reminders) reached the address; returns their links. */
export const surveyEmailsTo = (stack: Pick<TestStack, 'outbox'>, address: string, count = 1) =>
  waitFor(
    async () => {
      const links = await surveyLinksTo(stack, address);
      return links.length >= count ? links : undefined;
    },
    { what: `${count} survey emails to ${address}`, intervalMs: 100 },
  );

export const SURVEY_ANSWER = {
  overall: '5',
  attitude: '4',
  professionalism: '5',
  problemSolving: '4',
  speed: '3',
  comment: '  Quick and kind.  ',
};

/** Posts the survey form as a browser would (`application/x-www-form-urlencoded`). */
export const postSurveyForm = (link: string, fields: Record<string, string> = SURVEY_ANSWER): Promise<Response> =>
  fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
  });
