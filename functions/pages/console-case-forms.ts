import { RESOLUTION_TYPES, ROOT_CAUSES, SEVERITIES, URGENCIES } from '../domain/case.js';
import { escapeHtml } from '../email/render.js';
import type { FieldProblem, FormFields } from '../schemas/console-case-forms.js';
import type { StaffCaseView } from '../use-cases/staff-case-view.js';
import type { ConsoleCaseAction } from './console-case-actions.js';
import type { ConsoleCaseWords } from './console-case-words.js';

/**
 * The action forms of the case page: plain HTML forms posting to the page's own URL (no script needed), each with
 * the action's name and the session's CSRF token, every control labelled, errors written next to their field and
 * tied to it (`aria-describedby`, `aria-invalid`). A form that failed shows what was sent again.
 */

/** The name of the hidden field that carries the session's CSRF token. */
export const CSRF_FIELD = 'csrf';

export interface FailedForm {
  action: ConsoleCaseAction;
  values: FormFields;
  errors: Record<string, FieldProblem>;
  /** Refused as a whole (not a field): the case's state, the role. */
  refusal?: 'conflict' | 'forbidden';
}

export interface FormsContext {
  words: ConsoleCaseWords;
  view: StaffCaseView;
  csrfToken: string;
  /** Agents a case can be assigned to (supervising users only). */
  agents: readonly { agentId: string; name: string }[];
  failed?: FailedForm;
}

const attr = (value: string): string => escapeHtml(value);

const problemText = (problem: FieldProblem, words: ConsoleCaseWords): string => {
  switch (problem.code) {
    case 'tooLong':
      return words.errors.tooLong(problem.max);
    case 'refused':
      return `${words.errors.refused} (${problem.message})`;
    case 'invalid':
      return words.errors.choice;
    default:
      return words.errors[problem.code];
  }
};

/** What one form needs to draw a field: its id, the sent value, its error. */
class FormDraw {
  /** The fields drawn, so errors of any other path can be listed with the summary. */
  readonly drawn = new Set<string>();

  constructor(
    readonly action: ConsoleCaseAction,
    private readonly context: FormsContext,
  ) {}

  private get failed(): FailedForm | undefined {
    return this.context.failed?.action === this.action ? this.context.failed : undefined;
  }

