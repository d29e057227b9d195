import { staffRoute } from '../../http/route.js';
import { casePathSchema } from '../../schemas/shared-fields.js';
import { noteBodySchema } from '../../schemas/staff-requests.js';
import { jsonResponse } from '../../http/responses.js';
import { addCaseNote } from '../../use-cases/staff/add-case-note.js';
import { routePorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsKpis } from '../../capabilities/tables/aws.js';

const ports = routePorts('addCaseNote', { cases: awsCases, stores: awsStores, kpis: awsKpis });

/** POST /v1/staff/cases/{caseId}/notes: 201 with the note's event id; internal, never emailed. */
export const handler = staffRoute(
  'addCaseNote',
  { path: casePathSchema, body: noteBodySchema },
  ports,
  async ({ path, body, user, dependencies }) => {
    const note = await addCaseNote(dependencies, { user, caseId: path.caseId, body: body.body });
    return jsonResponse(201, { eventId: note.eventId, at: note.at });
  },
);
