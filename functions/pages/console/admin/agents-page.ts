import type { Agent } from '../../../domain/agent.js';
import { CASE_TYPES, LOCALES, type CaseType, type Locale } from '../../../domain/case-vocabulary.js';
import { escapeHtml } from '../../../email/render.js';
import { checkbox, checkboxGroup, inputField, textArea, type FormErrors, type FormValues } from './admin-form.js';
import { adminForm, adminSection, formError, hidden, submitButton, type Notice } from './admin-section.js';
import { ADMIN_WORDS, type AdminWords } from './admin-words.js';

/** The console's agent pages: the list with the add form (`/console/admin/agents`) and one agent's edit form. */
export interface AgentPageContext {
  locale: Locale;
  csrfToken: string;
  /** The case types' names in the page's language (the console's words). */
  typeNames: Record<CaseType, string>;
}

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

const profileFields = (words: AdminWords, context: AgentPageContext, values: FormValues, errors: FormErrors) => {
  const agents = words.agents;
  return (
    inputField({ name: 'name', label: agents.name, values, errors, maxLength: 120 }) +
    inputField({ name: 'email', label: agents.email, values, errors, type: 'email', maxLength: 254 }) +
    checkboxGroup(
      'skills.types',
      agents.types,
      CASE_TYPES.map((type) => ({ value: type, label: context.typeNames[type] })),
      values,
      errors,
    ) +
    textArea({
      name: 'skills.categories',
      label: agents.categories,
      values,
      errors,
      hint: agents.categoriesHint,
      maxLength: 7_000,
    }) +
    checkboxGroup(
      'skills.locales',
      agents.locales,
      LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] })),
      values,
      errors,
    ) +
    inputField({ name: 'maxOpenCases', label: agents.maxOpenCases, values, errors, type: 'number' }) +
    checkbox({ name: 'available', label: agents.available, values, errors }) +
    inputField({
      name: 'supervisorId',
      label: agents.supervisorId,
      values,
      errors,
      hint: agents.supervisorHint,
      maxLength: 128,
    })
  );
};

const agentRow = (words: AdminWords, context: AgentPageContext, agent: Agent): string => {
  const columns = words.agents.columns;
  const cell = (label: string, html: string) => `<td data-label="${escapeHtml(label)}">${html}</td>`;
  const skills = [
    ...agent.skills.types.map((type) => context.typeNames[type]),
    ...agent.skills.locales.map((locale) => LANGUAGE_NAMES[locale]),
  ].join(', ');
  return (
    '<tr>' +
    cell(columns.agent, `${escapeHtml(agent.name)}<br><span class="muted">${escapeHtml(agent.agentId)}</span>`) +
    cell(columns.load, `${agent.openCases} / ${agent.maxOpenCases}`) +
    cell(columns.available, escapeHtml(agent.available ? words.agents.yes : words.agents.no)) +
    cell(columns.supervisor, escapeHtml(agent.supervisorId ?? words.agents.none)) +
    cell(columns.skills, escapeHtml(skills)) +
    cell(
      columns.edit,
      `<a href="/console/admin/agents/${encodeURIComponent(agent.agentId)}">${escapeHtml(words.agents.editLink(agent.name))}</a>`,
    ) +
    '</tr>'
  );
};

/** The agents and, below, the form that adds one (re-shown with its errors when refused). */
export const agentsPageBody = (
  context: AgentPageContext,
  agents: readonly Agent[],
  values: FormValues,
  errors: FormErrors,
  notice: Notice,
): string => {
  const words = ADMIN_WORDS[context.locale];
  const columns = words.agents.columns;
  const table =
    agents.length === 0
      ? `<p>${escapeHtml(words.agents.empty)}</p>`
      : `<table><caption class="sr">${escapeHtml(words.agents.title)}</caption><thead><tr>` +
        [columns.agent, columns.load, columns.available, columns.supervisor, columns.skills, columns.edit]
          .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
          .join('') +
        `</tr></thead><tbody>${agents.map((agent) => agentRow(words, context, agent)).join('')}</tbody></table>`;
  const addForm =
    `<h2 id="add">${escapeHtml(words.agents.addTitle)}</h2>` +
    adminForm(
      '/console/admin/agents',
      context.csrfToken,
      formError(errors) +
        inputField({
          name: 'agentId',
          label: words.agents.agentId,
          values,
          errors,
          hint: words.agents.agentIdHint,
          maxLength: 64,
        }) +
        profileFields(words, context, values, errors) +
        submitButton(words.agents.add),
    );
  return adminSection(words, 'agents', words.agents.title, words.agents.intro, notice, table + addForm);
};

/** One agent's edit form (`/console/admin/agents/{agentId}`), with the version it edits. */
export const agentPageBody = (
  context: AgentPageContext,
  agent: Agent,
  values: FormValues,
  errors: FormErrors,
  notice: Notice,
): string => {
  const words = ADMIN_WORDS[context.locale];
  const path = `/console/admin/agents/${encodeURIComponent(agent.agentId)}`;
  return adminSection(
    words,
    'agents',
    words.agents.editTitle(agent.name),
    `${agent.agentId} · ${words.agents.columns.load}: ${agent.openCases} / ${agent.maxOpenCases} · ${words.version(agent.version ?? 0)}`,
    notice,
    adminForm(
      path,
      context.csrfToken,
      formError(errors) + profileFields(words, context, values, errors) + submitButton(words.agents.save),
      hidden('version', values.version),
    ) + `<p><a href="/console/admin/agents">${escapeHtml(words.agents.back)}</a></p>`,
  );
};