  id(name: string): string {
    return `${this.action}-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  }

  value(name: string, fallback = ''): string {
    return this.failed?.values[name] ?? fallback;
  }

  error(name: string): string | undefined {
    this.drawn.add(name);
    const problem = this.failed?.errors[name];
    return problem ? problemText(problem, this.context.words) : undefined;
  }

  /** `aria-describedby` and `aria-invalid` of a control with an optional hint. */
  described(name: string, hint?: string): string {
    const ids = [...(hint ? [`${this.id(name)}-hint`] : []), ...(this.error(name) ? [`${this.id(name)}-error`] : [])];
    return (
      (ids.length ? ` aria-describedby="${ids.join(' ')}"` : '') + (this.error(name) ? ' aria-invalid="true"' : '')
    );
  }

  after(name: string, hint?: string): string {
    const error = this.error(name);
    return (
      (hint ? `<p class="hint" id="${this.id(name)}-hint">${escapeHtml(hint)}</p>` : '') +
      (error ? `<p class="error" id="${this.id(name)}-error">${escapeHtml(error)}</p>` : '')
    );
  }

  textarea(name: string, label: string, max: number, options: { hint?: string; required?: boolean } = {}): string {
    const id = this.id(name);
    return (
      `<label for="${id}">${escapeHtml(label)}</label>` +
      `<textarea id="${id}" name="${name}" maxlength="${max}"${options.required === false ? '' : ' required'}` +
      `${this.described(name, options.hint)}>${escapeHtml(this.value(name))}</textarea>` +
      this.after(name, options.hint)
    );
  }

  input(
    name: string,
    label: string,
    options: { hint?: string; max: number; fallback?: string; decimal?: boolean },
  ): string {
    const id = this.id(name);
    return (
      `<label for="${id}">${escapeHtml(label)}</label>` +
      `<input id="${id}" name="${name}" maxlength="${options.max}"` +
      `${options.decimal ? ' inputmode="decimal"' : ''} value="${attr(this.value(name, options.fallback))}"` +
      `${this.described(name, options.hint)}>` +
      this.after(name, options.hint)
    );
  }

  select(name: string, label: string, options: readonly [string, string][], first?: string): string {
    const id = this.id(name);
    const chosen = this.value(name);
    return (
      `<label for="${id}">${escapeHtml(label)}</label><select id="${id}" name="${name}"${this.described(name)}>` +
      (first !== undefined ? `<option value="">${escapeHtml(first)}</option>` : '') +
      options
        .map(
          ([value, text]) =>
            `<option value="${attr(value)}"${value === chosen ? ' selected' : ''}>${escapeHtml(text)}</option>`,
        )
        .join('') +
      `</select>${this.after(name)}`
    );
  }

  radios(name: string, legend: string, options: readonly [string, string][]): string {
    const chosen = this.value(name);
    return (
      `<fieldset${this.described(name)}><legend>${escapeHtml(legend)}</legend>` +
      options
        .map(([value, text]) => {
          const id = this.id(`${name}-${value}`);
          return (
            `<div class="choice"><input type="radio" id="${id}" name="${name}" value="${attr(value)}"` +
            `${value === chosen ? ' checked' : ''}><label for="${id}">${escapeHtml(text)}</label></div>`
          );
        })
        .join('') +
      `${this.after(name)}</fieldset>`
    );
  }
}

const entries = <K extends string>(keys: readonly K[], names: Record<K, string>): [string, string][] =>
  keys.map((key) => [key, names[key]]);

/** The fields of each form (what follows the hidden action and token). */
const FIELDS: Record<ConsoleCaseAction, (draw: FormDraw, context: FormsContext) => string> = {
  reply: (draw, { words, view }) => {
    const files = view.attachments;
    const choices = files.length
      ? `<fieldset${draw.described('attachments', words.fields.replyFilesHint)}><legend>${escapeHtml(words.fields.replyFiles)} ` +
        `<span class="tag">${escapeHtml(words.fields.optional)}</span></legend>` +
        files
          .map((file, index) => {
            const id = draw.id(`file-${index}`);
            const name = `attachments.${index}`;
            const checked = draw.value(name) === file.attachmentId ? ' checked' : '';
            return (
              `<div class="choice"><input type="checkbox" id="${id}" name="${name}" value="${attr(file.attachmentId)}"${checked}>` +
              `<label for="${id}">${escapeHtml(file.fileName ?? file.attachmentId)}</label></div>`
            );
          })
          .join('') +
        `${draw.after('attachments', words.fields.replyFilesHint)}</fieldset>`
      : '';
    return draw.textarea('body', words.fields.replyBody, 5_000) + choices;
  },
  note: (draw, { words }) => draw.textarea('body', words.fields.noteBody, 5_000, { hint: words.fields.noteHint }),
  status: (draw, { words, view }) =>
    draw.radios(
      'status',
      words.fields.newStatus,
      (['awaiting_customer', 'in_progress'] as const)
        .filter((status) => status !== view.status)
        .map((status) => [status, words.statuses[status]]),
    ),
  resolve: (draw, { words, view }) =>
    draw.select(
      'resolutionType',
      words.fields.resolutionType,
      entries(RESOLUTION_TYPES, words.resolutionTypes),
      words.fields.choose,
    ) +
    draw.input('amount', words.fields.amount, { max: 24, decimal: true, hint: words.fields.amountHint }) +
    draw.input('currency', words.fields.currency, { max: 3, hint: words.fields.currencyHint(view.currency) }) +
    draw.input('reference', `${words.fields.reference} ${words.fields.optional}`, { max: 200 }) +
    draw.select('rootCause', words.fields.rootCause, entries(ROOT_CAUSES, words.rootCauses), words.fields.choose) +
    draw.textarea('summary', words.fields.summary, 2_000),
  assign: (draw, { words, agents, view }) =>
    draw.select(
      'agentId',
      words.fields.agent,
      agents
        .filter((agent) => agent.agentId !== view.assignee?.agentId)
        .map((agent) => [agent.agentId, `${agent.name} (${agent.agentId})`]),
      words.fields.choose,
    ),
  reclassify: (draw, { words }) =>
    draw.select('severity', words.fields.severity, entries(SEVERITIES, words.severities), words.fields.keep) +
    draw.select('urgency', words.fields.urgency, entries(URGENCIES, words.urgencies), words.fields.keep) +
    draw.textarea('reason', words.fields.reason, 500),
  review: (draw, { words }) =>
    draw.radios('decision', words.fields.decision, [
      ['approve', words.fields.approve],
      ['reject', words.fields.reject],
    ]) + draw.textarea('reason', words.fields.reason, 1_000),
  approval: (draw, { words, view }) =>
    draw.radios('approve', words.fields.approval, [
      ['true', words.fields.approveResolution],
      ['false', words.fields.declineResolution],
    ]) +
    draw.textarea('note', `${words.fields.note} ${words.fields.optional}`, 1_000, { required: false }) +
    (view.pendingApproval
      ? `<input type="hidden" name="requestedAt" value="${attr(view.pendingApproval.requestedAt)}">`
      : ''),
  revisit: (draw, { words }) =>
    draw.radios('outcome', words.fields.outcome, [
      ['ok', words.fields.outcomeOk],
      ['recurred', words.fields.outcomeRecurred],
    ]) + draw.textarea('note', `${words.fields.note} ${words.fields.optional}`, 2_000, { required: false }),
  retry: (draw, { words }) =>
    draw.textarea('note', `${words.fields.note} ${words.fields.optional}`, 1_000, { required: false }),
};

/** One action's form in its own section (`#action-<name>`, the shortcuts' targets). */
export const actionForm = (action: ConsoleCaseAction, context: FormsContext): string => {
  const { words, failed } = context;
  const draw = new FormDraw(action, context);
  const refusal = failed?.action === action ? failed.refusal : undefined;
  const hasErrors = failed?.action === action && (refusal !== undefined || Object.keys(failed.errors).length > 0);
  const summary = refusal ? words.errors[refusal] : words.errors.summary;
  const fields = FIELDS[action](draw, context);
  // A refusal about no field of the form (the use case named another path) is said with the summary.
  const elsewhere = Object.entries(failed?.action === action ? failed.errors : {})
    .filter(([name]) => !draw.drawn.has(name))
    .map(([, problem]) => ` ${problemText(problem, words)}`)
    .join('');
  return (
    `<section class="action" id="action-${action}" aria-labelledby="${action}-title">` +
    `<h3 id="${action}-title">${escapeHtml(words.actions.titles[action])}</h3>` +
    (hasErrors
      ? `<p class="summary" role="alert" id="${action}-problems">${escapeHtml(summary + elsewhere)}</p>`
      : '') +
    // `novalidate`: the server judges the form and writes each error next to its field, in the page's language.
    `<form method="post" action="" data-action="${action}" novalidate>` +
    `<input type="hidden" name="action" value="${action}">` +
    `<input type="hidden" name="${CSRF_FIELD}" value="${attr(context.csrfToken)}">` +
    fields +
    `<button type="submit">${escapeHtml(words.actions.submits[action])}</button></form></section>`
  );
};
