import type { Agent } from '../../../domain/agent.js';
import { CASE_TYPES, LOCALES } from '../../../domain/case-vocabulary.js';
import { linesOf, numberOf, tickedIn, type FormValues } from './admin-form.js';

/**
 * An agent as the console's agent forms show it, and back. Adding sends the whole profile (`POST /v1/admin/agents`);
 * editing sends a merge patch of the profile's fields with the version read (`PATCH /v1/admin/agents/{agentId}`), so a
 * save changes what the form shows and nothing else, and never over another admin's newer save.
 */
export const AGENT_FORM_FIELDS: readonly string[] = [
  'agentId',
  'name',
  'email',
  'skills.types',
  'skills.categories',
  'skills.locales',
  'skills',
  'maxOpenCases',
  'available',
  'supervisorId',
];

export const agentFormValues = (agent: Agent): Record<string, string> => ({
  agentId: agent.agentId,
  name: agent.name,
  email: agent.email,
  ...Object.fromEntries(agent.skills.types.map((type) => [`skills.types.${type}`, 'on'])),
  ...Object.fromEntries(agent.skills.locales.map((locale) => [`skills.locales.${locale}`, 'on'])),
  'skills.categories': agent.skills.categories.join(', '),
  maxOpenCases: String(agent.maxOpenCases),
  available: agent.available ? 'on' : '',
  supervisorId: agent.supervisorId ?? '',
  version: String(agent.version ?? 0),
});

/** A new agent's form: available, Chinese, five cases. */
export const NEW_AGENT_VALUES: FormValues = {
  maxOpenCases: '5',
  available: 'on',
  'skills.locales.zh-CN': 'on',
};

const profileFromForm = (values: FormValues) => ({
  name: (values.name ?? '').trim(),
  email: (values.email ?? '').trim(),
  skills: {
    types: tickedIn(values, 'skills.types', CASE_TYPES),
    categories: linesOf(values['skills.categories']),
    locales: tickedIn(values, 'skills.locales', LOCALES),
  },
  maxOpenCases: numberOf(values.maxOpenCases),
  available: values.available === 'on',
});

/** The `POST /v1/admin/agents` body of the add form. */
export const newAgentFromForm = (values: FormValues): Record<string, unknown> => {
  const supervisorId = (values.supervisorId ?? '').trim();
  return {
    agentId: (values.agentId ?? '').trim(),
    ...profileFromForm(values),
    ...(supervisorId === '' ? {} : { supervisorId }),
  };
};

/** The `PATCH /v1/admin/agents/{agentId}` body of the edit form: every field it shows; an empty supervisor removes it. */
export const agentPatchFromForm = (values: FormValues): Record<string, unknown> => {
  const supervisorId = (values.supervisorId ?? '').trim();
  return {
    ...profileFromForm(values),
    supervisorId: supervisorId === '' ? null : supervisorId,
    ...(numberOf(values.version) === undefined ? {} : { version: numberOf(values.version) }),
  };
};
