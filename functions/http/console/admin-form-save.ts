import type { APIGatewayProxyResult } from 'aws-lambda';
import type { PortName } from '../../capabilities/catalog.js';
import type { Notice } from '../../pages/console/admin/admin-section.js';
import { consolePage } from '../../pages/console/console-layout.js';
import { refusedUnless } from './console-access.js';
import { seeOther } from './console-request.js';
import { consoleHtml, type ConsoleRequest } from './console-route.js';
import { formValuesOf, refusedSave } from './form-outcome.js';

type FormValues = Record<string, string>;

export interface AdminForm {
  /** The form's field names, where a refusal's errors go (`form` for the rest). */
  fields: readonly string[];
  /** The page the save goes back to, with `?saved=1`. */
  savedPath: string;
  title: string;
  /** Parses the posted form into the JSON API's body and runs its schema and use case (conditional on the version). */
  save: (posted: FormValues) => Promise<unknown>;
  /** The form's values as saved now (after a 409: someone saved meanwhile). */
  saved: () => Promise<FormValues>;
  render: (values: FormValues, errors: Record<string, string>, notice: Notice) => string;
}

/**
 * The save of an admin form page (admins only; the CSRF token and origin are `consoleRoute`'s): the posted form
 * through the admin API's schema and use case, then 303 back with a notice. Refused: the form again, as typed with
 * each error beside its field (400), or as saved now with a notice (409); nothing written either way.
 */
export const saveAdminForm = async <P extends PortName>(
  request: ConsoleRequest<P>,
  form: AdminForm,
): Promise<APIGatewayProxyResult> => {
  const refused = refusedUnless(request, 'admin');
  if (refused) return refused;
  const posted = formValuesOf(request.fields);
  try {
    await form.save(posted);
    return seeOther(`${form.savedPath}?saved=1`);
  } catch (error) {
    const { statusCode, errors, notice } = refusedSave(error, form.fields, request.locale);
    const values = statusCode === 409 ? await form.saved() : posted;
    return consoleHtml(statusCode, consolePage(request, form.title, form.render(values, errors, notice)));
  }
};
