import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { seeOther } from '../../http/console/console-request.js';
import { detailsIn } from '../../http/console/localized-details.js';
import { consoleRoute } from '../../http/console/console-route.js';
import { casePageResponse, caseRefusal } from '../../http/console/case-page-response.js';
import { isConsoleCaseAction, roleMayTake } from '../../pages/console-case-actions.js';
import type { FailedForm } from '../../pages/console-case-forms.js';
import { formFields, parseCaseForm, refusedFields } from '../../schemas/console-case-forms.js';
import { takeCaseAction } from '../../use-cases/staff/take-case-action.js';
import { ASSIGNMENT_CHANGING_ADAPTERS } from '../../capabilities/assignment-changing-adapters.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsConsoleSessions } from '../../capabilities/console-sessions/aws.js';
import { awsUploads } from '../../capabilities/uploads/aws.js';

const ports = routePorts('takeConsoleCaseAction', {
  ...ASSIGNMENT_CHANGING_ADAPTERS,
  uploads: awsUploads,
  consoleSessions: awsConsoleSessions,
});

/**
 * POST /console/cases/{caseId}: one form of the case page (`action` names it; the CSRF token and origin are checked
 * before, by `consoleRoute`). A role the action's API route does not allow: 403. A form the API's schema refuses: the
 * page again, 400, each error next to its field, nothing written. Then the action's own use case, as the staff API
 * runs it: done is a 303 back to the page with a notice; a refusal is the page again (400 by field, 409 "not now").
 */
export const handler = consoleRoute(ports, async (request) => {
  const caseId = request.pathParameters.caseId ?? '';
  const fields = formFields(request.fields);
  const action = fields.action;
  if (!isConsoleCaseAction(action)) {
    return casePageResponse(request, caseId, { status: 400 });
  }
  const failed = (status: number, form: Omit<FailedForm, 'action' | 'values'>) =>
    casePageResponse(request, caseId, { status, failed: { action, values: fields, ...form } });
  if (!roleMayTake(request.user, action)) return failed(403, { errors: {}, refusal: 'forbidden' });
  const parsed = parseCaseForm(action, fields);
  if (!parsed.ok) return failed(400, { errors: parsed.errors });
  try {
    const outcome = await takeCaseAction(request.dependencies, request.user, caseId, parsed.request);
    const notice = outcome === 'done' ? action : outcome;
    return seeOther(`${encodeURIComponent(caseId)}?notice=${notice}`);
  } catch (error) {
    if (error instanceof NotFoundError) return caseRefusal(request, error);
    if (error instanceof ValidationError) {
      const details = error.details ? detailsIn(request.locale, error) : [{ path: '', message: error.message }];
      return failed(400, { errors: refusedFields(action, details) });
    }
    if (error instanceof ForbiddenError) return failed(403, { errors: {}, refusal: 'forbidden' });
    if (error instanceof DomainError && error.statusCode === 409)
      return failed(409, { errors: {}, refusal: 'conflict' });
    throw error;
  }
});
