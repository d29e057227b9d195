import { safeParse, type core, type output } from 'zod/mini';
import './zod-locale.js';
import type { ErrorDetail } from '../domain/errors.js';
import type { ConsoleCaseAction } from '../pages/console-case-actions.js';
import {
  assignBodySchema,
  noteBodySchema,
  reclassifyBodySchema,
  replyBodySchema,
  resolutionApprovalBodySchema,
  resolveBodySchema,
  retryWorkflowBodySchema,
  revisitBodySchema,
  reviewBodySchema,
  statusBodySchema,
} from './staff-requests.js';

/**
 * The console case page's forms, read into the staff API's request bodies and validated by the API's own schemas, so
 * a form and a JSON call are held to exactly the same rules. A browser sends every field as a string: an empty one is
 * "not given", the amount is a decimal number, a checkbox per file (`attachments.<i>`, as a field may be sent once).
 * Errors come back by form field, as codes the page words in the user's language.
 */

export type FormFields = Readonly<Record<string, string>>;

export type FieldProblem =
  | { code: 'required' | 'text' | 'choice' | 'amount' | 'currency' | 'files' | 'invalid' }
  | { code: 'tooLong'; max: number }
  /** The use case refused the value (a store limit, a currency that is not the case's): its message, in English. */
  | { code: 'refused'; message: string };

/** Each action with the API body its form makes (the output of the API route's own schema). */
export type CaseActionRequest =
  | { action: 'reply'; body: output<typeof replyBodySchema> }
  | { action: 'note'; body: output<typeof noteBodySchema> }
  | { action: 'status'; body: output<typeof statusBodySchema> }
  | { action: 'resolve'; body: output<typeof resolveBodySchema> }
  | { action: 'assign'; body: output<typeof assignBodySchema> }
  | { action: 'reclassify'; body: output<typeof reclassifyBodySchema> }
  | { action: 'review'; body: output<typeof reviewBodySchema> }
  | { action: 'approval'; body: output<typeof resolutionApprovalBodySchema> }
  | { action: 'revisit'; body: output<typeof revisitBodySchema> }
  | { action: 'retry'; body: output<typeof retryWorkflowBodySchema> };

export type ParsedForm =
  | { ok: true; action: ConsoleCaseAction; request: CaseActionRequest }
  | { ok: false; action: ConsoleCaseAction; errors: Record<string, FieldProblem> };

const given = (fields: FormFields, name: string): string | undefined => {
  const value = fields[name];
  return value === undefined || value.trim() === '' ? undefined : value;
};

const optional = <T>(name: string, value: T | undefined): Record<string, T> =>
  value === undefined ? {} : { [name]: value };

/** A decimal as people type it (`12`, `12.5`, `0.125`): anything else stays a string, which the schema refuses. */
const decimal = (value: string | undefined): number | string | undefined =>
  value === undefined ? undefined : /^\s*\d{1,15}(\.\d{1,6})?\s*$/.test(value) ? Number(value) : value;

/** The ticked files, in their order on the page. */
const ticked = (fields: FormFields): string[] =>
  Object.keys(fields)
    .filter((name) => /^attachments\.\d{1,3}$/.test(name))
    .map((name) => ({ index: Number(name.slice('attachments.'.length)), id: fields[name] ?? '' }))
    .sort((a, b) => a.index - b.index)
    .map(({ id }) => id);

/** Each action: the request body its form makes, the schema that judges it, and which form field a body path is. */
interface FormReader {
  body: (fields: FormFields) => unknown;
  schema: core.$ZodType;
  field: (path: string) => string;
}

const samePath = (path: string): string => path.split('.')[0] ?? path;

