import { escapeHtml } from '../../../email/render.js';

/**
 * The admin pages' form controls. A form is shown from its values by field name (strings, as a browser posts them), so
 * a refused post re-renders exactly what the admin typed, with each error next to its field. Checkboxes have names of
 * their own (`types.repair`), as the page body reader refuses a name sent twice.
 */
export type FormValues = Readonly<Record<string, string | undefined>>;
export type FormErrors = Readonly<Record<string, string>>;

export interface FieldOptions {
  name: string;
  label: string;
  values: FormValues;
  errors: FormErrors;
  hint?: string;
  /** `text` when absent. */
  type?: 'text' | 'email' | 'number' | 'date';
  maxLength?: number;
  /** For numbers. */
  step?: string;
  required?: boolean;
  /** Label read by assistive technology only, where a table's headers show it (the priority matrix's cells). */
  hiddenLabel?: boolean;
}

/** `calendar.weekly.monday` -> `f-calendar-weekly-monday`: an id a label and an error can point at. */
export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const described = (name: string, hint: string | undefined, error: string | undefined): string => {
  const ids = [...(hint ? [`${fieldId(name)}-hint`] : []), ...(error ? [`${fieldId(name)}-error`] : [])];
  return (ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : '') + (error ? ' aria-invalid="true"' : '');
};

const hintLine = (name: string, hint: string | undefined): string =>
  hint ? `<p class="hint" id="${fieldId(name)}-hint">${escapeHtml(hint)}</p>` : '';

const errorLine = (name: string, error: string | undefined): string =>
  error ? `<p class="error" id="${fieldId(name)}-error">${escapeHtml(error)}</p>` : '';

export const inputField = ({
  name,
  label,
  values,
  errors,
  hint,
  type = 'text',
  maxLength,
  step,
  required,
}: FieldOptions): string => {
  const id = fieldId(name);
  const error = errors[name];
  return (
    `<div class="field"><label for="${id}">${escapeHtml(label)}</label>${hintLine(name, hint)}` +
    `<input id="${id}" name="${escapeHtml(name)}" type="${type}" value="${escapeHtml(values[name] ?? '')}"` +
    (maxLength ? ` maxlength="${maxLength}"` : '') +
    (step ? ` step="${step}"` : '') +
    (required ? ' required' : '') +
    `${described(name, hint, error)}>${errorLine(name, error)}</div>`
  );
};

export const textArea = ({ name, label, values, errors, hint, maxLength }: FieldOptions): string => {
  const id = fieldId(name);
  const error = errors[name];
  return (
    `<div class="field"><label for="${id}">${escapeHtml(label)}</label>${hintLine(name, hint)}` +
    `<textarea id="${id}" name="${escapeHtml(name)}" rows="4"${maxLength ? ` maxlength="${maxLength}"` : ''}` +
    `${described(name, hint, error)}>${escapeHtml(values[name] ?? '')}</textarea>${errorLine(name, error)}</div>`
  );
};

/** A yes/no choice: checked when its value is `on` (what a browser posts for a ticked box). */
export const checkbox = ({ name, label, values, errors, hint }: FieldOptions): string => {
  const id = fieldId(name);
  const error = errors[name];
  return (
    `<div class="field check"><input id="${id}" name="${escapeHtml(name)}" type="checkbox" value="on"` +
    `${values[name] === 'on' ? ' checked' : ''}${described(name, hint, error)}>` +
    `<label for="${id}">${escapeHtml(label)}</label>${hintLine(name, hint)}${errorLine(name, error)}</div>`
  );
};

export const selectField = (
  { name, label, values, errors, hint, hiddenLabel }: FieldOptions,
  options: ReadonlyArray<{ value: string; label: string }>,
): string => {
  const id = fieldId(name);
  const error = errors[name];
  const chosen = values[name] ?? '';
  return (
    `<div class="field"><label for="${id}"${hiddenLabel ? ' class="sr"' : ''}>${escapeHtml(label)}</label>` +
    hintLine(name, hint) +
    `<select id="${id}" name="${escapeHtml(name)}"${described(name, hint, error)}>` +
    options
      .map(
        (option) =>
          `<option value="${escapeHtml(option.value)}"${option.value === chosen ? ' selected' : ''}>${escapeHtml(option.label)}</option>`,
      )
      .join('') +
    `</select>${errorLine(name, error)}</div>`
  );
};

/** A group of checkboxes (`<fieldset>` with a legend), one per choice, named `<group>.<value>`. */
export const checkboxGroup = (
  group: string,
  legend: string,
  choices: ReadonlyArray<{ value: string; label: string }>,
  values: FormValues,
  errors: FormErrors,
): string => {
  const error = errors[group];
  return (
    `<fieldset class="field"${error ? ` aria-describedby="${fieldId(group)}-error" aria-invalid="true"` : ''}>` +
    `<legend>${escapeHtml(legend)}</legend><div class="choices">` +
    choices
      .map(({ value, label }) => {
        const name = `${group}.${value}`;
        return (
          `<span class="check"><input id="${fieldId(name)}" name="${escapeHtml(name)}" type="checkbox" value="on"` +
          `${values[name] === 'on' ? ' checked' : ''}><label for="${fieldId(name)}">${escapeHtml(label)}</label></span>`
        );
      })
      .join('') +
    `</div>${errorLine(group, error)}</fieldset>`
  );
};

/** The values ticked in a checkbox group. */
export const tickedIn = (values: FormValues, group: string, choices: readonly string[]): string[] =>
  choices.filter((choice) => values[`${group}.${choice}`] === 'on');

/**
 * Each error of a refused save, placed on the form field it concerns: the field whose name is the longest prefix of
 * the error's path (`calendar.holidays.2` -> `calendar.holidays`); an error no field owns goes to `form`.
 */
export const errorsByField = (
  details: ReadonlyArray<{ path: string; message: string }>,
  fieldNames: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const { path, message } of details) {
    const owner =
      aliases[path] ??
      [...fieldNames]
        .sort((a, b) => b.length - a.length)
        .find((name) => path === name || path.startsWith(`${name}.`)) ??
      'form';
    errors[owner] = errors[owner] ? `${errors[owner]}; ${message}` : message;
  }
  return errors;
};

/** Lines of a textarea, trimmed, blank ones dropped. */
export const linesOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/\r?\n|,/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Lines of a textarea split on line breaks only (for values that may hold a comma), trimmed, blank ones dropped. */
export const eachLineOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A number field: a number when it reads as one, else the text as typed (so the schema names the field). */
export const numberOf = (value: string | undefined): number | string | undefined => {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
};
