import type { Locale } from '../domain/case.js';
import { escapeHtml } from '../email/render.js';
import type { StaffCaseView } from '../use-cases/staff-case-view.js';
import type { ConsoleCaseAction } from './console-case-actions.js';
import { actionForm, type FailedForm } from './console-case-forms.js';
import { conversation, rounds, timeline, type HistoryContext } from './console-case-history.js';
import { CONSOLE_CASE_WORDS, type ConsoleCaseWords } from './console-case-words.js';
import { dueText, moneyText, sizeText, timeText } from './console-format.js';

/**
 * The console's case page (`/console/cases/{caseId}`), rendered from the staff API's view model: the case's state and
 * SLA clocks first, then customer and order, files, conversation, the forms of the actions the user may take, the
 * timeline and the survey rounds. Pure: everything it shows is in its input.
 */
export interface ConsoleCasePageInput {
  locale: Locale;
  view: StaffCaseView;
  now: Date;
  actions: readonly ConsoleCaseAction[];
  csrfToken: string;
  agents: readonly { agentId: string; name: string }[];
  /** Short-lived download URLs of the image files, shown as thumbnails (other files link to the console's route). */
  thumbnails: Readonly<Record<string, string>>;
  /** The action just done (post/redirect/get), said once at the top. */
  notice?: ConsoleCaseNotice;
  failed?: FailedForm;
  /** The next case of the user's queue (the `j` shortcut and a link), when there is one. */
  nextCaseId?: string;
}

export type ConsoleCaseNotice = ConsoleCaseAction | 'approvalRequested';

const time = (iso: string, { locale, view }: { locale: Locale; view: StaffCaseView }): string =>
  `<time datetime="${escapeHtml(iso)}">${escapeHtml(timeText(iso, locale, view.sla.timezone))}</time>`;