const READERS: Readonly<Record<ConsoleCaseAction, FormReader>> = {
  reply: {
    body: (fields) => ({ body: fields.body ?? '', attachments: ticked(fields) }),
    schema: replyBodySchema,
    field: samePath,
  },
  note: { body: (fields) => ({ body: fields.body ?? '' }), schema: noteBodySchema, field: samePath },
  status: { body: (fields) => ({ status: fields.status ?? '' }), schema: statusBodySchema, field: samePath },
  resolve: {
    body: (fields) => ({
      resolution: {
        type: fields.resolutionType ?? '',
        ...optional('amount', decimal(given(fields, 'amount'))),
        ...optional('currency', given(fields, 'currency')?.trim().toUpperCase()),
        ...optional('reference', given(fields, 'reference')),
      },
      rootCause: fields.rootCause ?? '',
      summary: fields.summary ?? '',
    }),
    schema: resolveBodySchema,
    field: (path) => {
      const [first, second] = path.split('.');
      if (first !== 'resolution') return first ?? path;
      return second === 'type' || second === undefined ? 'resolutionType' : second;
    },
  },
  assign: { body: (fields) => ({ agentId: fields.agentId ?? '' }), schema: assignBodySchema, field: samePath },
  reclassify: {
    body: (fields) => ({
      ...optional('severity', given(fields, 'severity')),
      ...optional('urgency', given(fields, 'urgency')),
      reason: fields.reason ?? '',
    }),
    schema: reclassifyBodySchema,
    field: samePath,
  },
  review: {
    body: (fields) => ({ decision: fields.decision ?? '', reason: fields.reason ?? '' }),
    schema: reviewBodySchema,
    field: samePath,
  },
  approval: {
    body: (fields) => ({
      approve: fields.approve === 'true' ? true : fields.approve === 'false' ? false : (fields.approve ?? ''),
      ...optional('note', given(fields, 'note')),
      ...optional('requestedAt', given(fields, 'requestedAt')),
    }),
    schema: resolutionApprovalBodySchema,
    field: samePath,
  },
  revisit: {
    body: (fields) => ({ outcome: fields.outcome ?? '', ...optional('note', given(fields, 'note')) }),
    schema: revisitBodySchema,
    field: samePath,
  },
  retry: {
    body: (fields) => optional('note', given(fields, 'note')),
    schema: retryWorkflowBodySchema,
    field: samePath,
  },
};

/** The form field a path of the action's request body (a schema issue, a use case's 400 detail) belongs to. */
export const formFieldOf = (action: ConsoleCaseAction, path: string): string => READERS[action].field(path);

const problemOf = (issue: core.$ZodIssue, field: string): FieldProblem => {
  if (field === 'attachments') return { code: 'files' };
  if (field === 'amount') return { code: 'amount' };
  if (field === 'currency') return { code: 'currency' };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { code: 'tooLong', max: issue.maximum };
  // Text fields are always sent (empty: too short); a value of the wrong kind is a choice left open or made up.
  if (issue.code === 'too_small') return { code: 'required' };
  if (issue.code === 'invalid_value' || issue.code === 'invalid_type') return { code: 'choice' };
  if (issue.code === 'custom') return { code: 'text' };
  return { code: 'invalid' };
};

/** One problem per field: the first the schema reports. */
const byField = (action: ConsoleCaseAction, issues: readonly core.$ZodIssue[]): Record<string, FieldProblem> => {
  const errors: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const field = formFieldOf(action, issue.path.map(String).join('.'));
    errors[field] ??= problemOf(issue, field);
  }
  return errors;
};

/** The form of `action`, read and validated: the API body to hand its use case, or each field's problem. */
export const parseCaseForm = (action: ConsoleCaseAction, fields: FormFields): ParsedForm => {
  const reader = READERS[action];
  const result = safeParse(reader.schema, reader.body(fields));
  // The body was judged by this action's own schema, so it is this action's request.
  if (result.success) return { ok: true, action, request: { action, body: result.data } as CaseActionRequest };
  return { ok: false, action, errors: byField(action, result.error.issues) };
};

/** A use case's 400 (its details by body path) as problems of the form's fields. */
export const refusedFields = (
  action: ConsoleCaseAction,
  details: readonly ErrorDetail[],
): Record<string, FieldProblem> => {
  const errors: Record<string, FieldProblem> = {};
  for (const detail of details) {
    errors[formFieldOf(action, detail.path)] ??= { code: 'refused', message: detail.message };
  }
  return errors;
};

/** A posted body as form fields: its string values (a form sends nothing else; a JSON body's other values count as absent). */
export const formFields = (fields: unknown): FormFields => {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return {};
  return Object.fromEntries(
    Object.entries(fields as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
};
