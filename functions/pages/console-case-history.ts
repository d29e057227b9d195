import { SURVEY_DIMENSIONS } from '../domain/aftercare/survey.js';
import type { Locale } from '../domain/case.js';
import type { TimelineEvent } from '../domain/timeline.js';
import { escapeHtml } from '../email/render.js';
import type { StaffAttachmentView } from '../use-cases/staff-case-files.js';
import type { StaffCaseView } from '../use-cases/staff-case-view.js';
import type { ConsoleCaseWords } from './console-case-words.js';
import { moneyText, timeText } from './console-format.js';

/**
 * What happened on the case: the conversation, the whole timeline (each event marked public or internal in words and
 * by its frame, not by colour alone) and the survey and revisit of every round.
 */

export interface HistoryContext {
  words: ConsoleCaseWords;
  locale: Locale;
  view: StaffCaseView;
}

const time = (iso: string, { locale, view }: HistoryContext): string =>
  `<time datetime="${escapeHtml(iso)}">${escapeHtml(timeText(iso, locale, view.sla.timezone))}</time>`;

/** Line breaks kept, everything escaped. */
const paragraphs = (text: string): string => `<p class="text">${escapeHtml(text)}</p>`;

const fileNames = (files: readonly StaffAttachmentView[], context: HistoryContext): string =>
  files.length
    ? `<p class="small">${escapeHtml(context.words.messages.files)}: ${files
        .map((file) => escapeHtml(file.fileName ?? context.words.attachments.unnamed))
        .join(', ')}</p>`
    : '';

export const conversation = (context: HistoryContext): string => {
  const { words, view } = context;
  const items = view.messages.map(
    (message) =>
      `<li class="message ${message.from}"><p class="meta"><strong>${escapeHtml(
        message.from === 'customer' ? words.messages.customer : words.messages.staff(message.authorName ?? ''),
      )}</strong> · ${time(message.at, context)}</p>${paragraphs(message.body)}${fileNames(message.attachments, context)}</li>`,
  );
  return (
    `<section aria-labelledby="messages-title"><h2 id="messages-title">${escapeHtml(words.messages.heading)}</h2>` +
    (items.length ? `<ol class="messages">${items.join('')}</ol>` : `<p>${escapeHtml(words.messages.none)}</p>`) +
    `</section>`
  );
};

/** The words of an event's details worth reading on the page: a note, a reason, a summary, a level. */
const detailText = (event: TimelineEvent, words: ConsoleCaseWords): string | undefined => {
  const details = event.details ?? {};
  const text = (name: string) => (typeof details[name] === 'string' ? details[name] : undefined);
  switch (event.type) {
    case 'note_added':
    case 'reply_sent':
    case 'customer_message':
      return text('body');
    case 'escalated':
      return typeof details.level === 'number' ? words.sla.escalation(details.level) : undefined;
    default:
      return text('reason') ?? text('note') ?? text('summary');
  }
};

const statusWord = (value: string, words: ConsoleCaseWords): string =>
  (words.statuses as Record<string, string>)[value] ?? value;

const timelineItem = (event: TimelineEvent, context: HistoryContext): string => {
  const { words } = context;
  const internal = event.visibility === 'internal';
  const actor =
    event.actor.name ??
    (event.actor.kind === 'staff' ? event.actor.id : undefined) ??
    words.timeline.actors[event.actor.kind];
  const change =
    event.from && event.to
      ? ` · ${escapeHtml(words.timeline.fromTo(statusWord(event.from, words), statusWord(event.to, words)))}`
      : '';
  const detail = detailText(event, words);
  return (
    `<li class="event ${internal ? 'internal' : 'public'}">` +
    `<p class="meta"><span class="badge">${escapeHtml(internal ? words.timeline.internal : words.timeline.public)}</span> ` +
    `<strong>${escapeHtml(words.timeline.events[event.type])}</strong>${change} · ${time(event.at, context)}` +
    (actor ? ` · ${escapeHtml(words.timeline.by(actor))}` : '') +
    `</p>${detail ? paragraphs(detail) : ''}</li>`
  );
};