const pairs = (rows: readonly [string, string][]): string =>
  `<dl class="pairs">${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;

type Milestone = NonNullable<StaffCaseView['sla']['milestones']>['firstResponse'];

/** One clock in words: "due in 2 h", "breached 35 min ago", "met at …", "paused …"; the due time beside it. */
const clock = (name: string, milestone: Milestone, input: ConsoleCasePageInput, words: ConsoleCaseWords): string => {
  const sla = words.sla;
  const state =
    milestone.status === 'met' && milestone.metAt
      ? escapeHtml(
          milestone.breached
            ? sla.metLate(timeText(milestone.metAt, input.locale, input.view.sla.timezone))
            : sla.metAt(timeText(milestone.metAt, input.locale, input.view.sla.timezone)),
        )
      : milestone.status === 'paused'
        ? escapeHtml(sla.paused)
        : milestone.status === 'void'
          ? escapeHtml(sla.void)
          : milestone.dueAt
            ? `<time class="due" datetime="${escapeHtml(milestone.dueAt)}" data-clock="case">${escapeHtml(dueText(milestone.dueAt, input.now, sla))}</time> · ${time(milestone.dueAt, input)}`
            : '';
  const breached = milestone.breached && milestone.status !== 'met' ? ' breached' : '';
  return `<div class="clock${breached}"><dt>${escapeHtml(name)}</dt><dd>${state}</dd></div>`;
};

const header = (input: ConsoleCasePageInput, words: ConsoleCaseWords): string => {
  const { view } = input;
  const facts: [string, string][] = [
    [words.status, escapeHtml(words.statuses[view.status])],
    [words.priority, escapeHtml(view.priority ?? words.unclassified)],
    [words.type, escapeHtml(words.types[view.type])],
    [words.assignee, escapeHtml(view.assignee?.name ?? words.unassigned)],
  ];
  const milestones = view.sla.milestones;
  const clocks = milestones
    ? `<dl class="clocks">${clock(words.sla.firstResponse, milestones.firstResponse, input, words)}${clock(
        words.sla.resolution,
        milestones.resolution,
        input,
        words,
      )}</dl>` +
      (view.sla.escalationLevel > 0
        ? `<p class="warn">${escapeHtml(words.sla.escalation(view.sla.escalationLevel))}</p>`
        : '')
    : `<p>${escapeHtml(words.sla.none)}</p>`;
  return (
    `<div class="case-head"><h1>${escapeHtml(words.title(view.caseNumber))}</h1>${pairs(facts)}` +
    `<h2 class="sr">${escapeHtml(words.sla.heading)}</h2>${clocks}` +
    (view.workflowFailure
      ? `<p class="warn" role="note">${escapeHtml(words.workflowFailed(view.workflowFailure.state ?? view.workflowFailure.error))}</p>`
      : '') +
    (view.pendingApproval
      ? `<p class="warn" role="note">${escapeHtml(words.resolution.pending(view.pendingApproval.requestedBy.name))}</p>`
      : '') +
    `</div>`
  );
};

const customerAndOrder = (input: ConsoleCasePageInput, words: ConsoleCaseWords): string => {
  const { view, locale } = input;
  const money = (amount: number) => escapeHtml(moneyText(amount, view.currency, locale));
  // The label of each cell, which the shell shows beside it where a phone stacks the table's rows.
  const cell = (label: string, html: string) => `<td data-label="${escapeHtml(label)}">${html}</td>`;
  const rows = view.items
    .map(
      (item) =>
        `<tr>${cell(words.order.sku, escapeHtml(item.sku))}${cell(words.order.item, escapeHtml(item.name))}` +
        `${cell(words.order.quantity, String(item.quantity))}${cell(words.order.unitPrice, money(item.unitPrice))}</tr>`,
    )
    .join('');
  return (
    `<section aria-labelledby="customer-title" class="half"><h2 id="customer-title">${escapeHtml(words.customer.heading)}</h2>` +
    pairs([
      [words.customer.name, escapeHtml(view.customer.name)],
      [words.customer.email, escapeHtml(view.customer.email)],
      [words.customer.language, escapeHtml(view.customer.locale)],
    ]) +
    `</section><section aria-labelledby="order-title" class="half"><h2 id="order-title">${escapeHtml(words.order.heading)}</h2>` +
    pairs([
      [words.order.orderId, escapeHtml(view.orderId)],
      [words.order.orderedAt, time(view.orderedAt, input)],
      [
        words.order.deliveredAt,
        view.deliveredAt ? time(view.deliveredAt, input) : escapeHtml(words.order.notDelivered),
      ],
      [words.order.total, money(view.orderValue)],
    ]) +
    `<div class="scroll"><table><thead><tr><th scope="col">${escapeHtml(words.order.sku)}</th><th scope="col">${escapeHtml(
      words.order.item,
    )}</th><th scope="col">${escapeHtml(words.order.quantity)}</th><th scope="col">${escapeHtml(
      words.order.unitPrice,
    )}</th></tr></thead><tbody>${rows}</tbody></table></div></section>` +
    `<section aria-labelledby="description-title"><h2 id="description-title">${escapeHtml(words.description)}</h2>` +
    `<p class="text">${escapeHtml(view.description)}</p></section>`
  );
};

/** The case's files: images as thumbnails (short-lived links), other files (PDFs) as links through the console. */
const files = (input: ConsoleCasePageInput, words: ConsoleCaseWords): string => {
  const { view, locale } = input;
  const items = view.attachments.map((file) => {
    const name = file.fileName ?? words.attachments.unnamed;
    const href = `${encodeURIComponent(view.caseId)}/attachments/${encodeURIComponent(file.attachmentId)}`;
    const thumbnail = input.thumbnails[file.attachmentId];
    const picture = thumbnail
      ? `<img src="${escapeHtml(thumbnail)}" alt="${escapeHtml(words.attachments.thumbnail(name))}" width="96" height="96">`
      : '';
    const facts = [
      file.contentType ?? words.attachments.unknownType,
      ...(file.size !== null ? [sizeText(file.size, locale)] : []),
    ];
    return (
      `<li class="file">${picture}<div><a href="${escapeHtml(href)}" aria-label="${escapeHtml(words.attachments.open(name))}">` +
      `${escapeHtml(name)}</a><p class="small">${escapeHtml(facts.join(' · '))}</p></div></li>`
    );
  });
  return (
    `<section aria-labelledby="files-title"><h2 id="files-title">${escapeHtml(words.attachments.heading)}</h2>` +
    (items.length ? `<ul class="files">${items.join('')}</ul>` : `<p>${escapeHtml(words.attachments.none)}</p>`) +
    `</section>`
  );
};

const actions = (input: ConsoleCasePageInput, words: ConsoleCaseWords): string =>
  `<section aria-labelledby="actions-title"><h2 id="actions-title">${escapeHtml(words.actions.heading)}</h2>` +
  (input.actions.length
    ? input.actions
        .map((action) =>
          actionForm(action, {
            words,
            view: input.view,
            csrfToken: input.csrfToken,
            agents: input.agents,
            ...(input.failed ? { failed: input.failed } : {}),
          }),
        )
        .join('')
    : `<p>${escapeHtml(words.actions.none)}</p>`) +
  `</section>`;

const shortcuts = (words: ConsoleCaseWords): string =>
  `<details id="shortcuts"><summary>${escapeHtml(words.shortcuts.heading)}</summary><dl class="pairs keys">` +
  (
    [
      ['r', words.shortcuts.reply],
      ['n', words.shortcuts.note],
      ['s', words.shortcuts.resolve],
      ['j', words.shortcuts.next],
      ['?', words.shortcuts.help],
    ] as const
  )
    .map(([key, text]) => `<dt><kbd>${escapeHtml(key)}</kbd></dt><dd>${escapeHtml(text)}</dd>`)
    .join('') +
  `</dl></details>`;

/** The page's content (inside the console's shell). */
export const consoleCaseContent = (input: ConsoleCasePageInput): string => {
  const words = CONSOLE_CASE_WORDS[input.locale];
  const history: HistoryContext = { words, locale: input.locale, view: input.view };
  const notice = input.notice
    ? `<p class="notice" role="status">${escapeHtml(
        input.notice === 'approvalRequested' ? words.actions.approvalRequested : words.actions.notices[input.notice],
      )}</p>`
    : '';
  const { view } = input;
  const customerMessages = view.messages.filter((message) => message.from === 'customer').length;
  const caseHref = (caseId: string) => encodeURIComponent(caseId);
  const navigation =
    `<nav class="case-nav" aria-label="${escapeHtml(words.title(view.caseNumber))}"><a href="../../console">${escapeHtml(words.backToQueue)}</a>` +
    (input.nextCaseId
      ? ` <a id="next-case" href="${escapeHtml(caseHref(input.nextCaseId))}">${escapeHtml(words.nextCase)}</a>`
      : '') +
    `</nav>`;
  return (
    navigation +
    notice +
    `<div id="live" class="live" role="status" aria-live="polite" data-poll="${escapeHtml(`${caseHref(view.caseId)}/live`)}"` +
    ` data-messages="${customerMessages}" data-new-message="${escapeHtml(words.live.newMessage)}"` +
    ` data-reload="${escapeHtml(words.live.reload)}" data-viewing="${escapeHtml(words.live.viewing('{name}'))}"` +
    ` data-replying="${escapeHtml(words.live.replying('{name}'))}"></div>` +
    header(input, words) +
    `<div class="columns">${customerAndOrder(input, words)}</div>` +
    files(input, words) +
    conversation(history) +
    actions(input, words) +
    timeline(history) +
    rounds(history) +
    `<p class="small">${escapeHtml(words.shortcuts.hint)}</p>` +
    shortcuts(words)
  );
};