export const timeline = (context: HistoryContext): string => {
  const { words, view } = context;
  return (
    `<section aria-labelledby="timeline-title"><h2 id="timeline-title">${escapeHtml(words.timeline.heading)}</h2>` +
    `<p class="small">${escapeHtml(words.timeline.publicHint)} ${escapeHtml(words.timeline.internalHint)}</p>` +
    `<ol class="timeline">${view.timeline.map((event) => timelineItem(event, context)).join('')}</ol></section>`
  );
};

type SurveyView = NonNullable<StaffCaseView['survey']>;
type RevisitView = NonNullable<StaffCaseView['revisit']>;
type ResolutionView = NonNullable<StaffCaseView['resolution']>;

const resolutionLine = (resolution: ResolutionView, context: HistoryContext): string => {
  const { words, locale } = context;
  const money =
    resolution.amount !== undefined && resolution.currency
      ? ` · ${moneyText(resolution.amount, resolution.currency, locale)}`
      : '';
  return (
    `<p><strong>${escapeHtml(words.survey.resolution)}:</strong> ${escapeHtml(words.resolutionTypes[resolution.type])}` +
    `${escapeHtml(money)} · ${escapeHtml(words.rootCauses[resolution.rootCause])} · ${time(resolution.resolvedAt, context)}</p>` +
    paragraphs(resolution.summary)
  );
};

const surveyBlock = (survey: SurveyView | null, context: HistoryContext): string => {
  const { words } = context;
  if (!survey) return `<p>${escapeHtml(words.survey.none)}</p>`;
  const status = survey.status === 'void' ? 'void' : (survey.viewStatus ?? survey.status);
  const ratings = survey.ratings
    ? `<dl class="pairs">${SURVEY_DIMENSIONS.filter((dimension) => survey.ratings?.[dimension] !== undefined)
        .map(
          (dimension) =>
            `<dt>${escapeHtml(words.survey.dimensions[dimension])}</dt><dd>${escapeHtml(
              words.survey.rating(survey.ratings?.[dimension] ?? 0),
            )}</dd>`,
        )
        .join('')}</dl>`
    : '';
  const comment = survey.comment
    ? `<p><strong>${escapeHtml(words.survey.comment)}:</strong></p>${paragraphs(survey.comment)}`
    : '';
  return `<p>${escapeHtml(words.survey.statuses[status])} · ${time(survey.sentAt, context)}</p>${ratings}${comment}`;
};

const revisitBlock = (revisit: RevisitView | null, context: HistoryContext): string =>
  revisit
    ? `<p><strong>${escapeHtml(context.words.survey.revisit)}:</strong> ${escapeHtml(
        context.words.survey.revisitStatuses[revisit.status],
      )} · ${time(revisit.dueAt, context)}</p>${revisit.note ? paragraphs(revisit.note) : ''}`
    : '';

/** Every round, oldest first: its resolution, survey (with the answers) and revisit; the current round last. */
export const rounds = (context: HistoryContext): string => {
  const { words, view } = context;
  const earlier = view.rounds.map(
    (round) =>
      `<li><h3>${escapeHtml(words.survey.round(round.round))}</h3>${resolutionLine(round.resolution, context)}` +
      `${surveyBlock(round.survey, context)}${revisitBlock(round.revisit, context)}</li>`,
  );
  const current =
    `<li><h3>${escapeHtml(words.survey.round(view.round))}</h3>` +
    (view.resolution ? resolutionLine(view.resolution, context) : '') +
    `${surveyBlock(view.survey, context)}${revisitBlock(view.revisit, context)}</li>`;
  return (
    `<section aria-labelledby="survey-title"><h2 id="survey-title">${escapeHtml(words.survey.heading)}</h2>` +
    `<ol class="rounds">${earlier.join('')}${current}</ol></section>`
  );
};
